package edu.lanyard.launcher.cas;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.FileInputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.BiConsumer;

/**
 * The applications' side of the CAS tests: a plain HTTP server receiving back-channel logout notices, and an https
 * server (self-signed certificate, made with the JDK's keytool) receiving proxy callbacks.
 */
final class CasTestApps implements AutoCloseable {
    final HttpServer app;
    final HttpsServer proxy;
    final Path certificatePem;
    /** Each back-channel notice's form body, decoded. */
    final BlockingQueue<Map<String, String>> logoutNotices = new LinkedBlockingQueue<>();
    /** Each proxy callback's query, decoded. */
    final BlockingQueue<Map<String, String>> proxyCallbacks = new LinkedBlockingQueue<>();
    volatile int proxyCallbackStatus = 200;
    /** How many of the next logout notices the app answers 503 (to see the retries). */
    final java.util.concurrent.atomic.AtomicInteger refuseLogouts = new java.util.concurrent.atomic.AtomicInteger();
    volatile BiConsumer<String, String> onProxyCallback = (iou, id) -> { };

    private CasTestApps(HttpServer app, HttpsServer proxy, Path certificatePem) {
        this.app = app;
        this.proxy = proxy;
        this.certificatePem = certificatePem;
    }

    static CasTestApps start() throws Exception {
        Path dir = Files.createTempDirectory("lanyard-cas-test");
        Path keystore = dir.resolve("proxy.p12");
        Path pem = dir.resolve("proxy.pem");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        run(keytool, "-genkeypair", "-alias", "proxy", "-keyalg", "EC", "-groupname", "secp256r1", "-validity",
                "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-keystore", keystore.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit", "-keypass", "changeit");
        run(keytool, "-exportcert", "-rfc", "-alias", "proxy", "-keystore", keystore.toString(), "-storetype",
                "PKCS12", "-storepass", "changeit", "-file", pem.toString());

        HttpServer app = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpsServer proxy = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        CasTestApps apps = new CasTestApps(app, proxy, pem);
        app.createContext("/", exchange -> {
            int status = 200;
            if (exchange.getRequestMethod().equals("POST")) {
                apps.logoutNotices.add(decode(new String(exchange.getRequestBody().readAllBytes(),
                        StandardCharsets.UTF_8)));
                status = apps.refuseLogouts.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 503 : 200;
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (FileInputStream in = new FileInputStream(keystore.toFile())) {
            store.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(keys.getKeyManagers(), null, null);
        proxy.setHttpsConfigurator(new HttpsConfigurator(tls));
        proxy.createContext("/", exchange -> {
            Map<String, String> query = decode(exchange.getRequestURI().getRawQuery());
            apps.proxyCallbacks.add(query);
            if (query.containsKey("pgtIou")) {
                apps.onProxyCallback.accept(query.get("pgtIou"), query.get("pgtId"));
            }
            exchange.sendResponseHeaders(apps.proxyCallbackStatus, -1);
            exchange.close();
        });
        app.start();
        proxy.start();
        return apps;
    }

    String appBase() {
        return "http://127.0.0.1:" + app.getAddress().getPort();
    }

    String proxyBase() {
        return "https://127.0.0.1:" + proxy.getAddress().getPort();
    }

    static Map<String, String> decode(String form) {
        Map<String, String> fields = new LinkedHashMap<>();
        if (form == null || form.isEmpty()) {
            return fields;
        }
        for (String pair : form.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            fields.put(name, value);
        }
        return fields;
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool failed: " + output);
        }
    }

    @Override
    public void close() {
        app.stop(0);
        proxy.stop(0);
    }
}
