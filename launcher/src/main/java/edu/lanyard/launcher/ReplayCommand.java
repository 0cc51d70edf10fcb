package edu.lanyard.launcher;

import edu.lanyard.core.config.ConfigLoader;
import edu.lanyard.core.config.LanyardConfig;
import edu.lanyard.directory.db.Migrations;
import edu.lanyard.projection.replay.Replay;
import edu.lanyard.projection.replay.ReplayProgress;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** {@code lanyard replay [--from-beginning | --since TIME]}: rebuilds the projections in this process. */
public final class ReplayCommand {
    private ReplayCommand() {
    }

    public static void run(CommandLine line) throws Exception {
        Instant since = since(line);
        LanyardConfig config = ConfigLoader.load(line.path("config").orElse(null), System.getenv());
        if (config.kafka().embedded() || config.kafka().bootstrapServers().isBlank()) {
            throw new IllegalArgumentException("the dev broker lives inside `lanyard dev`; replay there with"
                    + " `lanyard admin replay`, or set kafka.bootstrapServers");
        }
        Migrations.apply(config.postgres());
        ReplayProgress done = new Replay(config, config.kafka().bootstrapServers(), Clock.systemUTC(),
                ReplayCommand::print).run(since);
        System.out.printf(Locale.ROOT, "replay %s %s: %d events in %d s%n", done.replayId(), done.state(),
                done.events(), done.elapsed().toSeconds());
    }

    static Instant since(CommandLine line) {
        boolean fromBeginning = line.option("from-beginning").isPresent();
        String since = line.option("since").orElse(null);
        if (fromBeginning && since != null) {
            throw new IllegalArgumentException("say either --from-beginning or --since, not both");
        }
        if (since == null) {
            return null;
        }
        try {
            return Instant.parse(since);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("--since needs an ISO-8601 instant such as 2026-11-20T00:00:00Z");
        }
    }

    private static void print(ReplayProgress progress) {
        System.out.printf(Locale.ROOT, "replay %s: %s, %d events, %.1f%%%n", progress.replayId(), progress.state(),
                progress.events(), progress.fraction() * 100);
    }
}
