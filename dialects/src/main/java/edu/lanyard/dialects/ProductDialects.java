package edu.lanyard.dialects;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.dialects.cas.CasDialect;
import edu.lanyard.dialects.cas.CasOptions;
import edu.lanyard.dialects.cas.CasProduct;
import edu.lanyard.dialects.ketanyun.KetanyunDialect;
import edu.lanyard.dialects.ketanyun.KetanyunOptions;
import edu.lanyard.dialects.ketanyun.KetanyunProduct;
import edu.lanyard.dialects.maxkey.AuthzDialect;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyOptions;
import edu.lanyard.dialects.maxkey.MaxKeyProduct;
import edu.lanyard.dialects.phpsso.PhpSsoDialect;
import edu.lanyard.dialects.phpsso.PhpSsoOptions;
import edu.lanyard.dialects.phpsso.PhpSsoProduct;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The product dialects and their mounts. A mount's name is a dialect name, optionally followed by a qualifier
 * ({@code maxkeyLegacy} is MaxKey at its pre-3.0 prefix {@code /maxkey}).
 */
public final class ProductDialects {
    /** Every product's fixed data, by dialect name. */
    private static final Map<String, ProductDescriptor> PRODUCTS = Stream.of(KetanyunProduct.DESCRIPTOR,
                    MaxKeyProduct.AUTHZ_DESCRIPTOR, MaxKeyProduct.DESCRIPTOR, CasProduct.DESCRIPTOR,
                    PhpSsoProduct.DESCRIPTOR)
            .collect(Collectors.toMap(ProductDescriptor::name, p -> p, (a, b) -> a, LinkedHashMap::new));
    public static final List<String> NAMES = List.copyOf(PRODUCTS.keySet());

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
            case KetanyunProduct.NAME -> new KetanyunDialect(prefix, KetanyunOptions.SCHEMA.forMount(where, options));
            case MaxKeyProduct.AUTHZ_NAME -> new AuthzDialect(prefix, MaxKeyOptions.SCHEMA.forMount(where, options));
            case MaxKeyProduct.NAME -> new MaxKeyDialect(prefix, MaxKeyOptions.SCHEMA.forMount(where, options));
            case CasProduct.NAME -> new CasDialect(prefix, CasOptions.SCHEMA.forMount(where, options));
            case PhpSsoProduct.NAME -> new PhpSsoDialect(prefix, PhpSsoOptions.SCHEMA.forMount(where, options));
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
            case KetanyunProduct.NAME -> KetanyunOptions.SCHEMA;
            case MaxKeyProduct.AUTHZ_NAME, MaxKeyProduct.NAME -> MaxKeyOptions.SCHEMA;
            case CasProduct.NAME -> CasOptions.SCHEMA;
            case PhpSsoProduct.NAME -> PhpSsoOptions.SCHEMA;
            default -> ProfileOptions.SCHEMA;
        };
        if (schema == MaxKeyOptions.SCHEMA) {
            MaxKeyOptions.warnUnsafe(where, options);
        }
        return schema.clientProblems(where, options);
    }

    /** The defaults of a client imported for {@code dialect}; empty for the standard dialect. */
    public static Optional<ClientProfile> clientDefaults(String dialect) {
        return Optional.ofNullable(dialect == null ? null : PRODUCTS.get(dialect)).map(ProductDescriptor::importDefaults);
    }

    static String dialectOf(String mountName) {
        String lower = mountName.toLowerCase(Locale.ROOT);
        return NAMES.stream().filter(lower::startsWith).findFirst().orElseThrow(() ->
                new IllegalArgumentException("dialects." + mountName + ": the mount name must start with one of "
                        + String.join(", ", NAMES)));
    }
}
