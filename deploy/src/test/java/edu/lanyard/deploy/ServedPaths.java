package edu.lanyard.deploy;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.dialects.DialectEndpoint;
import edu.lanyard.dialects.ProductDialect;
import edu.lanyard.dialects.cas.CasDialect;
import edu.lanyard.dialects.cas.protocol.CasProtocolPaths;
import edu.lanyard.dialects.maxkey.MaxKeyDialect;
import edu.lanyard.dialects.maxkey.MaxKeyEndpoints;
import edu.lanyard.dialects.ProductDialects;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public paths the application serves, and which service serves each, taken from the application itself: the
 * standard endpoints from the path literals of each service's route table (TokenService, AuthorizeService,
 * UserinfoService, and the sign-in pages' asset mount), the product dialects' endpoints from {@link ProductDialects}
 * for the dialect mounts a pod's configuration enables, split between the services as their mount methods split
 * them. {@code /health/*} and {@code /metrics} are not public and are in none of these; {@code /console} (the
 * console's pages and API, ConsoleService) and {@code /admin} (the operator API it calls, AdminApi, on the
 * projection pod) are, when the configuration enables the console ({@code console.enabled}).
 */
final class ServedPaths {
    private static final Path SOURCES = Path.of("..");
    private static final Pattern PATH_LITERAL = Pattern.compile("\"(/[^\"]*)\"");
    private static final Pattern ASSETS_MOUNT = Pattern.compile("DEFAULT_MOUNT\\s*=\\s*\"(/[^\"]+)\"");

    private ServedPaths() {
    }

    /** Served path (a prefix for the assets, else an exact path) to the service that serves it. */
    static Map<String, String> of(LanyardConfig config) {
        Map<String, String> served = new TreeMap<>();
        literals("token-service/src/main/java/edu/lanyard/token/TokenService.java", PATH_LITERAL)
                .forEach(path -> put(served, path, "token"));
        literals("authorize-service/src/main/java/edu/lanyard/authorize/AuthorizeService.java", PATH_LITERAL)
                .forEach(path -> put(served, path, "authorize"));
        literals("authorize-service/src/main/java/edu/lanyard/authorize/page/Assets.java", ASSETS_MOUNT)
                .forEach(mount -> put(served, mount.endsWith("/") ? mount.substring(0, mount.length() - 1) : mount,
                        "authorize"));
        literals("userinfo-service/src/main/java/edu/lanyard/userinfo/UserinfoService.java", PATH_LITERAL)
                .forEach(path -> put(served, path, "userinfo"));
        if (config.console().enabled()) {
            prefixOf("console-service/src/main/java/edu/lanyard/console/ConsoleService.java", "/console")
                    .forEach(prefix -> put(served, prefix, "console"));
            prefixOf("projection-service/src/main/java/edu/lanyard/projection/admin/AdminApi.java", "/admin")
                    .forEach(prefix -> put(served, prefix, "projection"));
        }
        for (ProductDialect dialect : ProductDialects.enabled(config.dialects())) {
            // As TokenService, AuthorizeService and UserinfoService mount each dialect's endpoints.
            dialectPaths(served, dialect, "token", ProductDialect::tokenEndpoints);
            dialectPaths(served, dialect, "token", ProductDialect::introspectionEndpoints);
            dialectPaths(served, dialect, "authorize", ProductDialect::authorizeEndpoints);
            dialectPaths(served, dialect, "authorize", ProductDialect::logoutEndpoints);
            dialectPaths(served, dialect, "userinfo", ProductDialect::profileEndpoints);
            if (dialect.signsInThroughLoginPath()) {
                // As AuthorizeService mounts CAS's login (CasLoginEndpoint.PATH).
                put(served, dialect.prefix() + "/login", "authorize");
            }
            for (String base : dialect.clientShortcutBases()) {
                // MaxKey's consent target (ClientShortcutEndpoint.APPROVAL); the {base}/{client_id} shortcut itself
                // is "any other last segment", which no Ingress prefix can say: routed by hand if an app uses it.
                put(served, dialect.prefix() + base + "/authorize/approval", "authorize");
            }
            if (dialect instanceof CasDialect) {
                // As AuthorizeService mounts the CAS protocol's validation endpoints (CasProtocol).
                CasProtocolPaths.ALL.forEach(path -> put(served, dialect.prefix() + path, "authorize"));
            }
            if (dialect instanceof MaxKeyDialect) {
                // As TokenService, UserinfoService and AuthorizeService mount MaxKey's C.5 endpoints.
                maxKeyPaths(served, dialect, "token", MaxKeyEndpoints.INTROSPECT, MaxKeyEndpoints.CHECK_TOKEN,
                        MaxKeyEndpoints.DISCOVERY, MaxKeyEndpoints.JWKS);
                maxKeyPaths(served, dialect, "userinfo", MaxKeyEndpoints.OIDC_USERINFO);
                maxKeyPaths(served, dialect, "authorize", MaxKeyEndpoints.API_LOGOUT);
            }
        }
        return served;
    }

    /** A path with parameters (MaxKey's per-tenant discovery) cannot be an Ingress prefix and is left out. */
    @SafeVarargs
    private static void maxKeyPaths(Map<String, String> served, ProductDialect dialect, String service,
                                    List<DialectEndpoint>... lists) {
        for (List<DialectEndpoint> endpoints : lists) {
            endpoints.stream().filter(e -> !e.path().contains("/:"))
                    .forEach(e -> put(served, dialect.prefix() + e.path(), service));
        }
    }

    private static void dialectPaths(Map<String, String> served, ProductDialect dialect, String service,
                                     Function<ProductDialect, List<DialectEndpoint>> endpoints) {
        endpoints.apply(dialect).forEach(endpoint -> put(served, dialect.prefix() + endpoint.path(), service));
    }

    private static void put(Map<String, String> served, String path, String service) {
        String earlier = served.put(path, service);
        if (earlier != null && !earlier.equals(service)) {
            throw new AssertionError(path + " is served by both " + earlier + " and " + service);
        }
    }

    /**
     * {@code prefix}, if every path literal of the route table is under it (so one Ingress prefix routes them all);
     * fails the test when one is not.
     */
    private static List<String> prefixOf(String source, String prefix) {
        List<String> paths = literals(source, PATH_LITERAL).stream()
                .filter(path -> path.startsWith("/console") || path.startsWith("/admin")).toList();
        List<String> outside = paths.stream()
                .filter(path -> !path.equals(prefix) && !path.startsWith(prefix + "/")).toList();
        if (paths.isEmpty() || !outside.isEmpty()) {
            throw new AssertionError(source + " routes " + outside + " outside " + prefix);
        }
        return List.of(prefix);
    }

    private static List<String> literals(String source, Pattern pattern) {
        try {
            Matcher matcher = pattern.matcher(Files.readString(SOURCES.resolve(source)));
            List<String> found = matcher.results().map(result -> result.group(1)).toList();
            if (found.isEmpty()) {
                throw new AssertionError("no route paths found in " + source + ": has its route table moved?");
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
