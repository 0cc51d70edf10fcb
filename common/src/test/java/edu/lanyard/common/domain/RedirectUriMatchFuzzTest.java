package edu.lanyard.common.domain;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@link RedirectUriMatch#matches} over any registered and requested URI, for invariants every correct matcher
 * keeps, whatever its PREFIX rules: it never throws, EXACT is string equality, a registered URI matches itself, and
 * an exact match is also a PREFIX and a REGEX match. An input is {@code registered LF requested} (the requested URI may hold more line
 * breaks); seeds: {@code RedirectUriMatchFuzzTestInputs}; {@code perf/fuzz.sh} fuzzes.
 *
 * <p>REGEX is fed the registered URI quoted and followed by {@code .*}, the shape of a CAS service pattern: patterns
 * are configuration, not client input, so only the requested URI is hostile there.
 */
class RedirectUriMatchFuzzTest {

    @FuzzTest
    void matches(byte[] input) {
        String text = new String(input, StandardCharsets.UTF_8);
        int split = text.indexOf('\n');
        String registered = split < 0 ? text : text.substring(0, split);
        String requested = split < 0 ? "" : text.substring(split + 1);

        boolean exact = RedirectUriMatch.EXACT.matches(registered, requested);
        boolean prefix = RedirectUriMatch.PREFIX.matches(registered, requested);
        boolean regex = RedirectUriMatch.REGEX.matches(Pattern.quote(registered) + ".*", requested);

        assertEquals(registered.equals(requested), exact, "EXACT matches exactly the equal string");
        if (clean(registered).isPresent()) {
            assertTrue(RedirectUriMatch.EXACT.matches(registered, registered), "a registered URI matches itself");
            assertTrue(RedirectUriMatch.PREFIX.matches(registered, registered), "a registered URI matches itself");
            assertTrue(RedirectUriMatch.REGEX.matches(Pattern.quote(registered) + ".*", registered));
        }
        if (exact) {
            assertTrue(prefix, "what matches exactly also matches as a prefix");
            assertTrue(regex, "what matches exactly also matches the pattern of the registered URI");
        }
    }

    /** A registered URI as an admin would write one: absolute http(s), a host, no user info, no controls. */
    static Optional<URI> clean(String uri) {
        if (uri.chars().anyMatch(c -> c <= 0x20 || c == 0x7F)) {
            return Optional.empty();
        }
        try {
            URI parsed = new URI(uri);
            boolean web = "http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme());
            return web && parsed.getHost() != null && parsed.getRawUserInfo() == null
                    ? Optional.of(parsed) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }
}
