package edu.lanyard.dialects.ketanyun;

import edu.lanyard.dialects.OptionsReader;
import edu.lanyard.dialects.OptionsSchema;
import edu.lanyard.dialects.ProfileOptions;

import java.util.Optional;

/**
 * Ketanyun's switches (docs/migrating.md).
 *
 * @param allowGet                     mount: answer GET at the token endpoint instead of Oltu's invalid_request
 * @param unauthenticatedIntrospection mount: introspection without client authentication on this mount
 * @param responseScope                per client: the scope written in token responses instead of the granted one
 * @param tenant                       mount: adds {@code tenant} to introspection answers
 * @param introspectScope              mount or client: an authenticated introspection caller must be registered
 *                                     with the {@code introspect} scope, as Ketanyun's admin required (default on)
 */
public record KetanyunOptions(ProfileOptions profile, boolean allowGet, boolean unauthenticatedIntrospection,
                              Optional<String> responseScope, Optional<String> tenant,
                              boolean introspectScope) {
    public static final OptionsSchema<KetanyunOptions> SCHEMA = new OptionsSchema<>(
            ProfileOptions.with("allowGet", "unauthenticatedIntrospection", "responseScope", "tenant",
                    "introspectScope"),
            ProfileOptions.with("responseScope", "introspectScope"),
            new KetanyunOptions(ProfileOptions.DEFAULTS, false, true, Optional.empty(), Optional.empty(), true),
            KetanyunOptions::read);

    private static KetanyunOptions read(OptionsReader in, KetanyunOptions base) {
        return new KetanyunOptions(ProfileOptions.read(in, base.profile()),
                in.bool("allowGet", base.allowGet()),
                in.bool("unauthenticatedIntrospection", base.unauthenticatedIntrospection()),
                Optional.ofNullable(in.string("responseScope", base.responseScope().orElse(null))),
                Optional.ofNullable(in.string("tenant", base.tenant().orElse(null))),
                in.bool("introspectScope", base.introspectScope()));
    }
}
