package edu.lanyard.launcher;

import edu.lanyard.common.config.ConfigLoader;
import edu.lanyard.common.config.LanyardConfig;
import edu.lanyard.common.crypto.PasswordHasher;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code lanyard admin COMMAND}: the operator API from a terminal. Credentials come from options or the environment
 * ({@code LANYARD_ADMIN_URL}, {@code LANYARD_ADMIN_TOKEN}, or {@code LANYARD_ADMIN_USER} with
 * {@code LANYARD_ADMIN_PASSWORD}); the server is configured with their hashes, which {@code hash-password} and
 * {@code new-token} print.
 */
public final class AdminCommand {
    static final String USAGE = """
            usage: lanyard admin COMMAND [--url http://127.0.0.1:8080] [--token T | --user U --password P]
              sessions USER [--by-username]     active SSO sessions of a user (by subject, or user name)
              grants USER [--by-username]       token families of a user that may hold valid tokens
              revoke-user USER [--by-username]  end every session and revoke every family of a user
              revoke-client CLIENT              revoke every family of a client
              audit [--subject S] [--username U] [--client C] [--action A] [--result R] [--ip IP]
                    [--from TIME] [--to TIME] [--limit N]
              stats [CLIENT] [--from TIME] [--to TIME]
                                                per-client totals, or one client minute by minute
              status                            projector state, lag per partition, recent replays
              replay [--from-beginning | --since TIME]
                                                rebuild the projections inside the server
              hash-password                     read a password on stdin, print admin.passwordHash
              new-token                         print a new token and the admin.tokenHash to configure
            TIME is ISO-8601, e.g. 2026-11-20T08:00:00Z.""";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminCommand() {
    }

    /** Answers the process exit code. */
    public static int run(CommandLine line) throws IOException, InterruptedException {
        List<String> args = line.arguments();
        String command = args.isEmpty() ? "help" : args.get(0);
        String target = args.size() > 1 ? args.get(1) : null;
        return switch (command) {
            case "hash-password" -> hashPassword(line);
            case "new-token" -> newToken();
            case "sessions" -> call(line, "GET", "/admin/users/" + required(target, "USER") + "/sessions",
                    byUsername(line));
            case "grants" -> call(line, "GET", "/admin/users/" + required(target, "USER") + "/grants",
                    byUsername(line));
            case "revoke-user" -> call(line, "POST", "/admin/users/" + required(target, "USER") + "/revoke",
                    byUsername(line));
            case "revoke-client" -> call(line, "POST", "/admin/clients/" + required(target, "CLIENT") + "/revoke",
                    Map.of());
            case "audit" -> call(line, "GET", "/admin/audit", query(line, Map.of("subject", "subject",
                    "username", "username", "client", "client_id", "action", "action", "result", "result",
                    "ip", "ip", "from", "from", "to", "to", "limit", "limit")));
            case "stats" -> call(line, "GET", target == null ? "/admin/stats"
                    : "/admin/clients/" + encode(target) + "/stats", query(line, Map.of("from", "from", "to", "to")));
            case "status" -> call(line, "GET", "/admin/projection", Map.of());
            case "replay" -> call(line, "POST", "/admin/replay", replayQuery(line));
            case "help" -> {
                System.out.println(USAGE);
                yield 0;
            }
            default -> {
                System.err.println("unknown admin command: " + command + "\n" + USAGE);
                yield 2;
            }
        };
    }

    private static int call(CommandLine line, String method, String path, Map<String, String> query)
            throws IOException, InterruptedException {
        String base = line.option("url").or(() -> env("LANYARD_ADMIN_URL")).orElse("http://127.0.0.1:8080");
        String queryString = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stripSlash(base) + path
                        + (queryString.isEmpty() ? "" : "?" + queryString)))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization(line))
                .method(method, HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        String body = response.body();
        try {
            body = new JsonObject(body).encodePrettily();
        } catch (RuntimeException notJson) {
            // print whatever the server said
        }
        (response.statusCode() < 300 ? System.out : System.err).println(body);
        return response.statusCode() < 300 ? 0 : 1;
    }

    private static String authorization(CommandLine line) {
        Optional<String> token = line.option("token").or(() -> env("LANYARD_ADMIN_TOKEN"));
        if (token.isPresent()) {
            return "Bearer " + token.get();
        }
        String user = line.option("user").or(() -> env("LANYARD_ADMIN_USER")).orElseThrow(() ->
                new IllegalArgumentException("give --token (or LANYARD_ADMIN_TOKEN), or --user and --password"));
        String password = line.option("password").or(() -> env("LANYARD_ADMIN_PASSWORD")).orElseThrow(() ->
                new IllegalArgumentException("give --password (or LANYARD_ADMIN_PASSWORD) with --user"));
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, String> byUsername(CommandLine line) {
        return line.option("by-username").isPresent() ? Map.of("by", "username") : Map.of();
    }

    private static Map<String, String> query(CommandLine line, Map<String, String> optionToParameter) {
        Map<String, String> query = new LinkedHashMap<>();
        optionToParameter.forEach((option, parameter) -> line.option(option).ifPresent(v -> query.put(parameter, v)));
        return query;
    }

    private static Map<String, String> replayQuery(CommandLine line) {
        return ReplayCommand.since(line) == null ? Map.of("from_beginning", "true")
                : Map.of("since", line.option("since").orElseThrow());
    }

    private static int hashPassword(CommandLine line) throws IOException {
        String password = readSecret("admin password: ");
        if (password == null || password.isEmpty()) {
            System.err.println("no password given");
            return 2;
        }
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), System.getenv());
        System.out.println(PasswordHasher.fromConfig(config.login()).hash(password));
        return 0;
    }

    private static int newToken() {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        System.out.println("token (give to operators, e.g. LANYARD_ADMIN_TOKEN): " + token);
        System.out.println("admin.tokenHash (server config, LANYARD_ADMIN_TOKEN_HASH): "
                + AdminCredentials.sha256Hex(token));
        return 0;
    }

    private static String readSecret(String prompt) throws IOException {
        Console console = System.console();
        if (console != null) {
            char[] typed = console.readPassword(prompt);
            return typed == null ? null : new String(typed);
        }
        return new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }

    private static String required(String value, String name) {
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + "\n" + USAGE);
        }
        return encode(value);
    }

    private static Optional<String> env(String name) {
        return Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
