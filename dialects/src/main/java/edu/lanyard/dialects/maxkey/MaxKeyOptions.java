package edu.lanyard.dialects.maxkey;

import edu.lanyard.dialects.OptionsReader;
import edu.lanyard.dialects.OptionsSchema;
import edu.lanyard.dialects.ProfileOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.ZoneId;
import java.util.Map;

/**
 * MaxKey's switches, shared by the {@code /api/sso} derivative (docs/migrating.md).
 *
 * @param remindIn               per client: adds {@code remind_in} = {@code expires_in}, as MaxKey's docs showed
 * @param emptyClientAuthFailure mount: a failed client authentication answers the real filter's empty 200 body
 * @param uuidTokenCheck         mount: {@code /me} and the token endpoint reject tokens and codes not shaped as UUIDs
 * @param timeZone               mount: the zone of the profile's {@code createdate}
 * @param userinfoJwt            per client: {@code /api/connect/v10/userinfo} answers a signed JWT
 *                               ({@code application/jwt}) instead of JSON, as MaxKey's per-app setting did
 * @param openIntrospection      per client (unsafe, warned at import): {@code introspect} and {@code check_token}
 *                               answer about this client's tokens without any client authentication, as MaxKey did
 * @param logoutUrl              per client: where the back-channel logout form is posted when a session that
 *                               visited the client ends through {@code {p}/logout}; null for none
 * @param meKeys                 per client: which MaxKey version's {@code /me} keys to send (superset by default)
 */
public record MaxKeyOptions(ProfileOptions profile, boolean remindIn, boolean emptyClientAuthFailure,
                            boolean uuidTokenCheck, ZoneId timeZone, boolean userinfoJwt, boolean openIntrospection,
                            String logoutUrl, MeKeys meKeys) {
    private static final Logger LOG = LoggerFactory.getLogger(MaxKeyOptions.class);

    public static final OptionsSchema<MaxKeyOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("remindIn", "emptyClientAuthFailure", "uuidTokenCheck", "timeZone", "userinfoJwt",
                    "openIntrospection", "logoutUrl", "meKeys"),
            ProfileOptions.with("remindIn", "userinfoJwt", "openIntrospection", "logoutUrl", "meKeys"),
            new MaxKeyOptions(ProfileOptions.DEFAULTS, false, false, true, ZoneId.systemDefault(), false, false,
                    null, MeKeys.SUPERSET),
            MaxKeyOptions::read);

    private static MaxKeyOptions read(OptionsReader in, MaxKeyOptions base) {
        return new MaxKeyOptions(ProfileOptions.read(in, base.profile()),
                in.bool("remindIn", base.remindIn()),
                in.bool("emptyClientAuthFailure", base.emptyClientAuthFailure()),
                in.bool("uuidTokenCheck", base.uuidTokenCheck()),
                in.zone("timeZone", base.timeZone()),
                in.bool("userinfoJwt", base.userinfoJwt()),
                in.bool("openIntrospection", base.openIntrospection()),
                logoutUrl(in, base.logoutUrl()),
                in.choice("meKeys", MeKeys.class, base.meKeys()));
    }

    /** An absolute http(s) URL; anything else is reported at import rather than posted to. */
    private static String logoutUrl(OptionsReader in, String fallback) {
        String value = in.string("logoutUrl", fallback);
        if (value == null || value.equals(fallback)) {
            return value;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (java.net.URISyntaxException bad) {
            // reported below
        }
        return in.wrong("logoutUrl", "an absolute http or https URL", value, fallback);
    }

    /** Called once per imported client: the product's unsafe behaviours are allowed, but never silently. */
    public static void warnUnsafe(String where, Map<String, ?> clientOptions) {
        Object open = clientOptions == null ? null : clientOptions.get("openIntrospection");
        if (open != null && String.valueOf(open).trim().equalsIgnoreCase("true")) {
            LOG.warn("{}: openIntrospection is on: anyone holding one of this client's tokens can introspect it "
                    + "without client authentication (MaxKey's behaviour)", where);
        }
    }
}
