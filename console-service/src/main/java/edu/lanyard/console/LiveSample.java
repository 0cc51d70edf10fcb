package edu.lanyard.console;

import io.vertx.core.json.JsonObject;

import java.util.Map;

/**
 * One point of the console's live dashboard: rates per second over the interval before {@code at} (from this node's
 * meters), latencies as the interval's p99 in milliseconds (to the histogram's bucket), and the cluster's gauges.
 *
 * @param signIns        sign-ins per second by outcome (success, failure, locked)
 * @param tokens         token responses per second by grant
 * @param unavailable    503 answers per second
 * @param p99ByEndpoint  p99 in ms of each endpoint that answered in the interval
 * @param kafkaP99       p99 in ms of the event publishes of the interval, null without any
 * @param kafkaPerSecond event publishes per second
 * @param projectionLag  events not yet in Postgres (this node's projector), null on a node without one
 * @param members        Hazelcast members this node sees
 */
public record LiveSample(long at, Map<String, Double> signIns, Map<String, Double> tokens, double unavailable,
                         Map<String, Double> p99ByEndpoint, Double kafkaP99, double kafkaPerSecond,
                         Double projectionLag, Double members) {

    public JsonObject toJson() {
        return new JsonObject()
                .put("at", at)
                .put("signins", new JsonObject(Map.copyOf(signIns)))
                .put("tokens", new JsonObject(Map.copyOf(tokens)))
                .put("unavailable", unavailable)
                .put("p99", new JsonObject(Map.copyOf(p99ByEndpoint)))
                .put("kafka_p99", kafkaP99)
                .put("kafka_per_second", kafkaPerSecond)
                .put("projection_lag", projectionLag)
                .put("members", members);
    }
}
