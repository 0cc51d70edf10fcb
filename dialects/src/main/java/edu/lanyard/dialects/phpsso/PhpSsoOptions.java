package edu.lanyard.dialects.phpsso;

import edu.lanyard.dialects.OptionsReader;
import edu.lanyard.dialects.OptionsSchema;
import edu.lanyard.dialects.ProfileOptions;

import java.util.Locale;

/**
 * The PHP SSO's switches (docs/migrating.md).
 *
 * @param rejectBasicWithClientId mount: refuse HTTP Basic together with a posted client_id, as oauth2-php did
 * @param expiresInAsString       per client: {@code "expires_in":"3600"} (the product) or a number
 * @param tokenTypeAccess         per client: adds {@code "token_type":"access"} as the 2012 product did
 * @param debugErrors             mount: adds {@code error_description} to errors
 * @param implicitDelivery        per client: where implicit tokens go
 * @param clientIdIgnoresCase     mount: a client_id is found whatever its case, as the product's lookup did
 */
public record PhpSsoOptions(ProfileOptions profile, boolean rejectBasicWithClientId, boolean expiresInAsString,
                            boolean tokenTypeAccess, boolean debugErrors, ImplicitDelivery implicitDelivery,
                            boolean clientIdIgnoresCase) {

    /** {@code query} as the product's document; {@code fragment} as oauth2-php; {@code both}. */
    public enum ImplicitDelivery {
        QUERY, FRAGMENT, BOTH;

        /** The authorize endpoint's name for it. */
        public String responseMode() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final OptionsSchema<PhpSsoOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("rejectBasicWithClientId", "expiresInAsString", "tokenTypeAccess", "debugErrors",
                    "implicitDelivery", "clientIdIgnoresCase"),
            ProfileOptions.with("expiresInAsString", "tokenTypeAccess", "implicitDelivery"),
            new PhpSsoOptions(ProfileOptions.DEFAULTS, false, true, false, false, ImplicitDelivery.QUERY, true),
            PhpSsoOptions::read);

    private static PhpSsoOptions read(OptionsReader in, PhpSsoOptions base) {
        return new PhpSsoOptions(ProfileOptions.read(in, base.profile()),
                in.bool("rejectBasicWithClientId", base.rejectBasicWithClientId()),
                in.bool("expiresInAsString", base.expiresInAsString()),
                in.bool("tokenTypeAccess", base.tokenTypeAccess()),
                in.bool("debugErrors", base.debugErrors()),
                in.choice("implicitDelivery", ImplicitDelivery.class, base.implicitDelivery()),
                in.bool("clientIdIgnoresCase", base.clientIdIgnoresCase()));
    }
}
