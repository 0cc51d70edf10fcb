package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.MasterKeys;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.projection.admin.AdminApi;
import edu.lanyard.projection.admin.AdminCredentials;
import io.vertx.core.json.JsonObject;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
 * {@code LANYARD_ADMIN_PASSWORD}), or, for a server on this machine, from the token {@code lanyard dev} keeps in
 * {@code ./data/admin-token}; the server is configured with their hashes, which {@code hash-password} and
 * {@code new-token} print. A refusal is explained: no server there, operator API disabled, or credentials refused.
 */
public final class AdminCommand {
    static final String USAGE = """
            usage: lanyard admin COMMAND [--url http://127.0.0.1:8080] [--token T | --user U --password P]
              sessions USER [--by-username]     active SSO sessions of a user (by subject, or user name)
              grants USER [--by-username]       token families of a user that may hold valid tokens
              revoke-user USER [--by-username]  end every session and revoke every family of a user
              revoke-client CLIENT              revoke every family of a client
              unlock USER [--by-username]       lift a user's lockout and forget the failed sign-ins
              disable USER [--by-username]      refuse the user's sign-in, end every session, revoke every family
              enable USER [--by-username]       let a disabled user sign in again
              set-password USER [--by-username] [--generate]
                                                set a local user's password, read from the terminal (twice)
                                                or one line on stdin; --generate makes one and shows it once
              audit [--subject S] [--username U] [--client C] [--action A] [--result R] [--ip IP]
                    [--from TIME] [--to TIME] [--limit N]
              stats [CLIENT] [--from TIME] [--to TIME]
                                                per-client totals, or one client minute by minute
              status                            projector state, lag per partition, recent replays
              replay [--from-beginning | --since TIME]
                                                rebuild the projections inside the server
              keys                              the signing keys and the master key each is sealed under
              rewrap-keys                       re-seal every signing key under the server's current master
                                                key (after a master-key rotation, before removing the old key)
              hash-password                     read a password on stdin, print admin.passwordHash
              new-token                         print a new token and the admin.tokenHash to configure
              new-master-key                    print a new keys.masterKey (base64 of 32 random bytes)
            USER is a subject or a user name (a subject is tried first; --by-username says which).
            TIME is ISO-8601, e.g. 2026-11-20T08:00:00Z. With no credentials given, a server on this machine is
            called with the token `lanyard dev` keeps in ./data/admin-token.""";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private AdminCommand() {
    }

    /** Where the command reads its settings and writes its answers: the real terminal, or a test's. */
    record Terminal(Map<String, String> env, PrintStream out, PrintStream err, Path devTokenFile, InputStream in) {
        Terminal(Map<String, String> env, PrintStream out, PrintStream err, Path devTokenFile) {
            this(env, out, err, devTokenFile, System.in);
        }

        static Terminal system() {
            return new Terminal(System.getenv(), System.out, System.err, DevOperatorToken.FILE, System.in);
        }

        /** The terminal's own prompt (no echo) when there is one; else a line of standard input, e.g. a pipe. */
        String secret(String prompt) throws IOException {
            Console console = System.console();
            if (in == System.in && console != null) {
                char[] typed = console.readPassword(prompt);
                return typed == null ? null : new String(typed);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
        }

        boolean interactive() {
            return in == System.in && System.console() != null;
        }

        Optional<String> variable(String name) {
            return Optional.ofNullable(env.get(name)).filter(v -> !v.isBlank());
        }
    }

    /** The Authorization header to send and where its credentials came from (for messages, never the secret). */
    private record Credentials(String header, String source) {
    }

    /** Answers the process exit code. */
    public static int run(CommandLine line) throws IOException, InterruptedException {
        return run(line, Terminal.system());
    }

    static int run(CommandLine line, Terminal terminal) throws IOException, InterruptedException {
        List<String> args = line.arguments();
        String command = args.isEmpty() ? "help" : args.get(0);
        String target = args.size() > 1 ? args.get(1) : null;
        return switch (command) {
            case "hash-password" -> hashPassword(line, terminal);
            case "new-token" -> newToken(terminal);
            case "sessions" -> call(line, terminal, "GET", "/admin/users/" + required(target, "USER") + "/sessions",
                    byUsername(line));
            case "grants" -> call(line, terminal, "GET", "/admin/users/" + required(target, "USER") + "/grants",
                    byUsername(line));
            case "revoke-user" -> call(line, terminal, "POST", "/admin/users/" + required(target, "USER")
                    + "/revoke", byUsername(line));
            case "revoke-client" -> call(line, terminal, "POST", "/admin/clients/" + required(target, "CLIENT")
                    + "/revoke", Map.of());
            case "audit" -> call(line, terminal, "GET", "/admin/audit", query(line, Map.of("subject", "subject",
                    "username", "username", "client", "client_id", "action", "action", "result", "result",
                    "ip", "ip", "from", "from", "to", "to", "limit", "limit")));
            case "stats" -> call(line, terminal, "GET", target == null ? "/admin/stats"
                    : "/admin/clients/" + encode(target) + "/stats", query(line, Map.of("from", "from", "to", "to")));
            case "status" -> call(line, terminal, "GET", "/admin/projection", Map.of());
            case "replay" -> call(line, terminal, "POST", "/admin/replay", replayQuery(line));
            case "keys" -> call(line, terminal, "GET", "/admin/keys", Map.of());
            case "rewrap-keys" -> call(line, terminal, "POST", "/admin/keys/rewrap", Map.of());
            case "new-master-key" -> newMasterKey(terminal);
            case "unlock", "disable", "enable" -> call(line, terminal, "POST", "/admin/users/"
                    + required(target, "USER") + "/" + command, byUsername(line));
            case "set-password" -> setPassword(line, terminal, required(target, "USER"));
            case "help" -> {
                terminal.out().println(USAGE);
                yield 0;
            }
            default -> {
                terminal.err().println("unknown admin command: " + command + "\n" + USAGE);
                yield 2;
            }
        };
    }

    private static int call(CommandLine line, Terminal terminal, String method, String path,
                            Map<String, String> query) throws IOException, InterruptedException {
        return call(line, terminal, method, path, query, null);
    }

    /** @param jsonBody sent as the request's body (never put a secret in the URL: it ends up in access logs) */
    private static int call(CommandLine line, Terminal terminal, String method, String path,
                            Map<String, String> query, JsonObject jsonBody) throws IOException, InterruptedException {
        String base = stripSlash(line.option("url").or(() -> terminal.variable("LANYARD_ADMIN_URL"))
                .orElse("http://127.0.0.1:8080"));
        String queryString = query.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        URI uri;
        try {
            uri = URI.create(base + path + (queryString.isEmpty() ? "" : "?" + queryString));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--url " + base + " is not a URL");
        }
        Optional<Credentials> credentials = credentials(line, terminal, uri);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                .timeout(Duration.ofMinutes(2))
                .method(method, jsonBody == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(jsonBody.encode(), StandardCharsets.UTF_8));
        if (jsonBody != null) {
            request.header("Content-Type", "application/json");
        }
        credentials.ifPresent(c -> request.header("Authorization", c.header()));
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            terminal.err().println("lanyard admin: cannot reach a server at " + base + " (" + reason(e) + ")."
                    + " Is Lanyard running there? Give its address with --url or LANYARD_ADMIN_URL.");
            return 1;
        } catch (IOException e) {
            terminal.err().println("lanyard admin: no answer from " + base + " (" + reason(e) + ").");
            return 1;
        }
        if (response.statusCode() < 300) {
            terminal.out().println(pretty(response.body()));
            return 0;
        }
        terminal.err().println(explain(response, base, credentials));
        return 1;
    }

    /** The server's refusal, said so that the operator knows what to do next. */
    private static String explain(HttpResponse<String> response, String base, Optional<Credentials> credentials) {
        JsonObject error = json(response.body());
        String code = error == null ? null : error.getString("error");
        if (response.statusCode() == 404 && AdminApi.DISABLED.equals(code)) {
            return "lanyard admin: the operator API is disabled on the server at " + base + ". To enable it, set"
                    + " admin.tokenHash (LANYARD_ADMIN_TOKEN_HASH; `lanyard admin new-token` prints a token and its"
                    + " hash) or admin.user and admin.passwordHash (LANYARD_ADMIN_USER, LANYARD_ADMIN_PASSWORD_HASH;"
                    + " `lanyard admin hash-password` makes the hash) in its configuration and restart it."
                    + " (`lanyard dev` enables it with a token of its own when neither is set.)";
        }
        if (response.statusCode() == 404 && "not_found".equals(code)
                && HttpVerticle.NO_SUCH_ENDPOINT.equals(error.getString("error_description"))) {
            return "lanyard admin: the server at " + base + " has no operator API: it runs with the projection"
                    + " service (`lanyard dev`, `lanyard serve all`, `lanyard serve projection`). Point --url at"
                    + " such a node.";
        }
        if (response.statusCode() == 404 && error == null) {
            return "lanyard admin: " + base + " answered 404 and no Lanyard error: is it a Lanyard server?";
        }
        if (response.statusCode() == 401) {
            return credentials.map(c -> "lanyard admin: the server at " + base + " refused the operator credentials"
                    + " from " + c.source() + ". They must match its admin.tokenHash, or admin.user and"
                    + " admin.passwordHash.")
                    .orElse("lanyard admin: the server at " + base + " needs operator credentials: give --token (or"
                            + " LANYARD_ADMIN_TOKEN), or --user and --password (or LANYARD_ADMIN_USER and"
                            + " LANYARD_ADMIN_PASSWORD).");
        }
        return pretty(response.body());
    }

    /**
     * From options, then the environment, then (only for a server on this machine) the token {@code lanyard dev}
     * wrote. None at all is allowed: the server then says whether its API is disabled or needs credentials.
     */
    private static Optional<Credentials> credentials(CommandLine line, Terminal terminal, URI server) {
        Optional<String> option = line.option("token");
        if (option.isPresent()) {
            return Optional.of(new Credentials("Bearer " + option.get(), "--token"));
        }
        Optional<String> variable = terminal.variable("LANYARD_ADMIN_TOKEN");
        if (variable.isPresent()) {
            return Optional.of(new Credentials("Bearer " + variable.get(), "LANYARD_ADMIN_TOKEN"));
        }
        Optional<String> user = line.option("user").or(() -> terminal.variable("LANYARD_ADMIN_USER"));
        if (user.isPresent()) {
            String password = line.option("password").or(() -> terminal.variable("LANYARD_ADMIN_PASSWORD"))
                    .orElseThrow(() -> new IllegalArgumentException(
                            "give --password (or LANYARD_ADMIN_PASSWORD) with --user"));
            return Optional.of(new Credentials("Basic " + Base64.getEncoder().encodeToString((user.get() + ":"
                    + password).getBytes(StandardCharsets.UTF_8)), "--user and --password"));
        }
        if (isLoopback(server.getHost())) {
            return DevOperatorToken.read(terminal.devTokenFile()).map(token -> new Credentials("Bearer " + token,
                    terminal.devTokenFile() + " (written by `lanyard dev`)"));
        }
        return Optional.empty();
    }

    // The dev token never leaves this machine: it is sent only to a loopback address, judged from the URL alone.
    static boolean isLoopback(String host) {
        if (host == null) {
            return false;
        }
        String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return bare.equalsIgnoreCase("localhost") || bare.equals("::1") || bare.matches("127(\\.\\d{1,3}){3}");
    }

    private static JsonObject json(String body) {
        try {
            return new JsonObject(body);
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static String pretty(String body) {
        JsonObject json = json(body);
        return json == null ? body : json.encodePrettily();
    }

    private static String reason(IOException e) {
        return e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
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

    private static int hashPassword(CommandLine line, Terminal terminal) throws IOException {
        String password = readSecret("admin password: ");
        if (password == null || password.isEmpty()) {
            terminal.err().println("no password given");
            return 2;
        }
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), terminal.env());
        terminal.out().println(PasswordHasher.fromConfig(config.login()).hash(password));
        return 0;
    }

    /**
     * The new password is never a command-line argument (other users see those in {@code ps}): typed at a prompt
     * (twice, without echo), or one line of standard input; {@code --generate} lets the server make one.
     */
    private static int setPassword(CommandLine line, Terminal terminal, String user)
            throws IOException, InterruptedException {
        String path = "/admin/users/" + user + "/password";
        if (line.option("password").isPresent() && line.option("user").isEmpty()
                && terminal.variable("LANYARD_ADMIN_USER").isEmpty()) {
            terminal.err().println("lanyard admin: set-password never takes the new password as an argument (it would"
                    + " show in `ps`); type it at the prompt, pipe it on stdin, or use --generate");
            return 2;
        }
        if (line.option("generate").isPresent()) {
            return call(line, terminal, "POST", path, byUsername(line), new JsonObject().put("generate", true));
        }
        String password = terminal.secret("new password: ");
        if (password == null || password.isEmpty()) {
            terminal.err().println("lanyard admin: no password given (type it, pipe it on stdin, or use --generate)");
            return 2;
        }
        if (terminal.interactive() && !password.equals(terminal.secret("again: "))) {
            terminal.err().println("lanyard admin: the two passwords differ; nothing changed");
            return 2;
        }
        return call(line, terminal, "POST", path, byUsername(line), new JsonObject().put("password", password));
    }

    private static int newToken(Terminal terminal) {
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        terminal.out().println("token (give to operators, e.g. LANYARD_ADMIN_TOKEN): " + token);
        terminal.out().println("admin.tokenHash (server config, LANYARD_ADMIN_TOKEN_HASH): "
                + AdminCredentials.sha256Hex(token));
        return 0;
    }

    /** Printed, not logged: `admin` output is the operator's terminal, put straight into a Secret. */
    private static int newMasterKey(Terminal terminal) {
        terminal.out().println(MasterKeys.newEncodedKey());
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

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
