package edu.lanyard.devkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * PKCS12 key and trust stores for TLS tests: a key pair with a self-signed certificate for 127.0.0.1 / localhost
 * per party (the JDK's {@code keytool}), and a trust store holding another party's certificate.
 */
public final class TlsStores {
    /** A store file and its password. */
    public record Store(Path path, String password) {
        @Override
        public String toString() {
            return "Store[" + path + "]";
        }
    }

    private TlsStores() {
    }

    /** A key store with a new key pair and a self-signed certificate for {@code name} at 127.0.0.1 and localhost. */
    public static Store keyStore(Path dir, String name, String password) {
        Path file = dir.resolve(name + "-keystore.p12");
        keytool("-genkeypair", "-alias", "key", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", file.toString(),
                "-storetype", "PKCS12", "-storepass", password, "-keypass", password);
        return new Store(file, password);
    }

    /** A trust store holding the certificate of {@code trusted} (made in-process: one JVM start less per store). */
    public static Store trustStore(Path dir, String name, Store trusted, String password) {
        Path file = dir.resolve(name + "-truststore.p12");
        try {
            KeyStore keys = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(trusted.path())) {
                keys.load(in, trusted.password().toCharArray());
            }
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("trusted", keys.getCertificate("key"));
            try (OutputStream out = Files.newOutputStream(file)) {
                trust.store(out, password.toCharArray());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot make the trust store " + file + ": " + e.getMessage(), e);
        }
        return new Store(file, password);
    }

    private static void keytool(String... arguments) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("keytool " + arguments[0] + " failed: " + output.strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run keytool", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running keytool", e);
        }
    }
}
