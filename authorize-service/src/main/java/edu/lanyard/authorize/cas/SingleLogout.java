package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.dialects.cas.protocol.CasLogoutRequest;
import io.vertx.core.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * CAS single logout: when an SSO session ends at logout, every service that got a ticket in it is told. Back channel
 * (the default): a form POST {@code logoutRequest=<samlp:LogoutRequest>} from the server, asynchronous, retried
 * with backoff, never holding up the user's answer. Front channel: the notice travels through the browser, as a
 * hidden frame of the signed-out page. Failures are logged by the service's origin, never with the ticket.
 */
public final class SingleLogout {
    private static final Logger LOG = LoggerFactory.getLogger(SingleLogout.class);
    static final int ATTEMPTS = 3;
    static final long FIRST_RETRY_MS = 1_000;
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final Platform platform;
    private final HttpClient http;
    private final CasEvents events;

    SingleLogout(Platform platform, HttpClient http, CasEvents events) {
        this.platform = platform;
        this.http = http;
        this.events = events;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /**
     * Starts the back-channel notices of the ended session and answers the front-channel URLs for the page. Never
     * fails: single logout is a courtesy to the services; the session is over either way.
     */
    public Future<List<String>> sessionEnded(SessionRecord session) {
        return platform.casTickets().takeSessionServices(session.sid()).map(entries -> {
            List<String> frames = new ArrayList<>();
            for (SessionServiceEntry entry : entries) {
                if (entry.holdsGrantingTicket()) {
                    platform.casTickets().removeGranting(entry.ticket());
                    continue;
                }
                Optional<CasService> service = platform.casServices().all().stream()
                        .filter(s -> s.id().equals(entry.serviceId())).findFirst();
                if (service.isEmpty() || service.get().logoutType() == CasService.LogoutType.NONE) {
                    continue;
                }
                String url = service.get().logoutUrl() != null ? service.get().logoutUrl() : entry.service();
                String xml = CasLogoutRequest.xml(session.username(), entry.ticket(), platform.clock().instant());
                if (service.get().logoutType() == CasService.LogoutType.FRONT_CHANNEL) {
                    frames.add(url + (url.contains("?") ? "&" : "?") + "SAMLRequest="
                            + enc(CasLogoutRequest.deflated(xml)));
                    events.logoutSent(session.sid(), entry.serviceId(), session.subject(), "front_channel", true);
                } else {
                    send(url, xml, 1, session, entry.serviceId());
                }
            }
            return frames;
        }).recover(failure -> {
            LOG.warn("single logout skipped: {}", failure.getClass().getSimpleName());
            return Future.succeededFuture(List.of());
        });
    }

    private void send(String url, String xml, int attempt, SessionRecord session, String serviceId) {
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("logoutRequest=" + enc(xml))).build();
        } catch (IllegalArgumentException bad) {
            LOG.warn("single logout to service {} not sent: its logout URL is not usable", serviceId);
            return;
        }
        String target = request.uri().getScheme() + "://" + request.uri().getRawAuthority();
        Future.fromCompletionStage(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()),
                        platform.vertx().getOrCreateContext())
                .onComplete(done -> {
                    boolean delivered = done.succeeded() && done.result().statusCode() < 300;
                    if (delivered) {
                        events.logoutSent(session.sid(), serviceId, session.subject(), "back_channel", true);
                        return;
                    }
                    String why = done.succeeded() ? "answered " + done.result().statusCode()
                            : ProxyGranting.rootCause(done.cause());
                    if (attempt >= ATTEMPTS) {
                        LOG.warn("single logout to {} failed after {} attempts: {}", target, attempt, why);
                        events.logoutSent(session.sid(), serviceId, session.subject(), "back_channel", false);
                        return;
                    }
                    long delay = FIRST_RETRY_MS << (attempt - 1);
                    LOG.info("single logout to {} {}; retrying in {} ms", target, why, delay);
                    platform.vertx().setTimer(delay, id -> send(url, xml, attempt + 1, session, serviceId));
                });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
