package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.PostConnectProcessor;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.HostNameSSLSocketVerifier;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.PEMFileTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustStoreTrustManager;
import edu.lanyard.core.config.LanyardConfig;

import javax.net.SocketFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import java.io.File;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The connections to the campus directory: one pool bound as the service account for searches, and one pool used only
 * for the users' binds, so a user's bind never changes who the searches run as. Both go to the configured URLs in
 * order (failover), with TLS per URL scheme or StartTLS, and both are kept healthy in the background.
 */
public final class DirectoryConnections implements AutoCloseable {
    private static final long HEALTH_CHECK_INTERVAL_MS = 30_000;

    private final LDAPConnectionPool searches;
    private final LDAPConnectionPool binds;

    private DirectoryConnections(LDAPConnectionPool searches, LDAPConnectionPool binds) {
        this.searches = searches;
        this.binds = binds;
    }

    /**
     * Builds the pools without requiring the directory to be up: a node starts while the directory is down, and its
     * sign-ins say "try again later" until it is back.
     */
    public static DirectoryConnections open(LanyardConfig.Ldap config) {
        try {
            SSLContext tls = tlsContext(config);
            LDAPConnectionOptions options = new LDAPConnectionOptions();
            options.setConnectTimeoutMillis(config.connectTimeoutMs());
            options.setResponseTimeoutMillis(config.responseTimeoutMs());
            options.setAbandonOnTimeout(true);
            if (tls != null) {
                options.setSSLSocketVerifier(new HostNameSSLSocketVerifier(true));
            }
            FailoverServerSet servers = servers(config, tls, options);
            PostConnectProcessor startTls = config.startTls() ? new StartTLSPostConnectProcessor(tls) : null;
            LDAPConnectionPool searches = null;
            if (config.searchThenBind()) {
                searches = pool(servers, new SimpleBindRequest(config.bindDn(), config.bindPassword()), config,
                        startTls, "lanyard-ldap-search");
            }
            LDAPConnectionPool binds = pool(servers, null, config, startTls, "lanyard-ldap-bind");
            return new DirectoryConnections(searches, binds);
        } catch (LDAPException | GeneralSecurityException e) {
            // The message names the setting at fault (a URL, the trust store), never the bind password.
            throw new IllegalArgumentException("invalid configuration ldap: " + e.getMessage(), e);
        }
    }

    /** Bound as the service account; null with direct binds (ldap.userDnTemplate). */
    LDAPConnectionPool searches() {
        return searches;
    }

    /** Only ever used to bind as a user; never for a search as the service account. */
    LDAPConnectionPool binds() {
        return binds;
    }

    @Override
    public void close() {
        if (searches != null) {
            searches.close();
        }
        binds.close();
    }

    private static LDAPConnectionPool pool(FailoverServerSet servers, SimpleBindRequest bind,
                                           LanyardConfig.Ldap config, PostConnectProcessor startTls, String name)
            throws LDAPException {
        // initial 0 connections, no throw: building a pool never needs the directory to answer.
        LDAPConnectionPool pool = new LDAPConnectionPool(servers, bind, 0, config.poolSize(), 1, startTls, false);
        pool.setConnectionPoolName(name);
        pool.setCreateIfNecessary(true);
        pool.setMaxWaitTimeMillis(config.connectTimeoutMs());
        // A connection the directory closed (a restart, an idle timeout) is replaced and the operation tried again.
        pool.setRetryFailedOperationsDueToInvalidConnections(true);
        pool.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck("", config.responseTimeoutMs(), false, false,
                false, true, true));
        pool.setHealthCheckIntervalMillis(HEALTH_CHECK_INTERVAL_MS);
        pool.setMaxConnectionAgeMillis(30 * 60_000L);
        return pool;
    }

    private static FailoverServerSet servers(LanyardConfig.Ldap config, SSLContext tls, LDAPConnectionOptions options)
            throws LDAPException {
        List<String> hosts = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        boolean ldaps = false;
        boolean plain = false;
        for (String url : config.urls()) {
            LDAPURL parsed = new LDAPURL(url.trim());
            hosts.add(parsed.getHost());
            ports.add(parsed.getPort());
            if (parsed.getScheme().toLowerCase(Locale.ROOT).equals("ldaps")) {
                ldaps = true;
            } else {
                plain = true;
            }
        }
        if (ldaps && plain) {
            throw new IllegalArgumentException("invalid configuration ldap.urls: all ldap:// or all ldaps://, not both");
        }
        if (ldaps && config.startTls()) {
            throw new IllegalArgumentException("invalid configuration ldap.startTls: not with ldaps:// URLs");
        }
        SocketFactory sockets = ldaps ? tls.getSocketFactory() : SocketFactory.getDefault();
        int[] portArray = ports.stream().mapToInt(Integer::intValue).toArray();
        return new FailoverServerSet(hosts.toArray(String[]::new), portArray, sockets, options);
    }

    /** Null when nothing is encrypted; otherwise trusts the configured store or PEM file, else the JVM's CAs. */
    private static SSLContext tlsContext(LanyardConfig.Ldap config) throws GeneralSecurityException {
        boolean ldaps = config.urls().stream().anyMatch(url -> url.trim().toLowerCase(Locale.ROOT).startsWith("ldaps:"));
        if (!ldaps && !config.startTls()) {
            return null;
        }
        TrustManager trust;
        if (!config.trustStore().isEmpty()) {
            if (!new File(config.trustStore()).canRead()) {
                throw new IllegalArgumentException("invalid configuration ldap.trustStore: cannot read "
                        + config.trustStore());
            }
            trust = new TrustStoreTrustManager(config.trustStore(),
                    config.trustStorePassword().isEmpty() ? null : config.trustStorePassword().toCharArray(),
                    config.trustStoreType(), true);
        } else if (!config.caFile().isEmpty()) {
            if (!new File(config.caFile()).canRead()) {
                throw new IllegalArgumentException("invalid configuration ldap.caFile: cannot read " + config.caFile());
            }
            trust = new PEMFileTrustManager(new File(config.caFile()));
        } else {
            trust = JVMDefaultTrustManager.getInstance();
        }
        return new SSLUtil(trust).createSSLContext();
    }
}
