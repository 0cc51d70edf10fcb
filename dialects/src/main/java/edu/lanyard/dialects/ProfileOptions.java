package edu.lanyard.dialects;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The profile options every product understands (docs/products.md decision 6), per client or per mount.
 *
 * @param profileFields    a whitelist of the profile fields the client may see; empty for all of them
 * @param attributeMapping profile field name to the user attribute it is read from
 */
public record ProfileOptions(Optional<List<String>> profileFields, Map<String, String> attributeMapping) {
    public static final String PROFILE_FIELDS = "profileFields";
    public static final String ATTRIBUTE_MAPPING = "attributeMapping";
    public static final List<String> NAMES = List.of(PROFILE_FIELDS, ATTRIBUTE_MAPPING);
    public static final ProfileOptions DEFAULTS = new ProfileOptions(Optional.empty(), Map.of());

    public static ProfileOptions read(OptionsReader in, ProfileOptions base) {
        return new ProfileOptions(in.list(PROFILE_FIELDS, base.profileFields()),
                in.map(ATTRIBUTE_MAPPING, base.attributeMapping()));
    }

    /** The standard dialect's clients: only these two. */
    public static final OptionsSchema<ProfileOptions> SCHEMA = new OptionsSchema<>(NAMES, NAMES, DEFAULTS,
            ProfileOptions::read);

    /** A product's option names: these two, then the product's own. */
    public static List<String> with(String... names) {
        List<String> all = new java.util.ArrayList<>(NAMES);
        all.addAll(List.of(names));
        return List.copyOf(all);
    }
}
