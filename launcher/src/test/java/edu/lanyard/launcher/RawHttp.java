package edu.lanyard.launcher;

import io.vertx.core.json.JsonObject;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * HTTP/1.1 over a plain socket, for requests no well-behaved client library will send: a request line with bad
 * percent-encoding, raw bytes, NUL characters, oversized lines and headers. Each request gets its own connection.
 * The request target goes out exactly as written; {@link #verbatim} also answers the response head as sent, so a
 * test can see a header line that an HTTP client library would fold, merge or reject.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** {@code GET target} with the given extra header lines ({@code "Name: value"}). */
    public static Http.Reply get(String baseUrl, String target, String... headerLines) {
        return send(baseUrl, "GET", target, null, null, headerLines);
    }

    /** A POST with a form Content-Type and exactly these body bytes. */
    public static Http.Reply postForm(String baseUrl, String target, byte[] body, String... headerLines) {
        return send(baseUrl, "POST", target, "application/x-www-form-urlencoded", body, headerLines);
    }

    /** A response as received: @param head the status line and header lines, without the blank line. */
    public record Verbatim(int status, String head, List<String> headerLines, String body) {

        /** The first value of a header, or null. */
        public String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headerLines.stream().filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        public boolean isHtml() {
            String type = header("Content-Type");
            return type != null && type.startsWith("text/html");
        }

        public boolean isJson() {
            String type = header("Content-Type");
            return type != null && type.startsWith("application/json");
        }

        public JsonObject json() {
            return new JsonObject(body);
        }

        /**
         * Every header line is a "name: value" line of its own: no CR or LF inside a line, no folded continuation
         * (a line starting with a space or tab), and no header a request smuggled in.
         */
        public void assertHeadersIntact(String what) {
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

    /**
     * GET {@code target} (path and query, sent verbatim) from {@code base} as a browser would (Accept: HTML or JSON),
     * with the given Cookie header if any; answers the response head untouched.
     */
    public static Verbatim verbatim(String base, String target, String cookie) {
        List<String> headerLines = new ArrayList<>(List.of("Accept: text/html,application/json"));
        if (cookie != null && !cookie.isEmpty()) {
            headerLines.add("Cookie: " + cookie);
        }
        byte[] raw = exchange(base, "GET", target, null, null, headerLines.toArray(String[]::new));
        String response = new String(raw, StandardCharsets.ISO_8859_1);
        int end = response.indexOf("\r\n\r\n");
        assertTrue(end > 0, "no response head in: " + response);
        String head = response.substring(0, end);
        String[] lines = head.split("\r\n", -1);
        String[] statusLine = lines[0].split(" ", 3);
        assertEquals("HTTP/1.1", statusLine[0], lines[0]);
        String body = new String(response.substring(end + 4).getBytes(StandardCharsets.ISO_8859_1),
                StandardCharsets.UTF_8);
        return new Verbatim(Integer.parseInt(statusLine[1]), head, List.of(lines).subList(1, lines.length), body);
    }

    public static Http.Reply send(String baseUrl, String method, String target, String contentType, byte[] body,
                                  String... headerLines) {
        return parse(exchange(baseUrl, method, target, contentType, body, headerLines));
    }

    /**
     * A request the server has begun to receive and cannot answer yet: its head and the first {@code sentNow} bytes
     * of its body go out now, the rest with {@link InFlight#finish()}, whenever the test likes (a node being stopped
     * meanwhile, say).
     */
    public static InFlight begin(String baseUrl, String target, String contentType, byte[] body, int sentNow,
                                 String... headerLines) {
        byte[] request = request(baseUrl, "POST", target, contentType, body, headerLines);
        int headLength = request.length - body.length;
        URI base = URI.create(baseUrl);
        Socket socket = null;
        try {
            socket = new Socket(base.getHost(), base.getPort());
            socket.setSoTimeout(60_000);
            socket.getOutputStream().write(request, 0, headLength + sentNow);
            socket.getOutputStream().flush();
            return new InFlight(socket, java.util.Arrays.copyOfRange(request, headLength + sentNow, request.length));
        } catch (IOException e) {
            closeQuietly(socket);
            throw new IllegalStateException("raw request failed: POST " + abbreviated(target) + ": " + e, e);
        }
    }

    /** A request begun with {@link #begin}. */
    public static final class InFlight {
        private final Socket socket;
        private final byte[] rest;

        private InFlight(Socket socket, byte[] rest) {
            this.socket = socket;
            this.rest = rest;
        }

        /** Sends the rest of the body and answers the response. */
        public Http.Reply finish() {
            try (socket) {
                socket.getOutputStream().write(rest);
                socket.getOutputStream().flush();
                return parse(readAll(socket.getInputStream()));
            } catch (IOException e) {
                throw new IllegalStateException("the request begun earlier failed: " + e, e);
            }
        }
    }

    private static void closeQuietly(Socket socket) {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // nothing was sent that needs a goodbye
            }
        }
    }

    private static byte[] exchange(String baseUrl, String method, String target, String contentType, byte[] body,
                                   String... headerLines) {
        URI base = URI.create(baseUrl);
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write(request(baseUrl, method, target, contentType, body, headerLines));
            out.flush();
            return readAll(socket.getInputStream());
        } catch (IOException e) {
            throw new IllegalStateException("raw request failed: " + method + " " + abbreviated(target) + ": " + e,
                    e);
        }
    }

    private static byte[] request(String baseUrl, String method, String target, String contentType, byte[] body,
                                  String... headerLines) {
        URI base = URI.create(baseUrl);
        ByteArrayOutputStream request = new ByteArrayOutputStream();
        write(request, method + " " + target + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nConnection: close\r\n");
        for (String line : headerLines) {
            write(request, line + "\r\n");
        }
        if (body != null) {
            if (contentType != null) {
                write(request, "Content-Type: " + contentType + "\r\n");
            }
            write(request, "Content-Length: " + body.length + "\r\n");
        }
        write(request, "\r\n");
        if (body != null) {
            request.writeBytes(body);
        }
        return request.toByteArray();
    }

    private static String abbreviated(String target) {
        return target.length() > 200 ? target.substring(0, 200) + "…" : target;
    }

    private static void write(ByteArrayOutputStream out, String text) {
        out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) > 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (java.net.SocketException reset) {
            // The server may reset a connection it closes right after answering; what arrived counts.
            if (all.size() == 0) {
                throw reset;
            }
        }
        return all.toByteArray();
    }

    private static Http.Reply parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headerEnd = text.indexOf("\r\n\r\n");
        if (headerEnd < 0) {
            throw new IllegalStateException("no complete response: " + text);
        }
        String[] lines = text.substring(0, headerEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        byte[] bodyBytes = java.util.Arrays.copyOfRange(raw, headerEnd + 4, raw.length);
        List<String> encoding = headers.get("transfer-encoding");
        if (encoding != null && encoding.get(0).equalsIgnoreCase("chunked")) {
            bodyBytes = dechunk(bodyBytes);
        }
        return new Http.Reply(status, headers, new String(bodyBytes, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at);
            int size = Integer.parseInt(new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1)
                    .split(";")[0].trim(), 16);
            if (size == 0) {
                break;
            }
            out.write(chunked, lineEnd + 2, size);
            at = lineEnd + 2 + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("truncated chunked body");
    }
}
