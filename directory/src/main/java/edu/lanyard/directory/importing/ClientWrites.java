package edu.lanyard.directory.importing;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.directory.db.ClientRepository;
import edu.lanyard.directory.importing.ImportFile.ClientEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * One client created, replaced, given a new secret, disabled or enabled by an operator (the console), through the import's own rules: the
 * entry is read and validated exactly as a client of an import file (the same keys, the same refusals, the same
 * product defaults), mapped by the same code, and written with the same upsert, whose notification makes every node
 * reload it. A secret is always made here (never typed by an operator), answered once and stored only as its hash.
 */
public final class ClientWrites {
    /** 32 random bytes, URL-safe: what an operator copies into the application's configuration. */
    private static final int SECRET_BYTES = 32;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Vertx vertx;
    private final Pool pool;
    private final ClientSecretHasher secrets;
    private final LanyardConfig.Tokens defaults;
    private final ImportValidator validator = new ImportValidator();

    public ClientWrites(Vertx vertx, Pool pool, ClientSecretHasher secrets, LanyardConfig.Tokens defaults) {
        this.vertx = vertx;
        this.pool = pool;
        this.secrets = secrets;
        this.defaults = defaults;
    }

    /** What a write stored, and the secret it made (null when it made none): shown to the operator once. */
    public record Written(Client client, String secret) {
    }

    /** Why a write was refused: the client does not exist, exists already, or has no secret to rotate. */
    public static final class Refused extends RuntimeException {
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    /**
     * Reads one client in the import file's shape (YAML or JSON, without {@code client_secret}), validated as an
     * import validates it.
     *
     * @throws InvalidImportException naming what is wrong
     */
    public static ClientEntry parse(String json) {
        ImportFile file = ImportFile.parse("clients:\n  - " + json.strip().replace("\n", " "));
        if (file.clients().size() != 1 || file.clients().get(0) == null) {
            throw new InvalidImportException(List.of("the body must be one client"));
        }
        ClientEntry entry = file.clients().get(0);
        if (entry.clientSecret() != null) {
            throw new InvalidImportException(List.of("client_secret is never given: Lanyard makes one for a"
                    + " confidential client (confidential: true) and shows it once"));
        }
        return entry;
    }

    /** A new client; confidential ones get a new secret. 409 if the id is taken. */
    public Future<Written> create(ClientEntry entry, boolean confidential) {
        return repository().findById(entry.clientId()).compose(existing -> {
            if (existing.isPresent()) {
                return Future.failedFuture(new Refused(409, "client " + entry.clientId() + " exists already"));
            }
            String secret = confidential ? newSecret() : null;
            return save(withSecret(entry, secret), secret);
        });
    }

    /** Replaces a client's settings; it keeps its secret (or stays public). 404 if there is no such client. */
    public Future<Written> replace(ClientEntry entry) {
        return repository().findById(entry.clientId()).compose(existing -> {
            if (existing.isEmpty()) {
                return Future.failedFuture(new Refused(404, "no client " + entry.clientId()));
            }
            String storedHash = existing.get().secretHash();
            // Validated as confidential when it is, with a stand-in for the secret it keeps.
            ClientEntry checked = withSecret(entry, storedHash == null ? null : "(kept)");
            // An operator's disable outlives an edit of the settings unless the edit says otherwise.
            boolean disabled = entry.disabled() == null ? existing.get().disabled() : entry.disabled();
            return validated(checked).compose(valid -> vertx.executeBlocking(() ->
                            ImportMapping.toClient(checked, storedHash, defaults).withDisabled(disabled), false))
                    .compose(client -> repository().upsert(client).map(v -> new Written(client, null)));
        });
    }

    /** A new secret for a confidential client; the old one stops working at once. */
    public Future<Written> rotateSecret(String clientId) {
        return repository().findById(clientId).compose(existing -> {
            if (existing.isEmpty()) {
                return Future.failedFuture(new Refused(404, "no client " + clientId));
            }
            Client client = existing.get();
            if (client.isPublic()) {
                return Future.failedFuture(new Refused(409, "client " + clientId + " is public: it has no secret"));
            }
            String secret = newSecret();
            return vertx.executeBlocking(() -> secrets.hash(secret), false).compose(hash -> {
                Client rotated = client.withSecretHash(hash);
                return repository().upsert(rotated).map(v -> new Written(rotated, secret));
            });
        });
    }

    /**
     * Disables or enables a client, its settings and secret untouched; the update's notification makes every node
     * reload it. 404 if there is no such client.
     */
    public Future<Written> setDisabled(String clientId, boolean disabled) {
        return repository().setDisabled(clientId, disabled).compose(updated -> updated
                ? repository().findById(clientId).map(found -> new Written(found.orElseThrow(), null))
                : Future.failedFuture(new Refused(404, "no client " + clientId)));
    }

    public Future<Optional<Client>> find(String clientId) {
        return repository().findById(clientId);
    }

    private Future<Written> save(ClientEntry entry, String secret) {
        return validated(entry).compose(valid -> vertx.executeBlocking(() ->
                        ImportMapping.toClient(entry, secret == null ? null : secrets.hash(secret), defaults), false))
                .compose(client -> repository().upsert(client).map(v -> new Written(client, secret)));
    }

    private Future<ClientEntry> validated(ClientEntry entry) {
        try {
            validator.validate(new ImportFile(List.of(entry), List.of()));
            return Future.succeededFuture(entry);
        } catch (InvalidImportException e) {
            return Future.failedFuture(e);
        }
    }

    private ClientRepository repository() {
        return new ClientRepository(pool);
    }

    private static ClientEntry withSecret(ClientEntry e, String secret) {
        return new ClientEntry(e.clientId(), secret, e.name(), e.redirectUris(), e.grantTypes(), e.scopes(),
                e.redirectUriMatch(), e.accessTokenTtl(), e.refreshTokenTtl(), e.codeTtl(), e.accessTokenFormat(),
                e.rotateRefreshTokens(), e.requireConsent(), e.idTokenSignedResponseAlg(),
                e.postLogoutRedirectUris(), e.dialect(), e.options(), e.resourceServer(), e.disabled());
    }

    static String newSecret() {
        byte[] bytes = new byte[SECRET_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
