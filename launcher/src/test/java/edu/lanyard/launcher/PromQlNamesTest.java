package edu.lanyard.launcher;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What {@link PromQlNames} reads as metric names, on the shapes the dashboard and the alert rules use. */
class PromQlNamesTest {
    @Test
    void readsMetricNamesAndNothingElse() {
        assertEquals(Set.of("lanyard_http_requests_seconds_bucket"), PromQlNames.in(
                "histogram_quantile(0.99, sum by (le, endpoint) (rate(lanyard_http_requests_seconds_bucket"
                        + "{job=~\"$job\", endpoint!~\"health|metrics\"}[$__rate_interval])))"));
        assertEquals(Set.of("lanyard_projection_lag", "lanyard_projection_events_total"), PromQlNames.in(
                "sum(lanyard_projection_lag{job=\"lanyard\"}) > 0\n"
                        + "and (sum(rate(lanyard_projection_events_total{job=\"lanyard\"}[10m])) or vector(0)) == 0"));
        assertEquals(Set.of("up"), PromQlNames.in("up{job=\"lanyard\"} == 0"));
        assertEquals(Set.of("a_total", "b_count"), PromQlNames.in(
                "sum without (instance) (rate(a_total[5m] offset 1h)) / on (job) group_left (pod) b_count > 1e3"));
        assertEquals(Set.of("jvm_memory_used_bytes"), PromQlNames.in(
                "sum by (instance) (jvm_memory_used_bytes{area=\"heap\", id=~\"G1 .*\"})"));
    }

    @Test
    void selectorsKeepTheLabelsThatMustEqualAValue() {
        assertEquals(List.of(new PromQlNames.Selector("lanyard_kafka_publish_seconds_bucket",
                        Map.of("job", "lanyard", "result", "acked")),
                new PromQlNames.Selector("x", Map.of())), PromQlNames.selectors(
                "histogram_quantile(0.5, sum by (le) (rate(lanyard_kafka_publish_seconds_bucket{job=\"lanyard\","
                        + " result=\"acked\", status!=\"200\", endpoint=~\"a|b\"}[5m]))) / x{}"));
    }

    /** A misspelt metric is read as what it says: the existence check then fails on it. */
    @Test
    void aTypoIsAName() {
        assertEquals(Set.of("lanyard_signin_total"), PromQlNames.in("sum(rate(lanyard_signin_total[5m]))"));
    }
}
