package edu.lanyard.dialects.cas;

import edu.lanyard.dialects.OptionsReader;
import edu.lanyard.dialects.OptionsSchema;
import edu.lanyard.dialects.ProfileOptions;

import java.util.Optional;

/**
 * CAS's switches (docs/migrating.md).
 *
 * @param hostSuffix             mount: appended to tickets ({@code AT-…-host})
 * @param tokenResponseFormat    per client: {@code json}, or CAS 5.x's {@code text} {@code access_token=…&expires_in=…}
 * @param errorFormat            mount: CAS 5.x's {@code text} {@code error=…}, or 6.x's {@code json}
 * @param idAttribute            per client: the user field the profile's {@code id} is read from
 * @param profileView            per client: {@code nested} attributes or {@code flat}
 * @param profileServiceKeys     per client: adds {@code client_id} and {@code service} to the profile
 * @param credentialType         per client: adds a {@code credentialType} attribute with this value
 * @param followServiceRedirects mount: logout follows {@code service} / {@code url}
 * @param tokenKeyOrder          per client: the token response's key order, CAS 6.0/6.1's (default) or 5.x's
 * @param accessTokenIdleSeconds per client (and mount): CAS's sliding {@code timeToKillInSeconds}, default 7200: an
 *                               access token unused that long dies, each use extends it up to its hard maximum
 *                               ({@code expires_in}); 0 lets tokens live their full {@code expires_in}
 * @param serviceTicketSeconds   mount: how long a CAS protocol service or proxy ticket may wait for validation
 *                               (default 10, CAS's own)
 * @param proxyCallbackTrustCert mount: a PEM file of certificates trusted (besides the JDK's) for proxy callbacks
 *                               and back-channel logout notices over https, e.g. a test's self-signed one
 */
public record CasOptions(ProfileOptions profile, Optional<String> hostSuffix, TokenResponseFormat tokenResponseFormat,
                         ErrorFormat errorFormat, String idAttribute, ProfileView profileView,
                         boolean profileServiceKeys, Optional<String> credentialType, boolean followServiceRedirects,
                         TokenKeyOrder tokenKeyOrder, long accessTokenIdleSeconds, long serviceTicketSeconds,
                         Optional<String> proxyCallbackTrustCert) {
    /** A CAS 6.x-style options record without the CAS protocol's own switches (their defaults). */
    public CasOptions(ProfileOptions profile, Optional<String> hostSuffix, TokenResponseFormat tokenResponseFormat,
                      ErrorFormat errorFormat, String idAttribute, ProfileView profileView,
                      boolean profileServiceKeys, Optional<String> credentialType, boolean followServiceRedirects,
                      TokenKeyOrder tokenKeyOrder, long accessTokenIdleSeconds) {
        this(profile, hostSuffix, tokenResponseFormat, errorFormat, idAttribute, profileView, profileServiceKeys,
                credentialType, followServiceRedirects, tokenKeyOrder, accessTokenIdleSeconds,
                SERVICE_TICKET_SECONDS, Optional.empty());
    }

    /** CAS's default service ticket lifetime. */
    public static final long SERVICE_TICKET_SECONDS = 10;

    /** CAS's {@code cas.authn.oauth.accessToken.timeToKillInSeconds} default, the seed's "有效期2小时". */
    public static final long CAS_IDLE_SECONDS = 7200;

    public enum TokenResponseFormat { JSON, TEXT }

    public enum ErrorFormat { TEXT, JSON }

    public enum ProfileView { NESTED, FLAT }

    /**
     * CAS 6.0/6.1 wrote {@code access_token, refresh_token, token_type, expires_in} (the seed's order); 5.2/5.3 wrote
     * {@code access_token, token_type, expires_in, refresh_token}. Only clients that parse JSON by position care.
     */
    public enum TokenKeyOrder { CAS6, CAS5 }

    public static final OptionsSchema<CasOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("hostSuffix", "tokenResponseFormat", "errorFormat", "idAttribute", "profileView",
                    "profileServiceKeys", "credentialType", "followServiceRedirects", "tokenKeyOrder",
                    "accessTokenIdleSeconds", "serviceTicketSeconds", "proxyCallbackTrustCert"),
            ProfileOptions.with("tokenResponseFormat", "idAttribute", "profileView", "profileServiceKeys",
                    "credentialType", "tokenKeyOrder", "accessTokenIdleSeconds"),
            new CasOptions(ProfileOptions.DEFAULTS, Optional.empty(), TokenResponseFormat.JSON, ErrorFormat.TEXT,
                    "username", ProfileView.NESTED, false, Optional.empty(), true, TokenKeyOrder.CAS6,
                    CAS_IDLE_SECONDS),
            CasOptions::read);

    private static CasOptions read(OptionsReader in, CasOptions base) {
        return new CasOptions(ProfileOptions.read(in, base.profile()),
                Optional.ofNullable(in.string("hostSuffix", base.hostSuffix().orElse(null))),
                in.choice("tokenResponseFormat", TokenResponseFormat.class, base.tokenResponseFormat()),
                in.choice("errorFormat", ErrorFormat.class, base.errorFormat()),
                in.string("idAttribute", base.idAttribute()),
                in.choice("profileView", ProfileView.class, base.profileView()),
                in.bool("profileServiceKeys", base.profileServiceKeys()),
                Optional.ofNullable(in.string("credentialType", base.credentialType().orElse(null))),
                in.bool("followServiceRedirects", base.followServiceRedirects()),
                in.choice("tokenKeyOrder", TokenKeyOrder.class, base.tokenKeyOrder()),
                in.seconds("accessTokenIdleSeconds", base.accessTokenIdleSeconds()),
                in.seconds("serviceTicketSeconds", base.serviceTicketSeconds()),
                Optional.ofNullable(in.string("proxyCallbackTrustCert", base.proxyCallbackTrustCert().orElse(null)))
                        .filter(file -> !file.isBlank()));
    }
}
