package edu.lanyard.common.logging;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RedactingOutputStreamTest {
    private static final String S = "S3cr3tV4lue";

    private final ByteArrayOutputStream sink = new ByteArrayOutputStream();
    private final PrintStream out = RedactingOutputStream.printStream(sink, StandardCharsets.UTF_8);

    private String written() {
        return sink.toString(StandardCharsets.UTF_8);
    }

    @Test
    void linesPassRedacted() {
        out.println("GET /token.php?client_id=app&client_secret=" + S + "&password=" + S);
        out.println("an ordinary line, 中文 too");
        assertEquals("GET /token.php?client_id=app&client_secret=***&password=***\nan ordinary line, 中文 too\n",
                written().replace(System.lineSeparator(), "\n"));
    }

    @Test
    void aSecretWrittenInPiecesIsStillSeenWhole() {
        out.print("refresh_tok");
        out.flush();
        out.print("en=" + S.substring(0, 4));
        out.flush();
        assertEquals("", written(), "a partial line waits for its end, even across flush()");
        out.print(S.substring(4));
        out.println();
        assertFalse(written().contains(S.substring(0, 4)), written());
        assertTrue(written().startsWith("refresh_token=***"), written());
    }

    @Test
    void stackTracesAreRedactedLineByLine() {
        new IllegalArgumentException("invalid hex byte at index 3 of '/x?code=" + S + "'").printStackTrace(out);
        assertFalse(written().contains(S), written());
        assertTrue(written().contains("\tat " + RedactingOutputStreamTest.class.getName()), written());
    }

    @Test
    void closeLetsTheLastPartialLineOut() {
        out.print("Authorization: Bearer " + S);
        out.close();
        assertEquals("Authorization: ***", written());
    }

    @Test
    void veryLongLinesArePassedOnInPieces() {
        String longLine = "x".repeat(RedactingOutputStream.MAX_LINE * 2 + 10);
        out.print(longLine);
        assertEquals(RedactingOutputStream.MAX_LINE * 2, written().length(), "no unbounded buffering");
        out.println();
        assertEquals(longLine.length() + System.lineSeparator().length(), written().length());
    }

    @Test
    void installingOnTheStandardStreamsIsIdempotent() {
        PrintStream err = System.err;
        PrintStream stdout = System.out;
        try {
            RedactingOutputStream.installOnStandardStreams();
            PrintStream installed = System.err;
            RedactingOutputStream.installOnStandardStreams();
            assertSame(installed, System.err, "a second call wraps nothing again");
        } finally {
            System.setErr(err);
            System.setOut(stdout);
        }
    }
}
