package edu.lanyard.authorize;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * MaxKey's back-channel single logout: a form POST to an app's {@code logoutUrl} with {@code id},
 * {@code principal}, {@code request=logoutRequest}, {@code issueInstant} (ISO-8601) and {@code ticket} (the
 * session's online ticket). Fire and forget: sent asynchronously by the JDK client on its own threads (never the
 * event loop), bounded by a timeout, and a failure is only logged — by address, never with the ticket.
 */
public final class BackChannelLogout {
    private static final Logger LOG = LoggerFactory.getLogger(BackChannelLogout.class);

    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;

    public BackChannelLogout(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Starts the notice and returns at once. */
    public void send(String logoutUrl, String principal, String ticket) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("id", UUID.randomUUID().toString());
        form.put("principal", principal == null ? "" : principal);
        form.put("request", "logoutRequest");
        form.put("issueInstant", DateTimeFormatter.ISO_INSTANT.format(clock.instant().truncatedTo(ChronoUnit.MILLIS)));
        form.put("ticket", ticket);
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(logoutUrl)).timeout(timeout)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        } catch (IllegalArgumentException bad) {
            LOG.warn("back-channel logout not sent: the logoutUrl is not a usable URL");
            return;
        }
        String target = request.uri().getScheme() + "://" + request.uri().getAuthority();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            if (failure != null) {
                LOG.warn("back-channel logout to {} failed: {}", target, failure.getClass().getSimpleName());
            } else if (response.statusCode() >= 400) {
                LOG.warn("back-channel logout to {} answered {}", target, response.statusCode());
            }
        });
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
