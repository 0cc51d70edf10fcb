package edu.lanyard.launcher;

import edu.lanyard.devruntime.api.DevInfrastructure;

import java.util.ServiceLoader;

/**
 * Finds the dev runtime: the in-process Kafka broker that {@code lanyard dev} runs when no Kafka cluster is
 * configured. It lives in {@code lanyard-dev.jar} (module {@code dev-runtime}), never in {@code lanyard.jar}, so a
 * production node cannot start a broker by accident; this lookup is the only way the launcher reaches it.
 */
final class DevRuntime {
    static final String MISSING = "`lanyard dev` needs the dev runtime for its embedded Kafka broker, and lanyard.jar"
            + " does not carry it: from a checkout run ./lanyard dev (or java -jar dev-runtime/target/lanyard-dev.jar"
            + " dev, which puts launcher/target/lanyard.jar beside it), or point dev at a real Kafka cluster with"
            + " kafka.bootstrapServers / LANYARD_KAFKA_BOOTSTRAP_SERVERS";

    private DevRuntime() {
    }

    static DevInfrastructure require() {
        return require(DevRuntime.class.getClassLoader());
    }

    /** The dev runtime visible to {@code loader}, or a refusal that says what is missing and how to get it. */
    static DevInfrastructure require(ClassLoader loader) {
        return ServiceLoader.load(DevInfrastructure.class, loader).findFirst()
                .orElseThrow(() -> new IllegalStateException(MISSING));
    }
}
