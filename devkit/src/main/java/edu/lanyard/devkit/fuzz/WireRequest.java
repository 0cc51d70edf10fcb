package edu.lanyard.devkit.fuzz;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpConstants;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.ext.web.handler.HttpException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An HTTP request written as text, the form of the fuzz tests' inputs and seed files, decoded the way Vert.x decodes
 * one for a handler but without a server:
 *
 * <pre>
 * POST /sso/oauth2/token?grant_type=client_credentials
 * Authorization: Basic YXBwOnNlY3JldA==
 *
 * client_id=app&amp;scope=profile
 * </pre>
 *
 * The first line holds the method and the request target (anything after them, such as {@code HTTP/1.1}, is
 * ignored); header lines follow up to an empty line; the rest is the body. Lines end in LF or CRLF. As Netty reads
 * a request head, the request line and the headers are read byte for byte as ISO-8859-1. Header values are taken as
 * written, control characters included, although Vert.x refuses those before a handler runs: the code that reads a
 * header should not depend on that.
 */
public final class WireRequest {
    private final String method;
    private final String target;
    private final List<String[]> headers;
    private final byte[] body;

    private WireRequest(String method, String target, List<String[]> headers, byte[] body) {
        this.method = method;
        this.target = target;
        this.headers = headers;
        this.body = body;
    }

    public static WireRequest parse(byte[] input) {
        int[] at = {0};
        String requestLine = line(input, at);
        List<String[]> headers = new ArrayList<>();
        while (at[0] < input.length) {
            String header = line(input, at);
            if (header.isEmpty()) {
                break;
            }
            int colon = header.indexOf(':');
            if (colon > 0) {
                headers.add(new String[]{header.substring(0, colon).strip(), header.substring(colon + 1).strip()});
            }
        }
        byte[] body = Arrays.copyOfRange(input, Math.min(at[0], input.length), input.length);
        // Netty splits the request line at white space: the method, then the target.
        String[] parts = requestLine.strip().split("\\s+", 3);
        String method = parts[0].isEmpty() ? "GET" : parts[0];
        String target = parts.length > 1 ? parts[1] : "/";
        return new WireRequest(method, target, headers, body);
    }

    private static String line(byte[] input, int[] at) {
        int start = at[0];
        int end = start;
        while (end < input.length && input[end] != '\n') {
            end++;
        }
        at[0] = end + 1;
        int stop = end > start && input[end - 1] == '\r' ? end - 1 : end;
        return new String(input, start, stop - start, StandardCharsets.ISO_8859_1);
    }

    public String method() {
        return method;
    }

    public boolean isPost() {
        return "POST".equalsIgnoreCase(method);
    }

    /** The request target as Vert.x's {@code request.uri()} gives it: path and query string. */
    public String target() {
        return target;
    }

    /** The first header of that name (case-insensitive), as {@code request.getHeader} answers, or null. */
    public String header(String name) {
        return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
    }

    public byte[] body() {
        return body.clone();
    }

    /**
     * {@code RoutingContext.queryParams()}: Netty's QueryStringDecoder over the request target, into a
     * case-insensitive MultiMap; a malformed escape fails with vertx-web's {@code HttpException(400)}.
     */
    public MultiMap query() {
        MultiMap params = MultiMap.caseInsensitiveMultiMap();
        try {
            new QueryStringDecoder(target).parameters().forEach(params::add);
        } catch (IllegalArgumentException e) {
            throw new HttpException(400, "Error while decoding query params", e);
        }
        return params;
    }

    /**
     * {@code HttpServerRequest.formAttributes()} once a BodyHandler has read the body: Netty's HttpPostRequestDecoder
     * with Vert.x's default limits, for a POST whose Content-Type is a form or absent (so that a fuzz input may leave
     * the header out); empty otherwise. Empty Optional when Vert.x refuses the body before any handler runs.
     */
    public Optional<MultiMap> form() {
        MultiMap attributes = MultiMap.caseInsensitiveMultiMap();
        String contentType = header("Content-Type");
        if (!isPost() || contentType != null
                && !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return Optional.of(attributes);
        }
        DefaultFullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, "/",
                Unpooled.wrappedBuffer(body));
        request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/x-www-form-urlencoded");
        HttpPostRequestDecoder decoder = null;
        try {
            decoder = new HttpPostRequestDecoder(new DefaultHttpDataFactory(false), request,
                    HttpConstants.DEFAULT_CHARSET, HttpServerOptions.DEFAULT_MAX_FORM_FIELDS,
                    HttpServerOptions.DEFAULT_MAX_FORM_BUFFERED_SIZE);
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof Attribute attribute) {
                    attributes.add(attribute.getName(), attribute.getValue());
                }
            }
            return Optional.of(attributes);
        } catch (DecoderException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (decoder != null) {
                decoder.destroy();
            }
            request.release();
        }
    }

    @Override
    public String toString() {
        return method + " " + target + " (" + headers.size() + " headers, " + body.length + " body bytes)";
    }
}
