package edu.lanyard.devkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** One node of {@link KafkaBrokerProcesses}: its ports, data and, while it runs, its process. */
final class KafkaBrokerNode {
    final int id;
    final Map<String, Integer> clientPorts;
    final int internalPort;
    final int controllerPort;
    final Path dataDir;
    private Process process;

    KafkaBrokerNode(int id, Map<String, Integer> clientPorts, int internalPort, int controllerPort, Path dataDir) {
        this.id = id;
        this.clientPorts = Map.copyOf(clientPorts);
        this.internalPort = internalPort;
        this.controllerPort = controllerPort;
        this.dataDir = dataDir;
    }

    Path config() {
        return dataDir.resolveSibling("node-" + id + ".properties");
    }

    synchronized boolean alive() {
        return process != null && process.isAlive();
    }

    synchronized void requireAliveIfLaunched() {
        if (process != null && !process.isAlive()) {
            throw new IllegalStateException("Kafka node " + id + " exited with " + process.exitValue()
                    + "; see " + dataDir.resolveSibling("node-" + id + ".log"));
        }
    }

    synchronized void launch() {
        if (alive()) {
            return;
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new ArrayList<>(List.of(java, "-Xmx384m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                "-Dlog4j2.loggerContextFactory=org.apache.logging.log4j.simple.SimpleLoggerContextFactory",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", System.getProperty("java.class.path"), "kafka.Kafka", config().toString()));
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dataDir.resolveSibling("node-" + id + ".log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start Kafka node " + id, e);
        }
    }

    synchronized void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
