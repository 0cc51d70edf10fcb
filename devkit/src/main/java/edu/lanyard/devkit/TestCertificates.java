package edu.lanyard.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A self-signed certificate authority and server certificates it signs, made with the {@code openssl} command for
 * one test (EC P-256, valid for two days), in PEM files under a directory of the test's.
 */
public final class TestCertificates {
    private final Path dir;
    private final String name;

    private TestCertificates(Path dir, String name) {
        this.dir = dir;
        this.name = name;
    }

    /** Why this machine cannot make them, or empty. */
    public static Optional<String> unavailable() {
        try {
            Process process = new ProcessBuilder("openssl", "version").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0 ? Optional.empty()
                    : Optional.of("openssl version failed");
        } catch (IOException e) {
            return Optional.of("no openssl command");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        }
    }

    /** A new certificate authority {@code name} in {@code dir}. */
    public static TestCertificates authority(Path dir, String name) {
        TestCertificates ca = new TestCertificates(dir, name);
        openssl(dir, "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", name + ".key", "-out", name + ".crt", "-days", "2", "-subj", "/CN=" + name,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign");
        return ca;
    }

    /** The authority's certificate: what a client configures as its root. */
    public Path certificate() {
        return dir.resolve(name + ".crt");
    }

    /**
     * A server certificate signed by this authority for the given subject alternative names (e.g.
     * {@code DNS:localhost}, {@code IP:127.0.0.1}); its certificate and key files.
     */
    public ThrowawayPostgres.Tls server(String serverName, List<String> subjectAltNames) {
        try {
            Files.writeString(dir.resolve(serverName + ".ext"), "subjectAltName=" + String.join(",", subjectAltNames)
                    + "\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyAgreement\n"
                    + "extendedKeyUsage=serverAuth\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        openssl(dir, "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", serverName + ".key", "-out", serverName + ".csr", "-subj", "/CN=" + serverName);
        openssl(dir, "x509", "-req", "-in", serverName + ".csr", "-CA", name + ".crt", "-CAkey", name + ".key",
                "-CAcreateserial", "-out", serverName + ".crt", "-days", "2", "-extfile", serverName + ".ext");
        return new ThrowawayPostgres.Tls(dir.resolve(serverName + ".crt"), dir.resolve(serverName + ".key"));
    }

    private static void openssl(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
            byte[] output = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: "
                        + new String(output, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run openssl", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running openssl", e);
        }
    }
}
