package edu.lanyard.directory.importing;

import edu.lanyard.core.crypto.PasswordHash;
import edu.lanyard.core.crypto.UnsupportedPasswordHashException;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.dialects.ProductDialects;
import edu.lanyard.directory.importing.ImportFile.ClientEntry;
import edu.lanyard.directory.importing.ImportFile.UserEntry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks an {@link ImportFile} before anything is written, and reports every problem at once. */
public final class ImportValidator {
    static final long MAX_TTL_SECONDS = 10L * 365 * 24 * 3600;
    static final long MAX_CODE_TTL_SECONDS = 3600;
    private static final int MAX_ID_LENGTH = 255;
    private static final Set<String> REDIRECT_MATCHES = Set.of("exact", "prefix", "regex");
    private static final Set<String> TOKEN_FORMATS = Set.of("opaque", "jwt");
    private static final Set<String> ID_TOKEN_ALGS = Set.of("RS256", "ES256", "EdDSA");
    private static final Pattern NO_WHITESPACE = Pattern.compile("\\S+");

    /** @throws InvalidImportException naming each bad entry */
    public void validate(ImportFile file) {
        validate(file, LanyardConfig.Login.DEFAULT_ATTRIBUTES);
    }

    /**
     * @param loginAttributes what users may type to sign in ({@code login.attributes}): no two users may share a value
     * @throws InvalidImportException naming each bad entry
     */
    public void validate(ImportFile file, List<String> loginAttributes) {
        List<String> problems = new ArrayList<>();
        checkClients(file.clients(), problems);
        checkUsers(file.users(), problems);
        ServiceValidator.check(file.services(), problems);
        checkLoginValuesAreUnambiguous(file.users(), loginAttributes, problems);
        if (!problems.isEmpty()) {
            throw new InvalidImportException(problems);
        }
    }

    private void checkClients(List<ClientEntry> clients, List<String> problems) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < clients.size(); i++) {
            ClientEntry client = clients.get(i);
            if (client == null) {
                problems.add("clients[" + i + "] is empty");
                continue;
            }
            String label = "clients[" + i + "] (" + client.clientId() + ")";
            Problems p = new Problems(label, problems);
            if (!isIdentifier(client.clientId())) {
                p.add("client_id is required: 1-255 characters, no spaces");
            } else if (!seen.add(client.clientId())) {
                p.add("client_id appears more than once");
            }
            checkClient(client, p);
            // The dialect's own parser: an unknown or misspelt option is named, with the options it knows.
            problems.addAll(ProductDialects.clientOptionProblems(ClientDefaults.dialect(client.dialect()),
                    "clients[" + i + "].options", client.options()));
        }
    }

    private void checkClient(ClientEntry client, Problems p) {
        if (client.clientSecret() != null && client.clientSecret().isEmpty()) {
            p.add("client_secret is empty; leave it out for a public client");
        }
        Set<GrantType> grants = grantTypes(client, p);
        boolean redirecting = grants.contains(GrantType.AUTHORIZATION_CODE) || grants.contains(GrantType.IMPLICIT);
        if (redirecting && client.redirectUris().isEmpty()) {
            p.add("grant types authorization_code and implicit need at least one redirect_uris entry");
        }
        if (client.isPublic() && grants.contains(GrantType.CLIENT_CREDENTIALS)) {
            p.add("a public client (no client_secret) cannot use client_credentials");
        }
        if (client.isPublic() && Boolean.TRUE.equals(client.resourceServer())) {
            p.add("a public client (no client_secret) cannot be a resource_server: introspection needs a secret");
        }
        if (client.isPublic() && Boolean.FALSE.equals(client.rotateRefreshTokens())) {
            p.add("a public client (no client_secret) cannot turn off rotate_refresh_tokens");
        }
        String match = ClientDefaults.redirectUriMatch(client.redirectUriMatch(), client.dialect());
        if (!REDIRECT_MATCHES.contains(match)) {
            p.add("redirect_uri_match '" + client.redirectUriMatch() + "' is not one of exact, prefix, regex"
                    + " (or a product name: maxkey, authz, phpsso, cas, ketanyun)");
        }
        checkRedirectUris("redirect_uris", client.redirectUris(), match, p);
        checkRedirectUris("post_logout_redirect_uris", client.postLogoutRedirectUris(), "exact", p);
        checkTtl("access_token_ttl", client.accessTokenTtl(), MAX_TTL_SECONDS, p);
        checkTtl("refresh_token_ttl", client.refreshTokenTtl(), MAX_TTL_SECONDS, p);
        checkTtl("code_ttl", client.codeTtl(), MAX_CODE_TTL_SECONDS, p);
        if (!TOKEN_FORMATS.contains(lower(client.accessTokenFormat(), "opaque"))) {
            p.add("access_token_format '" + client.accessTokenFormat() + "' is not one of opaque, jwt");
        }
        String alg = client.idTokenSignedResponseAlg();
        if (alg != null && !ID_TOKEN_ALGS.contains(alg)) {
            p.add("id_token_signed_response_alg '" + alg + "' is not one of RS256, ES256, EdDSA");
        }
        if (!ClientDefaults.DIALECTS.contains(ClientDefaults.dialect(client.dialect()))) {
            p.add("dialect '" + client.dialect() + "' is not one of " + String.join(", ",
                    ClientDefaults.DIALECTS.stream().sorted().toList()));
        }
        for (int i = 0; i < client.scopes().size(); i++) {
            String scope = client.scopes().get(i);
            if (scope == null || !NO_WHITESPACE.matcher(scope).matches()) {
                p.add("scopes[" + i + "] '" + scope + "' must be one word (list scopes separately)");
            }
        }
    }

    private Set<GrantType> grantTypes(ClientEntry client, Problems p) {
        Set<GrantType> grants = new HashSet<>();
        List<String> names = client.grantTypes() == null
                ? List.of(GrantType.AUTHORIZATION_CODE.wireName())
                : client.grantTypes();
        if (names.isEmpty()) {
            p.add("grant_types is empty; leave it out for the default (authorization_code)");
        }
        for (String name : names) {
            GrantType.fromWire(name).ifPresentOrElse(grants::add, () -> p.add("unknown grant type '" + name
                    + "' (known: authorization_code, implicit, client_credentials, password, refresh_token)"));
        }
        return grants;
    }

    /** Each URI must be safe for its matching mode: a prefix or pattern that could match another host is refused. */
    private void checkRedirectUris(String field, List<String> uris, String match, Problems p) {
        RedirectUriMatch mode = REDIRECT_MATCHES.contains(match) ? RedirectUriMatch.fromConfig(match)
                : RedirectUriMatch.EXACT;
        for (int i = 0; i < uris.size(); i++) {
            String uri = uris.get(i);
            if (uri == null || uri.isBlank()) {
                p.add(field + "[" + i + "] is empty");
                continue;
            }
            String where = field + "[" + i + "] '" + printable(uri) + "'";
            mode.registrationProblem(uri).ifPresent(problem -> p.add(where + " " + problem));
        }
    }

    /** A value as one line of a report: control characters and line-breaking whitespace written as [U+XXXX]. */
    private static String printable(String value) {
        StringBuilder out = new StringBuilder(value.length());
        value.chars().forEach(c -> {
            if (Character.isISOControl(c) || c != ' ' && (Character.isWhitespace(c) || Character.isSpaceChar(c))) {
                out.append(String.format("[U+%04X]", c));
            } else {
                out.append((char) c);
            }
        });
        return out.toString();
    }

    private void checkTtl(String field, Long seconds, long max, Problems p) {
        if (seconds != null && (seconds <= 0 || seconds > max)) {
            p.add(field + " " + seconds + " must be between 1 and " + max + " seconds");
        }
    }

    private void checkUsers(List<UserEntry> users, List<String> problems) {
        Set<String> usernames = new HashSet<>();
        Set<String> subjects = new HashSet<>();
        for (int i = 0; i < users.size(); i++) {
            UserEntry user = users.get(i);
            if (user == null) {
                problems.add("users[" + i + "] is empty");
                continue;
            }
            Problems p = new Problems("users[" + i + "] (" + user.username() + ")", problems);
            if (!isIdentifier(user.username())) {
                p.add("username is required: 1-255 characters, no spaces");
            } else if (!usernames.add(user.username())) {
                p.add("username appears more than once");
            }
            checkPassword(user, p);
            if (user.subject() != null) {
                if (!isIdentifier(user.subject())) {
                    p.add("subject '" + user.subject() + "' must be 1-255 characters, no spaces");
                } else if (!subjects.add(user.subject())) {
                    p.add("subject '" + user.subject() + "' is used by another user in this file");
                }
            }
            StandardClaimRules.check(user, p::add);
            user.attributes().forEach((name, value) -> {
                if (!isStringOrStrings(value)) {
                    p.add("attributes." + name + " must be a string or a list of strings (quote numbers and dates),"
                            + " not " + describe(value));
                }
            });
        }
    }

    /**
     * Exactly one of password and password_hash; a hash must be one Lanyard can verify. Problems name the user's place
     * in the file, never the password or the hash.
     */
    private static void checkPassword(UserEntry user, Problems p) {
        boolean password = user.password() != null;
        boolean hash = user.passwordHash() != null;
        if (password == hash) {
            p.add(password ? "give password or password_hash, not both" : "password is required (or password_hash)");
        } else if (password && user.password().isEmpty()) {
            p.add("password is empty");
        } else if (hash) {
            try {
                PasswordHash.parse(user.passwordHash());
            } catch (UnsupportedPasswordHashException e) {
                p.add("password_hash: " + e.getMessage());
            }
        }
    }

    /** One email, employee number, … on two users, or one user's value equal to another's username, is refused. */
    private void checkLoginValuesAreUnambiguous(List<UserEntry> users, List<String> loginAttributes,
                                                List<String> problems) {
        Map<String, Integer> owners = new HashMap<>();
        for (int i = 0; i < users.size(); i++) {
            UserEntry user = users.get(i);
            if (user == null || user.username() == null) {
                continue;
            }
            for (Map.Entry<String, String> value : LoginValues.of(user, loginAttributes).entrySet()) {
                Integer owner = owners.putIfAbsent(value.getKey(), i);
                if (owner != null && owner != i && !users.get(owner).username().equals(user.username())) {
                    UserEntry other = users.get(owner);
                    String otherAttribute = LoginValues.of(other, loginAttributes).get(value.getKey());
                    problems.add(label(i, user) + ": " + value.getValue() + " '" + printable(value.getKey())
                            + "' is also the " + otherAttribute + " of " + label(owner, other)
                            + "; a login name must mean one user");
                }
            }
        }
    }

    private static String label(int index, UserEntry user) {
        return "users[" + index + "] (" + user.username() + ")";
    }

    private static boolean isStringOrStrings(Object value) {
        if (value instanceof String) {
            return true;
        }
        return value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
    }

    private static String describe(Object value) {
        if (value == null) {
            return "empty";
        }
        if (value instanceof List<?>) {
            return "a list with non-string items " + value;
        }
        if (value instanceof Map<?, ?>) {
            return "a map";
        }
        return value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
    }

    private static boolean isIdentifier(String value) {
        return value != null && value.length() <= MAX_ID_LENGTH && NO_WHITESPACE.matcher(value).matches();
    }

    private static String lower(String value, String fallback) {
        return value == null ? fallback : value.toLowerCase(Locale.ROOT);
    }

    /** Collects problems for one entry, each prefixed with the entry's label. */
    private record Problems(String label, List<String> sink) {
        void add(String problem) {
            sink.add(label + ": " + problem);
        }
    }
}
