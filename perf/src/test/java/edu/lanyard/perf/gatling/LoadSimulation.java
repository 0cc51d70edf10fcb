package edu.lanyard.perf.gatling;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.PopulationBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

import java.time.Duration;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A closed-model load: {@code USERS} virtual users, each doing its set-up once and then its request over and over for
 * {@code DURATION} seconds, as wrk's connections do. The run fails (perf/gatling.sh exits non-zero) when more than
 * {@code MAX_FAILED_PERCENT} of requests failed.
 */
public abstract class LoadSimulation extends Simulation {
    protected final LoadSettings settings = LoadSettings.fromEnvironment();

    /** Starts the load; every concrete simulation calls this once from its constructor. */
    protected final void closedLoop(String name, ChainBuilder once, ChainBuilder repeated) {
        ScenarioBuilder scenario = scenario(name).feed(Flows.students(settings.students()))
                .exec(once).during(settings.duration()).on(repeated);
        PopulationBuilder population = scenario.injectOpen(
                rampUsers(settings.users()).during(Duration.ofSeconds(Math.min(2, settings.duration().toSeconds()))));
        setUp(population).protocols(Flows.protocol(settings))
                .assertions(global().failedRequests().percent().lt(settings.maxFailedPercent()));
    }

    /** Nothing to set up. */
    protected static ChainBuilder nothing() {
        return exec(session -> session);
    }
}
