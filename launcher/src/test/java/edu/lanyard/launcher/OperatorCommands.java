package edu.lanyard.launcher;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs {@code lanyard admin …} in this JVM, as an operator would at a terminal, for tests in other packages. */
public final class OperatorCommands {
    private OperatorCommands() {
    }

    public record Outcome(int exit, String out, String err) {
    }

    /**
     * @param stdin what is piped to the command (e.g. a new password), or null for nothing
     */
    public static Outcome admin(String url, String token, String stdin, String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] line = new String[args.length + 5];
        line[0] = "admin";
        System.arraycopy(args, 0, line, 1, args.length);
        line[args.length + 1] = "--url";
        line[args.length + 2] = url;
        line[args.length + 3] = "--token";
        line[args.length + 4] = token;
        byte[] input = (stdin == null ? "" : stdin).getBytes(StandardCharsets.UTF_8);
        int exit = AdminCommand.run(CommandLine.parse(line), new AdminCommand.Terminal(Map.of(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                Path.of("no-dev-token-here"), new ByteArrayInputStream(input)));
        return new Outcome(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
