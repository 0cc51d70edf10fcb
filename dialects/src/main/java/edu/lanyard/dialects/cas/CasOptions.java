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
 */
public record CasOptions(ProfileOptions profile, Optional<String> hostSuffix, TokenResponseFormat tokenResponseFormat,
                         ErrorFormat errorFormat, String idAttribute, ProfileView profileView,
                         boolean profileServiceKeys, Optional<String> credentialType, boolean followServiceRedirects) {
    public enum TokenResponseFormat { JSON, TEXT }

    public enum ErrorFormat { TEXT, JSON }

    public enum ProfileView { NESTED, FLAT }

    public static final OptionsSchema<CasOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("hostSuffix", "tokenResponseFormat", "errorFormat", "idAttribute", "profileView",
                    "profileServiceKeys", "credentialType", "followServiceRedirects"),
            ProfileOptions.with("tokenResponseFormat", "idAttribute", "profileView", "profileServiceKeys",
                    "credentialType"),
            new CasOptions(ProfileOptions.DEFAULTS, Optional.empty(), TokenResponseFormat.JSON, ErrorFormat.TEXT,
                    "username", ProfileView.NESTED, false, Optional.empty(), true),
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
                in.bool("followServiceRedirects", base.followServiceRedirects()));
    }
}
