package edu.lanyard.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * How a pod stops: Lanyard takes SIGTERM itself (readiness 503 while still serving, drain, leave Hazelcast), so no
 * preStop hook delays the signal, and Kubernetes waits long enough for every stage before it kills.
 */
class ShutdownRenderTest {

    @Test
    void everyPodGetsTimeForEveryStageOfItsStop() {
        RenderedChart chart = RenderedChart.withDefaults();
        JsonNode config = RenderedChart.parseYaml(chart.get("ConfigMap", "campus-lanyard-config")
                .at("/data/lanyard.yaml").asText());
        int stop = config.at("/http/shutdownDelaySeconds").asInt() + config.at("/http/drainTimeoutSeconds").asInt()
                + config.at("/hazelcast/shutdownTimeoutSeconds").asInt();
        assertEquals(45, stop, "5 s with readiness 503, up to 15 s of drain, up to 25 s to hand over partitions");
        for (JsonNode deployment : chart.ofKind("Deployment")) {
            String name = deployment.at("/metadata/name").asText();
            JsonNode pod = deployment.at("/spec/template/spec");
            assertTrue(pod.path("terminationGracePeriodSeconds").asInt() >= stop + 10,
                    name + ": the grace period covers the stop and the projector, producer and pools after it");
            assertTrue(RenderedChart.container(deployment).path("lifecycle").path("preStop").isMissingNode(),
                    name + ": a preStop sleep would only delay SIGTERM, during which Lanyard cannot say it is going");
        }
    }

    @Test
    void longerStagesFitWhenTheGracePeriodGrowsWithThem() {
        RenderedChart chart = RenderedChart.withSet(Map.of("shutdown.drainTimeoutSeconds", 60,
                "terminationGracePeriodSeconds", 100));
        JsonNode config = RenderedChart.parseYaml(chart.get("ConfigMap", "campus-lanyard-config")
                .at("/data/lanyard.yaml").asText());
        assertEquals(60, config.at("/http/drainTimeoutSeconds").asInt());
        assertEquals(100, chart.deployment("token").at("/spec/template/spec/terminationGracePeriodSeconds").asInt());
    }
}
