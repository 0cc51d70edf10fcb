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
public record ImportFile(List<ClientEntry> clients, List<UserEntry> users) {

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY)
            .build();

    public ImportFile {
        clients = nullableList(clients);
        users = nullableList(users);
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
            @JsonProperty("resource_server") Boolean resourceServer) {

        public ClientEntry {
            redirectUris = nullableList(redirectUris);
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
            @JsonProperty("attributes") Map<String, Object> attributes) {

        public UserEntry {
            attributes = attributes == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }
    }

    /** Parses YAML text; a structural problem (unknown key, wrong type) is reported with its place in the file. */
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
        try {
            return YAML.treeToValue(tree, ImportFile.class);
        } catch (JsonMappingException e) {
            throw new InvalidImportException(List.of("cannot read import file at " + path(e) + ": "
                    + e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw notYaml(e);
        }
    }

    private static InvalidImportException notYaml(JsonProcessingException e) {
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return new InvalidImportException(List.of("import file is not valid YAML" + line + ": "
                + e.getOriginalMessage()));
    }

    public static ImportFile read(Path path) throws IOException {
        return parse(Files.readString(path));
    }

    /** {@code clients[2].access_token_ttl}, the way the operator sees the file. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "top level" : path.toString();
    }

    /** Keeps null elements (a bare "-" in YAML) so the validator can name them instead of failing here. */
    private static <T> List<T> nullableList(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
