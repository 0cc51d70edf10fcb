package edu.lanyard.common.http;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlEncodingTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "a=1&b=2", "scope=openid+profile", "name=%E5%BC%A0%E4%BC%9F", "x=%2B%26%3D",
            "smile=%F0%9F%98%80", "max=%F4%8F%BF%BF", "x=%ED%9F%BF",
            "=&=&&", "grant_type", "redirect_uri=http%3A%2F%2F127.0.0.1%2Fcb", "%41%62"})
    void wellFormed(String text) {
        assertEquals(Optional.empty(), UrlEncoding.problem(text));
        assertEquals(Optional.empty(), UrlEncoding.problem(text.getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"scope=%zz", "%", "a=%4", "a=%G1", "a=1%", "%%%%", "a=%\u0661\u0662"})
    void badPercentEncoding(String text) {
        assertEquals(Optional.of("bad percent-encoding"), UrlEncoding.problem(text));
        assertEquals(Optional.of("bad percent-encoding"), UrlEncoding.problem(text.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%C3%28", "a=%FF", "%C3%28=1", "a=%ED%A0%80", "a=%C0%AF", "a=%E0%80%80",
            "a=%F4%90%80%80", "a=%C3", "a=%E5%BC", "a=%80"})
    void notUtf8(String text) {
        assertEquals(Optional.of("text that is not UTF-8"), UrlEncoding.problem(text));
    }

    @Test
    void nulCharacters() {
        assertEquals(Optional.of("a NUL character"), UrlEncoding.problem("grant_type=%00"));
        assertEquals(Optional.of("a NUL character"), UrlEncoding.problem("a\u0000=1"));
        assertEquals(Optional.of("a NUL character"), UrlEncoding.problem(new byte[]{'a', '=', 0}));
    }

    @Test
    void rawBytesOfTheRequestLineAndOfBodies() {
        // The HTTP server reads the request line as ISO-8859-1: raw UTF-8 arrives as one character per byte.
        String rawUtf8 = new String("name=张伟".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        assertEquals(Optional.empty(), UrlEncoding.problem(rawUtf8));
        assertEquals(Optional.empty(), UrlEncoding.problem("name=张伟".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), UrlEncoding.problem("name=张伟"), "decoded text counts as its UTF-8");
        assertTrue(UrlEncoding.problem(new byte[]{(byte) 0xC3, 0x28, '=', (byte) 0xFF}).isPresent());
    }

    @Test
    void decodedTextWithALoneSurrogateIsNotText() {
        assertEquals(Optional.empty(), UrlEncoding.problem("smile=\uD83D\uDE00"));
        assertEquals(Optional.of("text that is not UTF-8"), UrlEncoding.problem("a=\uD83D"));
        assertEquals(Optional.of("text that is not UTF-8"), UrlEncoding.problem("a=\uDE00b"));
        assertEquals(Optional.of("text that is not UTF-8"), UrlEncoding.problem("a=%E5张"), "a sequence cut short");
    }
}
