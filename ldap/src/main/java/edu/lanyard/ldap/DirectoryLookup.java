package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchRequest;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.Entry;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.core.user.SignInOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One sign-in against the directory, blocking (run it on a worker): find the entry, bind as it with the password on a
 * bind connection, check the account's state, read its groups, map it. Never logs or carries the password.
 */
final class DirectoryLookup {
    private static final Logger LOG = LoggerFactory.getLogger(DirectoryLookup.class);

    private final LanyardConfig.Ldap config;
    private final DirectoryConnections connections;
    private final ProfileMapping mapping;
    private final GroupNames groups;
    private final ProfileCache cache;
    private final Clock clock;

    DirectoryLookup(LanyardConfig.Ldap config, DirectoryConnections connections, ProfileCache cache, Clock clock) {
        this.config = config;
        this.connections = connections;
        this.mapping = new ProfileMapping(config);
        this.groups = new GroupNames(config.groups(), config.activeDirectory());
        this.cache = cache;
        this.clock = clock;
    }

    DirectoryAnswer signIn(String login, String password) throws DirectoryUnreachableException {
        return config.searchThenBind() ? searchThenBind(login, password) : directBind(login, password);
    }

    private DirectoryAnswer searchThenBind(String login, String password) throws DirectoryUnreachableException {
        Optional<ProfileCache.Located> cached = cache.get(login);
        Entry entry;
        if (cached.isPresent()) {
            entry = cached.get().entry();
        } else {
            List<SearchResultEntry> found = search(login);
            if (found.isEmpty()) {
                return new DirectoryAnswer.NotFound();
            }
            if (found.size() > 1) {
                LOG.warn("directory sign-in refused: {} entries match one login name (ldap.loginAttributes overlap);"
                        + " first two: {}, {}", found.size(), found.get(0).getDN(), found.get(1).getDN());
                return new DirectoryAnswer.Refused(new SignInOutcome.BadCredentials());
            }
            entry = found.get(0);
        }
        Optional<SignInOutcome> refused = bind(entry.getDN(), password);
        if (refused.isPresent()) {
            cache.forget(login);
            return new DirectoryAnswer.Refused(refused.get(), mapping.username(entry));
        }
        Optional<SignInOutcome> state = AccountState.ofEntry(entry, clock.instant());
        if (state.isPresent()) {
            cache.forget(login);
            return new DirectoryAnswer.Refused(state.get(), mapping.username(entry));
        }
        List<String> roles;
        if (cached.isPresent()) {
            roles = cached.get().roles();
        } else {
            try {
                roles = groups.of(entry, connections.searches());
            } catch (LDAPException e) {
                throw unreachable("group search", e);
            }
            cache.put(login, new ProfileCache.Located(entry, roles));
        }
        return new DirectoryAnswer.Found(mapping.map(entry, roles));
    }

    /** Binds as the DN the template makes; then reads the entry and its groups as the user. */
    private DirectoryAnswer directBind(String login, String password) throws DirectoryUnreachableException {
        String dn = config.userDnTemplate().replace("{login}", rdnValue(login));
        LDAPConnection connection;
        try {
            connection = connections.binds().getConnection();
        } catch (LDAPException e) {
            throw unreachable("connect", e);
        }
        boolean healthy = true;
        try {
            try {
                connection.bind(new SimpleBindRequest(dn, password));
            } catch (LDAPException e) {
                if (connectionLost(e)) {
                    healthy = false;
                    throw unreachable("bind", e);
                }
                return new DirectoryAnswer.Refused(AccountState.ofRefusedBind(e));
            }
            Entry entry;
            List<String> roles;
            try {
                entry = connection.getEntry(dn, mapping.requested());
                if (entry == null) {
                    return new DirectoryAnswer.Refused(new SignInOutcome.BadCredentials());
                }
                roles = groups.of(entry, connection);
            } catch (LDAPException e) {
                healthy = !connectionLost(e);
                throw unreachable("read own entry", e);
            }
            Optional<SignInOutcome> state = AccountState.ofEntry(entry, clock.instant());
            if (state.isPresent()) {
                return new DirectoryAnswer.Refused(state.get());
            }
            return new DirectoryAnswer.Found(mapping.map(entry, roles));
        } finally {
            if (healthy) {
                connections.binds().releaseConnection(connection);
            } else {
                connections.binds().releaseDefunctConnection(connection);
            }
        }
    }

    private List<SearchResultEntry> search(String login) throws DirectoryUnreachableException {
        SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB, userFilter(login),
                mapping.requested());
        // Two are enough to know a login name is ambiguous.
        request.setSizeLimit(2);
        request.setTimeLimitSeconds(Math.max(1, config.responseTimeoutMs() / 1000));
        try {
            SearchResult result = connections.searches().search(request);
            return result.getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED && e instanceof com.unboundid.ldap.sdk.LDAPSearchException search) {
                return new ArrayList<>(search.getSearchEntries());
            }
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                LOG.warn("directory search base {} does not exist (ldap.baseDn)", config.baseDn());
                return List.of();
            }
            throw unreachable("search", e);
        }
    }

    /**
     * The operator's search: at most {@code limit} people whose login attributes contain {@code text}, without their
     * groups (one search, not one per person). A server's size limit below ours returns what it sent.
     */
    List<DirectoryProfile> searchPeople(String text, int limit) throws DirectoryUnreachableException {
        SearchRequest request = new SearchRequest(config.baseDn(), SearchScope.SUB, containsFilter(text),
                mapping.requested());
        request.setSizeLimit(limit);
        request.setTimeLimitSeconds(Math.max(1, config.responseTimeoutMs() / 1000));
        List<SearchResultEntry> entries;
        try {
            entries = connections.searches().search(request).getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.SIZE_LIMIT_EXCEEDED
                    && e instanceof com.unboundid.ldap.sdk.LDAPSearchException partial) {
                entries = partial.getSearchEntries();
            } else if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            } else {
                throw unreachable("operator search", e);
            }
        }
        return entries.stream().limit(limit).map(entry -> mapping.map(entry, List.of())).toList();
    }

    /** One person by login name, with their groups; empty when nobody or more than one entry has that name. */
    Optional<DirectoryProfile> person(String login) throws DirectoryUnreachableException {
        List<SearchResultEntry> found = search(login);
        if (found.size() != 1) {
            return Optional.empty();
        }
        try {
            return Optional.of(mapping.map(found.get(0), groups.of(found.get(0), connections.searches())));
        } catch (LDAPException e) {
            throw unreachable("group search", e);
        }
    }

    /** {@code (&(|(uid=*x*)(mail=*x*))(extra))}: the typed text is one substring value, escaped (RFC 4515). */
    Filter containsFilter(String text) {
        List<Filter> anyOf = new ArrayList<>();
        for (String attribute : config.loginAttributes()) {
            anyOf.add(Filter.createSubstringFilter(attribute, null, new String[]{text}, null));
        }
        return withUserFilter(anyOf.size() == 1 ? anyOf.get(0) : Filter.createORFilter(anyOf));
    }

    /** {@code (&(|(uid=x)(mail=x))(extra))}, every typed character escaped (RFC 4515). */
    Filter userFilter(String login) {
        List<Filter> anyOf = new ArrayList<>();
        for (String attribute : config.loginAttributes()) {
            anyOf.add(Filter.createEqualityFilter(attribute, login));
        }
        return withUserFilter(anyOf.size() == 1 ? anyOf.get(0) : Filter.createORFilter(anyOf));
    }

    private Filter withUserFilter(Filter byLogin) {
        if (config.userFilter().isEmpty()) {
            return byLogin;
        }
        try {
            return Filter.createANDFilter(byLogin, Filter.create(config.userFilter()));
        } catch (LDAPException e) {
            throw new IllegalArgumentException("invalid configuration ldap.userFilter: " + e.getMessage(), e);
        }
    }

    /** Empty when the password is right; else why not. Throws when no directory server answered. */
    private Optional<SignInOutcome> bind(String dn, String password) throws DirectoryUnreachableException {
        try {
            // The bind pool's connections are only ever bound as users, never searched with: the service account's
            // pool keeps its identity.
            connections.binds().bind(new SimpleBindRequest(dn, password));
            return Optional.empty();
        } catch (LDAPException e) {
            if (connectionLost(e)) {
                throw unreachable("bind", e);
            }
            return Optional.of(AccountState.ofRefusedBind(e));
        }
    }

    private static String rdnValue(String login) {
        String rdn = new RDN("x", login).toString();
        return rdn.substring(rdn.indexOf('=') + 1);
    }

    static boolean connectionLost(LDAPException e) {
        ResultCode code = e.getResultCode();
        return !ResultCode.isConnectionUsable(code) || code == ResultCode.BUSY || code == ResultCode.UNAVAILABLE
                || code == ResultCode.TIMEOUT || code == ResultCode.CONNECT_ERROR || code == ResultCode.SERVER_DOWN;
    }

    private DirectoryUnreachableException unreachable(String step, LDAPException e) {
        // The result code and the servers, never the bind request (it would carry a password).
        LOG.warn("campus directory unreachable ({}): {} at {}", step, e.getResultCode(), config.urls());
        return new DirectoryUnreachableException("the campus directory cannot be reached; try again later", e);
    }
}
