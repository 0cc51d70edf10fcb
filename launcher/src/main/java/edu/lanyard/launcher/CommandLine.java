package edu.lanyard.launcher;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code lanyard COMMAND [ARGS] [--option value] [--flag]}: the command, positional arguments and options. */
public record CommandLine(String command, List<String> arguments, Map<String, String> options) {
    private static final Set<String> FLAGS = Set.of("from-beginning", "help", "by-username", "generate");

    public static CommandLine parse(String[] args) {
        if (args.length == 0) {
            return new CommandLine("help", List.of(), Map.of());
        }
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    options.put(name.substring(0, eq), name.substring(eq + 1));
                } else if (FLAGS.contains(name)) {
                    options.put(name, "true");
                } else if (i + 1 < args.length) {
                    options.put(name, args[++i]);
                } else {
                    throw new IllegalArgumentException("option --" + name + " needs a value");
                }
            } else {
                positional.add(arg);
            }
        }
        return new CommandLine(args[0], List.copyOf(positional), Map.copyOf(options));
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public Optional<Path> path(String name) {
        return option(name).map(Path::of);
    }
}
