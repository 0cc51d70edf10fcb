package edu.lanyard.common.logging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.UnsupportedCharsetException;

/**
 * The last line of defence against credentials in the log: a stream that passes text on line by line, each line
 * through {@link LogRedactor}. Installed on {@code System.err} and {@code System.out} by the server, it covers what
 * Lanyard's own log calls cannot: the messages and stack traces that Vert.x, Netty, Hazelcast or Kafka log.
 *
 * <p>A line is held until its end so that a credential written in pieces is still seen whole; {@link #flush()} does
 * not let a partial line out. A line longer than {@link #MAX_LINE} bytes is passed on in pieces of that size.
 */
public final class RedactingOutputStream extends OutputStream {
    static final int MAX_LINE = 64 * 1024;

    private final OutputStream target;
    private final Charset charset;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(256);

    public RedactingOutputStream(OutputStream target, Charset charset) {
        this.target = target;
        this.charset = charset;
    }

    /** A print stream that writes through a redacting stream to {@code target}, with the given text encoding. */
    public static PrintStream printStream(OutputStream target, Charset charset) {
        return new Installed(new RedactingOutputStream(target, charset), charset);
    }

    /**
     * Puts redacting streams in front of {@code System.err} and {@code System.out}. Call it first thing in a server's
     * main, before any logging library looks the streams up. Calling it twice changes nothing.
     */
    public static synchronized void installOnStandardStreams() {
        if (!(System.err instanceof Installed)) {
            System.setErr(printStream(System.err, standardCharset("sun.stderr.encoding")));
        }
        if (!(System.out instanceof Installed)) {
            System.setOut(printStream(System.out, standardCharset("sun.stdout.encoding")));
        }
    }

    /** The encoding the JVM gave the standard stream, so that the bytes reaching the console do not change. */
    private static Charset standardCharset(String property) {
        String name = System.getProperty(property);
        if (name != null) {
            try {
                return Charset.forName(name);
            } catch (IllegalCharsetNameException | UnsupportedCharsetException ignored) {
                // fall through to the default, which is what the JVM used in that case too
            }
        }
        return Charset.defaultCharset();
    }

    @Override
    public synchronized void write(int b) throws IOException {
        line.write(b);
        if (b == '\n' || line.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
        int start = offset;
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] == '\n') {
                line.write(bytes, start, i + 1 - start);
                start = i + 1;
                emit();
            } else if (line.size() + (i + 1 - start) >= MAX_LINE) {
                line.write(bytes, start, i + 1 - start);
                start = i + 1;
                emit();
            }
        }
        line.write(bytes, start, end - start);
    }

    /** Flushes what has been passed on; a partial line waits for its end (see the class comment). */
    @Override
    public synchronized void flush() throws IOException {
        target.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        emit();
        target.flush();
    }

    private void emit() throws IOException {
        if (line.size() == 0) {
            return;
        }
        byte[] bytes = line.toByteArray();
        line.reset();
        if (LogRedactor.mayContainSecret(bytes, 0, bytes.length)) {
            String text = new String(bytes, charset);
            String redacted = LogRedactor.redact(text);
            if (!redacted.equals(text)) {
                bytes = redacted.getBytes(charset);
            }
        }
        target.write(bytes, 0, bytes.length);
        target.flush();
    }

    /** Marks the streams {@link #installOnStandardStreams()} put in place. */
    private static final class Installed extends PrintStream {
        Installed(RedactingOutputStream out, Charset charset) {
            super(out, true, charset);
        }
    }
}
