package edu.lanyard.launcher;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** One {@code GET /metrics} of a node's management port, parsed: samples, and the HELP and TYPE of each family. */
public final class Scrape {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern COMMENT = Pattern.compile("^# (HELP|TYPE) ([a-zA-Z_:][a-zA-Z0-9_:]*) ?(.*)$");

    public record Sample(String name, Map<String, String> labels, double value) {
        public boolean has(Map<String, String> wanted) {
            return labels.entrySet().containsAll(wanted.entrySet());
        }

        /** The series' labels without {@code le}: what identifies one histogram. */
        public Map<String, String> seriesLabels() {
            Map<String, String> copy = new LinkedHashMap<>(labels);
            copy.remove("le");
            return copy;
        }
    }

    private final String text;
    private final List<Sample> samples;
    private final Map<String, String> help;
    private final Map<String, String> type;

    private Scrape(String text, List<Sample> samples, Map<String, String> help, Map<String, String> type) {
        this.text = text;
        this.samples = samples;
        this.help = help;
        this.type = type;
    }

    public static Scrape of(LanyardTestServer server) {
        Http.Reply reply = Http.get(server.managementUrl() + "/metrics", null);
        assertEquals(200, reply.status(), reply.body());
        return parse(reply.body());
    }

    public static Scrape parse(String text) {
        List<Sample> samples = new ArrayList<>();
        Map<String, String> help = new HashMap<>();
        Map<String, String> type = new HashMap<>();
        for (String line : text.split("\n")) {
            Matcher comment = COMMENT.matcher(line);
            if (comment.find()) {
                (comment.group(1).equals("HELP") ? help : type).put(comment.group(2), comment.group(3));
                continue;
            }
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            samples.add(new Sample(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return new Scrape(text, List.copyOf(samples), help, type);
    }

    public String text() {
        return text;
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The names samples are exposed under ({@code x_total}, {@code x_bucket}, {@code x_count} …), as PromQL sees. */
    public Set<String> sampleNames() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }

    /** Metric families by their HELP text ({@code # HELP name text}); a family without a HELP line is absent. */
    public Map<String, String> help() {
        return help;
    }

    public Map<String, String> types() {
        return type;
    }

    public double sum(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.has(labels)).mapToDouble(Sample::value).sum();
    }

    public double sum(String name, String... labelPairs) {
        Map<String, String> labels = new HashMap<>();
        for (int i = 0; i < labelPairs.length; i += 2) {
            labels.put(labelPairs[i], labelPairs[i + 1]);
        }
        return sum(name, labels);
    }

    /** How many {@code le} buckets each histogram series of {@code name} has, by series labels. */
    public Map<Map<String, String>, Integer> bucketsPerSeries(String bucketName) {
        Map<Map<String, String>, Integer> counts = new HashMap<>();
        samples.stream().filter(s -> s.name().equals(bucketName))
                .forEach(s -> counts.merge(s.seriesLabels(), 1, Integer::sum));
        return counts;
    }
}
