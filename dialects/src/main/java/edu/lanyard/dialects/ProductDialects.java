package edu.lanyard.dialects;

import edu.lanyard.core.config.LanyardConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The product dialects and their mounts. A mount's name is a dialect name, optionally followed by a qualifier
 * ({@code maxkeyLegacy} is MaxKey at its pre-3.0 prefix {@code /maxkey}).
 */
public final class ProductDialects {
    public static final List<String> NAMES = List.of(KetanyunDialect.NAME, AuthzDialect.NAME, MaxKeyDialect.NAME,
            CasDialect.NAME, PhpSsoDialect.NAME);

    private ProductDialects() {
    }

    /**
     * Every enabled mount, in name order (so routes are registered the same way on every node). Called at node start,
     * so a mount with an unknown option or a wrong value stops the node with every problem named.
     *
     * @throws InvalidDialectOptionsException naming each bad option of every mount
     */
    public static List<ProductDialect> enabled(Map<String, LanyardConfig.DialectMount> mounts) {
        List<ProductDialect> dialects = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        if (mounts == null) {
            return dialects;
        }
        new TreeMap<>(mounts).forEach((mountName, mount) -> {
            if (mount != null && mount.enabled()) {
                try {
                    dialects.add(mount(mountName, dialectOf(mountName), mount.prefix(), mount.options()));
                } catch (InvalidDialectOptionsException e) {
                    problems.addAll(e.problems());
                }
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidDialectOptionsException(problems);
        }
        return dialects;
    }

    /** A dialect mounted under its own name (tests and defaults). */
    public static ProductDialect create(String dialect, String prefix, Map<String, Object> options) {
        return mount(dialect, dialect, prefix, options);
    }

    private static ProductDialect mount(String mountName, String dialect, String prefix, Map<String, Object> options) {
        String where = "dialects." + mountName + ".options";
        return switch (dialect) {
            case KetanyunDialect.NAME -> new KetanyunDialect(prefix, KetanyunOptions.SCHEMA.forMount(where, options));
            case AuthzDialect.NAME -> new AuthzDialect(prefix, MaxKeyOptions.SCHEMA.forMount(where, options));
            case MaxKeyDialect.NAME -> new MaxKeyDialect(prefix, MaxKeyOptions.SCHEMA.forMount(where, options));
            case CasDialect.NAME -> new CasDialect(prefix, CasOptions.SCHEMA.forMount(where, options));
            case PhpSsoDialect.NAME -> new PhpSsoDialect(prefix, PhpSsoOptions.SCHEMA.forMount(where, options));
            default -> throw new IllegalArgumentException("unknown dialect '" + dialect + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
    }

    /**
     * What is wrong with the {@code options} of a client imported for {@code dialect} (null or "standard" for the
     * standard dialect, whose clients may set only the profile options); empty when nothing is.
     *
     * @param where the label each problem starts with, e.g. {@code clients[3].options}
     */
    public static List<String> clientOptionProblems(String dialect, String where, Map<String, ?> options) {
        OptionsSchema<?> schema = switch (dialect == null ? "standard" : dialect) {
            case KetanyunDialect.NAME -> KetanyunOptions.SCHEMA;
            case AuthzDialect.NAME, MaxKeyDialect.NAME -> MaxKeyOptions.SCHEMA;
            case CasDialect.NAME -> CasOptions.SCHEMA;
            case PhpSsoDialect.NAME -> PhpSsoOptions.SCHEMA;
            default -> ProfileOptions.SCHEMA;
        };
        return schema.clientProblems(where, options);
    }

    /** The defaults of a client imported for {@code dialect}; empty for the standard dialect. */
    public static Optional<ClientProfile> clientDefaults(String dialect) {
        if (dialect == null || !NAMES.contains(dialect)) {
            return Optional.empty();
        }
        return Optional.of(create(dialect, "", Map.of()).clientDefaults());
    }

    static String dialectOf(String mountName) {
        String lower = mountName.toLowerCase(Locale.ROOT);
        return NAMES.stream().filter(lower::startsWith).findFirst().orElseThrow(() ->
                new IllegalArgumentException("dialects." + mountName + ": the mount name must start with one of "
                        + String.join(", ", NAMES)));
    }
}
