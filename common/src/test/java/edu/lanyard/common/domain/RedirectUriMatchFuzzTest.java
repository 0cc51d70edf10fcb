package edu.lanyard.common.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RedirectUriMatch#matches} over any registered and requested URI, for the invariants the matcher promises: it
 * never throws; EXACT is string equality; no mode ever accepts a requested URI with a control character or white
 * space (it would reach a Location header); PREFIX never accepts user info, a fragment, a backslash, or another
 * scheme, host or port than the registered one; a plain registered URI matches itself in every mode. An input is
 * {@code registered LF requested} (the requested URI may hold more line breaks); seeds:
 * {@code RedirectUriMatchFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>REGEX is fed the registered URI quoted and followed by {@code .*}, the shape of a CAS service pattern: patterns
 * are configuration, not client input, so only the requested URI is hostile there.
 */
class RedirectUriMatchFuzzTest {
    private static final Pattern PLAIN = Pattern.compile("https?://[a-z0-9-]+(\\.[a-z0-9-]+)*(:[1-9][0-9]{0,4})?(/[A-Za-z0-9_-]+)*/?");

    @FuzzTest
    void matches(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf('\n');
        String registered = split < 0 ? text : text.substring(0, split);
        String requested = split < 0 ? "" : text.substring(split + 1);

        boolean exact = RedirectUriMatch.EXACT.matches(registered, requested);
        boolean prefix = RedirectUriMatch.PREFIX.matches(registered, requested);
        boolean regex = RedirectUriMatch.REGEX.matches(Pattern.quote(registered) + ".*", requested);

        if (exact) {
            assertEquals(registered, requested, "EXACT matches only the equal string");
        }
        if (exact || prefix || regex) {
            assertTrue(requested.codePoints().noneMatch(c -> c <= 0x20 || (c >= 0x7F && c <= 0x9F)
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)), "no control or space reaches a header");
        }
        if (prefix) {
            URI from = URI.create(registered);
            URI to = URI.create(requested);
            assertTrue(from.getScheme().equalsIgnoreCase(to.getScheme()), "same scheme");
            assertTrue(from.getHost().equalsIgnoreCase(to.getHost()), "same host");
            assertEquals(port(from), port(to), "same port");
            assertEquals(null, to.getRawUserInfo(), "no user info");
            assertEquals(null, to.getRawFragment(), "no fragment");
            assertTrue(requested.indexOf('\\') < 0, "no backslash");
        }
        if (PLAIN.matcher(registered).matches()) {
            assertTrue(RedirectUriMatch.EXACT.matches(registered, registered), "a registered URI matches itself");
            assertTrue(RedirectUriMatch.PREFIX.matches(registered, registered), "a registered URI matches itself");
            assertTrue(RedirectUriMatch.REGEX.matches(Pattern.quote(registered) + ".*", registered));
        }
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
