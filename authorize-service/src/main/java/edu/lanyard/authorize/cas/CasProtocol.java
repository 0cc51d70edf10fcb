package edu.lanyard.authorize.cas;

import edu.lanyard.authorize.SignInFlow;
import edu.lanyard.dialects.cas.CasOptions;
import edu.lanyard.dialects.cas.protocol.CasProtocolPaths;
import io.vertx.ext.web.Router;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static edu.lanyard.dialects.http.HttpMetrics.named;

/**
 * The CAS protocol under the CAS mount (CAS Protocol 3.0): login with service tickets, the validation endpoints,
 * proxy tickets, and single logout. Built once per process with the mount's options.
 */
public final class CasProtocol implements io.vertx.core.shareddata.Shareable {
    private final CasProtocolLogin login;
    private final SingleLogout singleLogout;
    private final TicketValidator validator;
    private final CasProxyEndpoint proxy;
    private final SamlValidateEndpoint samlValidate;

    private CasProtocol(SignInFlow flow, String prefix, CasOptions options) {
        CasEvents events = new CasEvents(flow.platform().ledger());
        HttpClient http = httpClient(options);
        var platform = flow.platform();
        ServiceTickets tickets = new ServiceTickets(platform.casTickets(), platform.clock(),
                options.serviceTicketSeconds(), events);
        this.login = new CasProtocolLogin(flow, tickets, prefix);
        this.singleLogout = new SingleLogout(flow.platform(), http, events);
        this.validator = new TicketValidator(platform.casTickets(), platform.casServices(), platform.users(), events,
                new ProxyGranting(platform, http));
        this.proxy = new CasProxyEndpoint(flow.platform(), events, options.serviceTicketSeconds());
        this.samlValidate = new SamlValidateEndpoint(validator, flow.platform().clock(),
                flow.platform().issuer());
    }

    /** Blocking (reads the trust file, if any): build it off the event loop, once. */
    public static CasProtocol create(SignInFlow flow, String prefix, CasOptions options) {
        return new CasProtocol(flow, prefix, options);
    }

    public CasProtocolLogin login() {
        return login;
    }

    public SingleLogout singleLogout() {
        return singleLogout;
    }

    /** The machine-to-machine endpoints: validation, proxy, SAML 1.1 validation. */
    public void mountValidation(Router router, String prefix) {
        mount(router, prefix + CasProtocolPaths.VALIDATE, "cas_validate", TicketValidator.Endpoint.V1);
        mount(router, prefix + CasProtocolPaths.SERVICE_VALIDATE, "cas_service_validate",
                TicketValidator.Endpoint.SERVICE_V2);
        mount(router, prefix + CasProtocolPaths.PROXY_VALIDATE, "cas_proxy_validate",
                TicketValidator.Endpoint.PROXY_V2);
        mount(router, prefix + CasProtocolPaths.P3_SERVICE_VALIDATE, "cas_service_validate",
                TicketValidator.Endpoint.SERVICE_V3);
        mount(router, prefix + CasProtocolPaths.P3_PROXY_VALIDATE, "cas_proxy_validate",
                TicketValidator.Endpoint.PROXY_V3);
        router.route(prefix + CasProtocolPaths.PROXY).failureHandler(proxy::failed);
        router.get(prefix + CasProtocolPaths.PROXY).handler(named("cas_proxy", proxy));
        router.route(prefix + CasProtocolPaths.SAML_VALIDATE).failureHandler(samlValidate::failed);
        router.post(prefix + CasProtocolPaths.SAML_VALIDATE).handler(named("cas_saml_validate", samlValidate));
    }

    private void mount(Router router, String path, String metric, TicketValidator.Endpoint endpoint) {
        CasValidateEndpoint handler = new CasValidateEndpoint(endpoint, validator);
        router.route(path).failureHandler(handler::failed);
        router.get(path).handler(named(metric, handler));
    }

    /**
     * The client for proxy callbacks and back-channel logout: no redirects followed, the JDK's trusted authorities
     * plus those of {@code proxyCallbackTrustCert}.
     */
    private static HttpClient httpClient(CasOptions options) {
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .followRedirects(HttpClient.Redirect.NEVER);
        options.proxyCallbackTrustCert().ifPresent(file -> builder.sslContext(trusting(Path.of(file))));
        return builder.build();
    }

    private static SSLContext trusting(Path pem) {
        try {
            TrustManagerFactory jdk = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            jdk.init((KeyStore) null);
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            List<Certificate> extra = new ArrayList<>();
            try (InputStream in = Files.newInputStream(pem)) {
                extra.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
            }
            for (int i = 0; i < extra.size(); i++) {
                store.setCertificateEntry("extra-" + i, extra.get(i));
            }
            // The JDK's authorities too: a deployment adding one certificate must not lose the public ones.
            for (var manager : jdk.getTrustManagers()) {
                if (manager instanceof javax.net.ssl.X509TrustManager x509) {
                    X509Certificate[] issuers = x509.getAcceptedIssuers();
                    for (int i = 0; i < issuers.length; i++) {
                        store.setCertificateEntry("jdk-" + i, issuers[i]);
                    }
                }
            }
            TrustManagerFactory combined = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            combined.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, combined.getTrustManagers(), null);
            return context;
        } catch (Exception e) {
            throw new IllegalStateException("dialects.cas.options.proxyCallbackTrustCert: cannot read " + pem
                    + ": " + e.getMessage(), e);
        }
    }
}
