package edu.lanyard.launcher.dialect;

import edu.lanyard.launcher.LanyardTestServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A query string with a malformed percent escape (which java.net.http refuses to send, hence a raw socket) is the
 * client's invalid_request at every endpoint that reads the query, in the endpoint's own shape: never a 500.
 */
class MalformedQueryStringTest {
    private final URI base = URI.create(LanyardTestServer.sharedDialects().baseUrl());

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "POST, /sso/oauth2/token?grant_type=client_credentials&client_id=%zz, 400, \"error\":\"invalid_request\"",
            "GET, /sign/oauth/v20/token?grant_type=authorization_code&code=%G1, 200, \"error\":\"invalid_request\"",
            "POST, /cas/oauth2.0/accessToken?client_secret=%%%%, 400, error=invalid_request",
            "GET, /token.php?client_id=%E0%A4%A, 400, \"error\":\"invalid_request\"",
            "GET, /oauth2/authorize?client_id=%zz, 400, <html",
            "GET, /sso/oauth2/authorize?client_id=%zz&response_type=code, 400, <html",
            "GET, /oauth2/logout?client_id=%zz, 400, <html",
            "GET, /logout.php?redirect_uri=%zz, 400, \"error\":\"invalid_request\"",
            "GET, /authorize.php?client_id=%zz, 400, \"error\":\"invalid_request\"",
            "GET, /resource.php?access_token=%zz, 400, invalid_request",
            "POST, /oauth2/login?lang=%zz, 400, <html"})
    void isAClientErrorInTheEndpointsShape(String method, String target, int status, String bodyHas)
            throws IOException {
        String reply = send(method + " " + target + " HTTP/1.1", method.equals("POST")
                ? "Content-Type: application/x-www-form-urlencoded\r\n" : "");
        assertTrue(reply.startsWith("HTTP/1.1 " + status + " "), reply);
        assertTrue(reply.contains(bodyHas), reply);
        assertFalse(reply.contains("server_error") || reply.contains("Exception"), reply);
    }

    /** Some client libraries label every request a form; Vert.x refuses to decode one on GET (it threw, a 500). */
    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "multipart/form-data; boundary=x"})
    void aGetLabelledAsAFormIsReadLikeAnyGet(String contentType) throws IOException {
        String reply = send("GET /sso/oauth2/token?grant_type=client_credentials HTTP/1.1",
                "Content-Type: " + contentType + "\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 400 "), reply);
        assertTrue(reply.contains("\"error\":\"invalid_request\""), reply);
        reply = send("GET /sign/oauth/v20/token?grant_type=client_credentials&client_id=nobody HTTP/1.1",
                "Content-Type: " + contentType + "\r\n");
        assertTrue(reply.startsWith("HTTP/1.1 200 "), reply);
        assertTrue(reply.contains("\"error\":\"invalid_client\""), reply);
    }

    private String send(String requestLine, String headers) throws IOException {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: " + base.getAuthority() + "\r\n" + headers
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
