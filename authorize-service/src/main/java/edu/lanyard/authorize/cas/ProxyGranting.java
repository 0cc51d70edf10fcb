package edu.lanyard.authorize.cas;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.cas.CasTicketIds;
import edu.lanyard.core.cas.ProxyGrantingTicketRecord;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.domain.HeaderValues;
import edu.lanyard.core.runtime.Platform;
import edu.lanyard.core.token.TokenHash;
import edu.lanyard.dialects.cas.protocol.CasErrorCode;
import edu.lanyard.dialects.cas.protocol.CasValidation;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The proxy callback of CAS Protocol 3.0 §2.5.4: a validation with {@code pgtUrl} mints a proxy-granting ticket and
 * its IOU, and hands both to the callback over https (GET with {@code pgtIou} and {@code pgtId}). Only a callback
 * that answers 200 gets the ticket stored; the validation then carries the IOU.
 */
final class ProxyGranting {
    private static final Logger LOG = LoggerFactory.getLogger(ProxyGranting.class);
    /** How long a proxy-granting ticket lives at most; it also ends with the SSO session's absolute end. */
    static final long PGT_LIFETIME_SECONDS = 7_200;
    private static final Duration CALLBACK_TIMEOUT = Duration.ofSeconds(5);

    sealed interface Outcome {
        /** @param pgtIou the IOU to put in the answer; null when no ticket was asked or the callback failed */
        record Granted(String pgtIou) implements Outcome {
        }

        record Refused(CasValidation.Failure failure) implements Outcome {
        }
    }

    private final Platform platform;
    private final HttpClient http;

    /** @param http the client for callbacks: no redirects followed, the node's (or a test's) trust store */
    ProxyGranting(Platform platform, HttpClient http) {
        this.platform = platform;
        this.http = http;
    }

    static HttpClient defaultClient() {
        return HttpClient.newBuilder().connectTimeout(CALLBACK_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    Future<Outcome> grant(String pgtUrl, ServiceTicketRecord ticket, CasService service) {
        if (!service.proxy()) {
            return refused(CasErrorCode.UNAUTHORIZED_SERVICE_PROXY, "the service may not obtain proxy tickets");
        }
        if (!isHttpsUrl(pgtUrl)) {
            return refused(CasErrorCode.INVALID_PROXY_CALLBACK, "the proxy callback must be an https URL");
        }
        if (service.pgtUrl() != null && !matches(service.pgtUrl(), pgtUrl)) {
            return refused(CasErrorCode.INVALID_PROXY_CALLBACK, "the proxy callback is not allowed for the service");
        }
        String pgt = CasTicketIds.mint(CasTicketIds.PROXY_GRANTING);
        String iou = CasTicketIds.mint(CasTicketIds.PROXY_GRANTING_IOU);
        String separator = pgtUrl.contains("?") ? "&" : "?";
        URI callback = URI.create(pgtUrl + separator + "pgtIou=" + enc(iou) + "&pgtId=" + enc(pgt));
        HttpRequest request = HttpRequest.newBuilder(callback).timeout(CALLBACK_TIMEOUT).GET().build();
        String target = callback.getScheme() + "://" + callback.getRawAuthority();
        Future<Integer> status = Future.fromCompletionStage(
                http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).thenApply(HttpResponse::statusCode),
                platform.vertx().getOrCreateContext());
        return status.recover(failure -> {
            LOG.info("proxy callback to {} failed: {}", target, rootCause(failure));
            return Future.succeededFuture(-1);
        }).compose(code -> {
            if (code != 200) {
                // §2.5.4: a callback that does not answer 200 gets no ticket; the validation itself succeeds.
                LOG.info("proxy callback to {} answered {}; no proxy-granting ticket", target, code);
                return Future.succeededFuture(new Outcome.Granted(null));
            }
            long now = platform.clock().instant().getEpochSecond();
            List<String> chain = new ArrayList<>();
            chain.add(pgtUrl);
            chain.addAll(ticket.proxies());
            ProxyGrantingTicketRecord record = new ProxyGrantingTicketRecord(ticket.subject(), ticket.username(),
                    ticket.sid(), ticket.authTime(), now + PGT_LIFETIME_SECONDS, chain);
            String hash = TokenHash.of(pgt);
            // Remembered with the session's services (as long as any session can last, so the list the SLO
            // entries share is never cut short), so that logout ends the proxy-granting ticket as well.
            return platform.casTickets().saveGranting(hash, record)
                    .compose(v -> platform.casTickets().remember(ticket.sid(),
                            SessionServiceEntry.grantingTicket(hash),
                            platform.config().login().sessionMaxSeconds()))
                    .map(v -> (Outcome) new Outcome.Granted(iou));
        });
    }

    /** The innermost cause's class: its message could quote the callback URL, which carries the tickets. */
    static String rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }

    private static boolean isHttpsUrl(String url) {
        if (!HeaderValues.isSafeUri(url) || !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static boolean matches(String pattern, String url) {
        try {
            return Pattern.compile(pattern).matcher(url).matches();
        } catch (RuntimeException invalid) {
            return false;
        }
    }

    private static Future<Outcome> refused(CasErrorCode code, String description) {
        return Future.succeededFuture(new Outcome.Refused(CasValidation.failure(code, description)));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
