package edu.lanyard.devruntime;

import edu.lanyard.devruntime.api.DevInfrastructure;

import java.nio.file.Path;

/** The {@link DevInfrastructure} that {@code lanyard dev} finds through {@link java.util.ServiceLoader}. */
public final class EmbeddedDevInfrastructure implements DevInfrastructure {

    @Override
    public EmbeddedKafka startKafka(Path dataDir, int port) {
        return EmbeddedKafka.start(dataDir, port);
    }
}
