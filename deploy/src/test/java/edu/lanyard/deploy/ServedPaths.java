package edu.lanyard.deploy;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.dialects.DialectEndpoint;
import edu.lanyard.dialects.ProductDialect;
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
 * them. {@code /health/*}, {@code /metrics} and {@code /admin} are not public and are in none of these.
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
        for (ProductDialect dialect : ProductDialects.enabled(config.dialects())) {
            // As TokenService, AuthorizeService and UserinfoService mount each dialect's endpoints.
            dialectPaths(served, dialect, "token", ProductDialect::tokenEndpoints);
            dialectPaths(served, dialect, "token", ProductDialect::introspectionEndpoints);
            dialectPaths(served, dialect, "authorize", ProductDialect::authorizeEndpoints);
            dialectPaths(served, dialect, "authorize", ProductDialect::logoutEndpoints);
            dialectPaths(served, dialect, "userinfo", ProductDialect::profileEndpoints);
        }
        return served;
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
