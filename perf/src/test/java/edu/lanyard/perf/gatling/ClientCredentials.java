package edu.lanyard.perf.gatling;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;

/** client_credentials at /oauth2/token (HTTP Basic): the cheapest token, one Kafka publish each. */
public final class ClientCredentials extends LoadSimulation {
    public ClientCredentials() {
        Campus.App portal = Campus.PORTAL;
        closedLoop("client_credentials", nothing(), exec(http("token: client_credentials").post("/oauth2/token")
                .basicAuth(portal.clientId(), portal.secret()).formParam("grant_type", "client_credentials")
                .formParam("scope", "profile").check(status().is(200), jsonPath("$.access_token").exists())));
    }
}
