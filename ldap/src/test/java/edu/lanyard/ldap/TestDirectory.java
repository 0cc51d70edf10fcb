package edu.lanyard.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;
import com.unboundid.util.ssl.TrustAllTrustManager;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.devkit.TlsStores;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory directory for one test class: an OpenLDAP-like tree (inetOrgPerson, groupOfNames, nested groups) or
 * an Active Directory-like one (sAMAccountName, userAccountControl, memberOf; a permissive schema), optionally behind
 * LDAPS or StartTLS with a test certificate.
 */
final class TestDirectory implements AutoCloseable {
    static final String BASE = "dc=campus,dc=edu";
    static final String SERVICE_DN = "cn=lanyard,ou=services," + BASE;
    static final String SERVICE_PASSWORD = "service-secret-0123";
    /** What the AD-like directory says for an account's state, by DN, when the password is right. */
    final Map<String, String> adSubCodes = new ConcurrentHashMap<>();
    /** Simple binds received, every DN. */
    final java.util.concurrent.atomic.AtomicLong binds = new java.util.concurrent.atomic.AtomicLong();

    enum Kind { OPENLDAP, ACTIVE_DIRECTORY }

    enum Transport { PLAIN, LDAPS, START_TLS }

    private final InMemoryDirectoryServer server;
    private final Transport transport;

    private TestDirectory(Kind kind, Transport transport, TlsStores.Store serverKeys) throws Exception {
        this.transport = transport;
        InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
        config.addAdditionalBindCredentials(SERVICE_DN, SERVICE_PASSWORD);
        if (kind == Kind.ACTIVE_DIRECTORY) {
            config.setSchema(null); // AD's attribute types are not in the standard schema: accept anything
            config.addInMemoryOperationInterceptor(new AdBindSubCodes());
        }
        config.addInMemoryOperationInterceptor(new InMemoryOperationInterceptor() {
            @Override
            public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
                binds.incrementAndGet();
            }
        });
        config.setListenerConfigs(listener(transport, serverKeys));
        server = new InMemoryDirectoryServer(config);
        server.importFromLDIF(true, ldif(kind == Kind.ACTIVE_DIRECTORY ? "/active-directory.ldif" : "/openldap.ldif"));
        server.startListening();
    }

    static TestDirectory openLdap() throws Exception {
        return new TestDirectory(Kind.OPENLDAP, Transport.PLAIN, null);
    }

    static TestDirectory activeDirectory() throws Exception {
        return new TestDirectory(Kind.ACTIVE_DIRECTORY, Transport.PLAIN, null);
    }

    static TestDirectory openLdap(Transport transport, TlsStores.Store serverKeys) throws Exception {
        return new TestDirectory(Kind.OPENLDAP, transport, serverKeys);
    }

    InMemoryDirectoryServer server() {
        return server;
    }

    String url() {
        return (transport == Transport.LDAPS ? "ldaps" : "ldap") + "://127.0.0.1:" + server.getListenPort();
    }

    /** Search-then-bind by uid, mail and employeeNumber, groups from groupOfNames two levels deep. */
    LanyardConfig.Ldap openLdapConfig(List<String> urls) {
        return new LanyardConfig.Ldap(true, urls, transport == Transport.START_TLS, "", "", "PKCS12", "",
                SERVICE_DN, SERVICE_PASSWORD, "", "ou=people," + BASE, List.of("uid", "mail", "employeeNumber"),
                "(objectClass=inetOrgPerson)", 2000, 5000, 4,
                Map.of("uid", "username", "cn", "name", "mail", "email", "telephoneNumber", "phone",
                        "givenName", "given_name", "sn", "family_name", "departmentNumber", "department",
                        "employeeNumber", "employee_number"),
                new LanyardConfig.LdapGroups("", "ou=groups," + BASE, "(member={dn})", 2), false, 0);
    }

    LanyardConfig.Ldap openLdapConfig() {
        return openLdapConfig(List.of(url()));
    }

    LanyardConfig.Ldap activeDirectoryConfig() {
        return new LanyardConfig.Ldap(true, List.of(url()), false, "", "", "PKCS12", "", SERVICE_DN,
                SERVICE_PASSWORD, "", "ou=staff," + BASE, List.of("sAMAccountName", "userPrincipalName"),
                "(objectClass=user)", 2000, 5000, 4, Map.of(),
                new LanyardConfig.LdapGroups("memberOf", "", "(member={dn})", 0), true, 0);
    }

    @Override
    public void close() {
        server.shutDown(true);
    }

    private static InMemoryListenerConfig listener(Transport transport, TlsStores.Store keys) throws Exception {
        if (transport == Transport.PLAIN) {
            return InMemoryListenerConfig.createLDAPConfig("ldap", 0);
        }
        SSLUtil serverTls = new SSLUtil(new KeyStoreKeyManager(keys.path().toFile(), keys.password().toCharArray(),
                "PKCS12", "key"), new TrustAllTrustManager());
        if (transport == Transport.LDAPS) {
            return InMemoryListenerConfig.createLDAPSConfig("ldaps", null, 0, serverTls.createSSLServerSocketFactory(),
                    null);
        }
        return InMemoryListenerConfig.createLDAPConfig("ldap", null, 0, serverTls.createSSLSocketFactory());
    }

    private static String ldif(String resource) {
        try {
            Path file = java.nio.file.Files.createTempFile("directory", ".ldif");
            try (var in = TestDirectory.class.getResourceAsStream(resource)) {
                java.nio.file.Files.write(file, in.readAllBytes());
            }
            file.toFile().deleteOnExit();
            return file.toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** AD answers a bind to a refused account with INVALID_CREDENTIALS and a sub-code in the diagnostic message. */
    private final class AdBindSubCodes extends InMemoryOperationInterceptor {
        @Override
        public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) throws LDAPException {
            String subCode = adSubCodes.get(request.getRequest().getBindDN().toLowerCase(java.util.Locale.ROOT));
            if (subCode != null) {
                throw new LDAPException(ResultCode.INVALID_CREDENTIALS, "80090308: LdapErr: DSID-0C09042F, comment:"
                        + " AcceptSecurityContext error, data " + subCode + ", v2580");
            }
        }
    }
}
