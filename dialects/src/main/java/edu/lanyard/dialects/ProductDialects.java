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

    /** Every enabled mount, in name order (so routes are registered the same way on every node). */
    public static List<ProductDialect> enabled(Map<String, LanyardConfig.DialectMount> mounts) {
        List<ProductDialect> dialects = new ArrayList<>();
        if (mounts == null) {
            return dialects;
        }
        new TreeMap<>(mounts).forEach((mountName, mount) -> {
            if (mount != null && mount.enabled()) {
                dialects.add(create(dialectOf(mountName), mount.prefix(), mount.options()));
            }
        });
        return dialects;
    }

    public static ProductDialect create(String dialect, String prefix, Map<String, Object> options) {
        return switch (dialect) {
            case KetanyunDialect.NAME -> new KetanyunDialect(prefix, options);
            case AuthzDialect.NAME -> new AuthzDialect(prefix, options);
            case MaxKeyDialect.NAME -> new MaxKeyDialect(prefix, options);
            case CasDialect.NAME -> new CasDialect(prefix, options);
            case PhpSsoDialect.NAME -> new PhpSsoDialect(prefix, options);
            default -> throw new IllegalArgumentException("unknown dialect '" + dialect + "' (known: "
                    + String.join(", ", NAMES) + ")");
        };
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
