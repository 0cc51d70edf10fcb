package edu.lanyard.directory.importing;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The YAML file that {@code lanyard import} reads: clients and users, as an operator writes them. Fields are as
 * written (wrappers, so "absent" is visible); {@link ImportValidator} checks them and {@link Importer} applies them.
 */
public record ImportFile(List<ClientEntry> clients, List<UserEntry> users, List<ServiceEntry> services) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    public ImportFile {
        clients = nullableList(clients);
        users = nullableList(users);
        services = nullableList(services);
    }

    /** A file of clients and users only. */
    public ImportFile(List<ClientEntry> clients, List<UserEntry> users) {
        this(clients, users, List.of());
    }

    /**
     * A service registered for the CAS protocol (docs/migrating.md, "Migrating from a CAS server").
     *
     * @param attributes the released attribute names; absent releases all
     * @param proxy      the proxy policy: {@code allowed} and an optional {@code pgt_url} pattern
     */
    public record ServiceEntry(
            @JsonProperty("id") String id,
            @JsonProperty("name") String name,
            @JsonProperty("service") String service,
            @JsonProperty("match") String match,
            @JsonProperty("attributes") List<String> attributes,
            @JsonProperty("proxy") ProxyPolicy proxy,
            @JsonProperty("logout_url") String logoutUrl,
            @JsonProperty("logout_type") String logoutType) {
    }

    /** Whether a service may obtain proxy tickets, and which callback URLs it may use for them. */
    public record ProxyPolicy(
            @JsonProperty("allowed") Boolean allowed,
            @JsonProperty("pgt_url") String pgtUrl) {
    }

    public record ClientEntry(
            @JsonProperty("client_id") String clientId,
            @JsonProperty("client_secret") String clientSecret,
            @JsonProperty("name") String name,
            @JsonProperty("redirect_uris") List<String> redirectUris,
            @JsonProperty("grant_types") List<String> grantTypes,
            @JsonProperty("scopes") List<String> scopes,
            @JsonProperty("redirect_uri_match") String redirectUriMatch,
            @JsonProperty("access_token_ttl") Long accessTokenTtl,
            @JsonProperty("refresh_token_ttl") Long refreshTokenTtl,
            @JsonProperty("code_ttl") Long codeTtl,
            @JsonProperty("access_token_format") String accessTokenFormat,
            @JsonProperty("rotate_refresh_tokens") Boolean rotateRefreshTokens,
            @JsonProperty("require_consent") Boolean requireConsent,
            @JsonProperty("id_token_signed_response_alg") String idTokenSignedResponseAlg,
            @JsonProperty("post_logout_redirect_uris") List<String> postLogoutRedirectUris,
            @JsonProperty("dialect") String dialect,
            @JsonProperty("options") Map<String, Object> options,
            @JsonProperty("resource_server") Boolean resourceServer,
            @JsonProperty("disabled") Boolean disabled) {

        public ClientEntry {
            redirectUris = ClientDefaults.redirectUris(nullableList(redirectUris), dialect, redirectUriMatch);
            scopes = nullableList(scopes);
            postLogoutRedirectUris = nullableList(postLogoutRedirectUris);
            options = options == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(options));
        }

        public boolean isPublic() {
            return clientSecret == null;
        }
    }

    public record UserEntry(
            @JsonProperty("username") String username,
            @JsonProperty("password") String password,
            @JsonProperty("subject") String subject,
            @JsonProperty("name") String name,
            @JsonProperty("email") String email,
            @JsonProperty("phone") String phone,
            @JsonProperty("attributes") Map<String, Object> attributes,
            // OIDC Core §5.1 standard claims, top-level keys named as the claims (docs/claims.md)
            @JsonProperty("given_name") String givenName,
            @JsonProperty("family_name") String familyName,
            @JsonProperty("middle_name") String middleName,
            @JsonProperty("nickname") String nickname,
            @JsonProperty("preferred_username") String preferredUsername,
            @JsonProperty("profile") String profile,
            @JsonProperty("picture") String picture,
            @JsonProperty("website") String website,
            @JsonProperty("gender") String gender,
            @JsonProperty("birthdate") String birthdate,
            @JsonProperty("zoneinfo") String zoneinfo,
            @JsonProperty("locale") String locale,
            @JsonProperty("email_verified") Boolean emailVerified,
            @JsonProperty("phone_number_verified") Boolean phoneNumberVerified,
            @JsonProperty("address") Map<String, Object> address,
            @JsonProperty("updated_at") Object updatedAt,
            // a hash from the system being left (bcrypt, Argon2, PBKDF2, LDAP, hex), instead of password
            @JsonProperty("password_hash") String passwordHash) {

        /** Never prints the password or the hash. */
        @Override
        public String toString() {
            return "UserEntry[" + username + "]";
        }

        public UserEntry {
            attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
            address = address == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(address));
        }

        /** The standard claims this entry sets, by claim name, without the ones left out. */
        public Map<String, Object> standardClaims() {
            Map<String, Object> claims = new LinkedHashMap<>();
            put(claims, "given_name", givenName);
            put(claims, "family_name", familyName);
            put(claims, "middle_name", middleName);
            put(claims, "nickname", nickname);
            put(claims, "preferred_username", preferredUsername);
            put(claims, "profile", profile);
            put(claims, "picture", picture);
            put(claims, "website", website);
            put(claims, "gender", gender);
            put(claims, "birthdate", birthdate);
            put(claims, "zoneinfo", zoneinfo);
            put(claims, "locale", locale);
            put(claims, "email_verified", emailVerified);
            put(claims, "phone_number_verified", phoneNumberVerified);
            put(claims, "address", address);
            return claims;
        }

        private static void put(Map<String, Object> claims, String name, Object value) {
            if (value != null) {
                claims.put(name, value);
            }
        }
    }

    /**
     * Parses YAML text; every structural problem (unknown key, wrong type) is one line with its place in the file and,
     * for a misspelt key, the key it probably meant.
     */
    public static ImportFile parse(String yaml) {
        JsonNode tree;
        try {
            tree = YAML.readTree(yaml);
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            return new ImportFile(List.of(), List.of());
        }
        List<String> unknown = ImportKeys.unknownKeys(tree);
        if (!unknown.isEmpty()) {
            throw new InvalidImportException(unknown);
        }
        try {
            return YAML.treeToValue(tree, ImportFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidImportException(List.of(ImportKeys.bindingProblem(e)));
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        }
    }

    /** Jackson's own wording can span lines; an operator gets the first, which says what is wrong. */
    private static InvalidImportException notYaml(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        String reason = e.getOriginalMessage() == null ? "" : ": " + e.getOriginalMessage().lines().findFirst()
                .orElse("").strip();
        return new InvalidImportException(List.of("import file is not valid YAML" + line + reason));
    }

    public static ImportFile read(Path path) throws IOException {
        return parse(Files.readString(path));
    }

    /** Keeps null elements (a bare "-" in YAML) so the validator can name them instead of failing here. */
    private static <T> List<T> nullableList(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
