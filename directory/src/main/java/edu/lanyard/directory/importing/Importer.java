package edu.lanyard.directory.importing;

import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.crypto.ClientSecretHasher;
import edu.lanyard.core.crypto.PasswordHasher;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.User;
import edu.lanyard.directory.db.CasServiceRepository;
import edu.lanyard.directory.db.ClientRepository;
import edu.lanyard.directory.db.UserRepository;
import edu.lanyard.directory.importing.ImportFile.ClientEntry;
import edu.lanyard.directory.importing.ImportFile.UserEntry;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.sqlclient.Pool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Applies an {@link ImportFile}: validates it, hashes secrets and passwords on worker threads, then upserts every
 * client and user in one transaction. Importing the same file again changes nothing but {@code updated_at}: a stored
 * hash that already matches the file's secret or password is kept, and an existing user keeps its subject.
 */
public final class Importer {
    private final Vertx vertx;
    private final Pool pool;
    private final PasswordHasher passwords;
    private final ClientSecretHasher secrets;
    private final LanyardConfig.Tokens defaults;
    private final ImportValidator validator = new ImportValidator();
    private final List<String> loginAttributes;

    public Importer(Vertx vertx, Pool pool, PasswordHasher passwords, ClientSecretHasher secrets,
                    LanyardConfig.Tokens defaults) {
        this(vertx, pool, passwords, secrets, defaults, LanyardConfig.Login.DEFAULT_ATTRIBUTES);
    }

    /** @param loginAttributes {@code login.attributes}: no login name may come to mean two users */
    public Importer(Vertx vertx, Pool pool, PasswordHasher passwords, ClientSecretHasher secrets,
                    LanyardConfig.Tokens defaults, List<String> loginAttributes) {
        this.vertx = vertx;
        this.pool = pool;
        this.passwords = passwords;
        this.secrets = secrets;
        this.defaults = defaults;
        this.loginAttributes = List.copyOf(loginAttributes);
    }

    public Future<ImportResult> importFile(Path path) {
        return vertx.executeBlocking(() -> ImportFile.read(path)).compose(this::apply);
    }

    public Future<ImportResult> apply(ImportFile file) {
        try {
            validator.validate(file, loginAttributes);
        } catch (InvalidImportException e) {
            return Future.failedFuture(e);
        }
        return refuseAmbiguityWithStoredUsers(file.users()).compose(v -> write(file));
    }

    /**
     * A user already in the database (and not in this file, which replaces its own users' values) holding a login
     * name a file user would hold: one of the two could no longer sign in by it, so the import is refused.
     */
    private Future<Void> refuseAmbiguityWithStoredUsers(List<UserEntry> entries) {
        Map<String, UserEntry> byValue = new HashMap<>();
        Map<String, String> attributeOf = new HashMap<>();
        for (UserEntry entry : entries) {
            LoginValues.of(entry, loginAttributes).forEach((value, attribute) -> {
                byValue.put(value, entry);
                attributeOf.put(value, attribute);
            });
        }
        List<String> usernames = entries.stream().map(UserEntry::username).toList();
        return new UserRepository(pool).findHoldingLoginValues(byValue.keySet(), loginAttributes, usernames)
                .compose(holders -> {
                    List<String> problems = new ArrayList<>();
                    for (User holder : holders) {
                        LoginValues.of(holder, loginAttributes).forEach((value, attribute) -> {
                            UserEntry entry = byValue.get(value);
                            if (entry != null) {
                                problems.add("users[" + entries.indexOf(entry) + "] (" + entry.username() + "): "
                                        + attributeOf.get(value) + " '" + value + "' is already the " + attribute
                                        + " of user '" + holder.username() + "' in the database;"
                                        + " a login name must mean one user");
                            }
                        });
                    }
                    return problems.isEmpty() ? Future.<Void>succeededFuture()
                            : Future.failedFuture(new InvalidImportException(problems));
                });
    }

    private Future<ImportResult> write(ImportFile file) {
        List<ClientEntry> clientEntries = file.clients().stream()
                .sorted(Comparator.comparing(ClientEntry::clientId)).toList();
        List<UserEntry> userEntries = file.users().stream()
                .sorted(Comparator.comparing(UserEntry::username)).toList();
        AtomicInteger clientsCreated = new AtomicInteger();
        AtomicInteger usersCreated = new AtomicInteger();
        Future<List<Client>> clients = prepareClients(clientEntries, clientsCreated);
        Future<List<User>> users = prepareUsers(userEntries, usersCreated);
        return Future.all(clients, users).compose(ready -> pool.withTransaction(tx ->
                new ClientRepository(tx).upsertAll(clients.result())
                        .compose(v -> new UserRepository(tx).upsertAll(users.result()))
                        .compose(v -> new CasServiceRepository(tx).upsertAll(file.services().stream()
                                .map(ServiceValidator::toService).toList()))
                        .map(v -> new ImportResult(clients.result().size(), users.result().size(),
                                clientsCreated.get(), usersCreated.get()))));
    }

    /** @param created set to how many of the entries are not stored yet */
    private Future<List<Client>> prepareClients(List<ClientEntry> entries, AtomicInteger created) {
        List<String> ids = entries.stream().map(ClientEntry::clientId).toList();
        return new ClientRepository(pool).findByIds(ids).compose(existing -> {
            Map<String, String> storedHashes = new HashMap<>();
            existing.forEach(c -> storedHashes.put(c.clientId(), c.secretHash()));
            created.set((int) ids.stream().filter(id -> !storedHashes.containsKey(id)).count());
            // fast hashes, but thousands of them still do not belong on an event loop
            return vertx.executeBlocking(() -> entries.stream()
                    .map(e -> ImportMapping.toClient(e, secretHash(e, storedHashes.get(e.clientId())), defaults))
                    .toList());
        });
    }

    private String secretHash(ClientEntry entry, String stored) {
        if (entry.isPublic()) {
            return null;
        }
        boolean unchanged = secrets.canVerify(stored) && secrets.matches(stored, entry.clientSecret());
        return unchanged ? stored : secrets.hash(entry.clientSecret());
    }

    /** @param created set to how many of the entries are not stored yet */
    private Future<List<User>> prepareUsers(List<UserEntry> entries, AtomicInteger created) {
        List<String> usernames = entries.stream().map(UserEntry::username).toList();
        return new UserRepository(pool).findByUsernames(usernames).compose(existing -> {
            Map<String, User> stored = new HashMap<>();
            existing.forEach(u -> stored.put(u.username(), u));
            created.set((int) usernames.stream().filter(name -> !stored.containsKey(name)).count());
            List<Future<User>> prepared = new ArrayList<>(entries.size());
            for (UserEntry entry : entries) {
                User current = stored.get(entry.username());
                // unordered: PBKDF2 for many users runs in parallel on the worker pool
                prepared.add(vertx.executeBlocking(() -> prepareUser(entry, current), false));
            }
            return Future.all(prepared).map(all -> prepared.stream().map(Future::result).toList());
        });
    }

    private User prepareUser(UserEntry entry, User current) {
        String subject;
        if (current != null) {
            subject = current.subject();
        } else {
            subject = entry.subject() == null ? SubjectIds.random() : entry.subject();
        }
        String storedHash = current == null ? null : current.passwordHash();
        if (entry.passwordHash() != null) {
            // stored as given: the user's next sign-in replaces it with a current hash (LocalPasswords)
            return ImportMapping.toUser(entry, subject, entry.passwordHash());
        }
        boolean unchanged = passwords.canVerify(storedHash) && passwords.matches(storedHash, entry.password());
        return ImportMapping.toUser(entry, subject, unchanged ? storedHash : passwords.hash(entry.password()));
    }
}
