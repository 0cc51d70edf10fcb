package edu.lanyard.launcher.dialect;

import io.vertx.core.json.JsonObject;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/1.1 over a plain socket, byte for byte: the request target goes out exactly as written (percent-escapes and
 * all), and the response head comes back as sent, so a test can see a header line that an HTTP client library
 * would fold, merge or reject.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** @param head the status line and header lines, as received, without the blank line */
    record Reply(int status, String head, List<String> headerLines, String body) {

        /** The first value of a header, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        boolean isHtml() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/html");
        }

        boolean isJson() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/json");
        }

        JsonObject json() {
            return new JsonObject(body);
        }

        /**
         * Every header line is a "name: value" line of its own: no CR or LF inside a line, no folded continuation
         * (a line starting with a space or tab), and no header a request smuggled in.
         */
        void assertHeadersIntact(String what) {
            assertFalse(head.replace("\r\n", "").contains("\r") || head.replace("\r\n", "").contains("\n"),
                    what + ": a bare CR or LF in the response head:\n" + head);
            for (String line : headerLines) {
                assertFalse(line.startsWith(" ") || line.startsWith("\t"), what + ": folded header line '" + line
                        + "' in:\n" + head);
                assertTrue(line.indexOf(':') > 0, what + ": not a header line '" + line + "' in:\n" + head);
            }
            assertFalse(head.toLowerCase(Locale.ROOT).contains("x-injected"), what + ": injected header in:\n" + head);
        }
    }

    /** GET {@code target} (path and query, sent verbatim) from {@code base}, with the given Cookie header if any. */
    static Reply get(String base, String target, String cookie) {
        URI server = URI.create(base);
        StringBuilder request = new StringBuilder("GET ").append(target).append(" HTTP/1.1\r\n")
                .append("Host: ").append(server.getHost()).append(':').append(server.getPort()).append("\r\n")
                .append("Accept: text/html,application/json\r\n");
        if (cookie != null && !cookie.isEmpty()) {
            request.append("Cookie: ").append(cookie).append("\r\n");
        }
        request.append("Connection: close\r\n\r\n");
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return parse(new String(in.readAllBytes(), StandardCharsets.ISO_8859_1));
        } catch (Exception e) {
            throw new IllegalStateException("raw request failed: " + target + ": " + e, e);
        }
    }

    private static Reply parse(String response) {
        int end = response.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no response head in: " + response);
        String head = response.substring(0, end);
        String[] lines = head.split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        assertEquals("HTTP/1.1", statusLine[0], lines[0]);
        List<String> headerLines = new ArrayList<>(List.of(lines).subList(1, lines.length));
        String body = new String(response.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        return new Reply(Integer.parseInt(statusLine[1]), head, headerLines, body);
    }
}
