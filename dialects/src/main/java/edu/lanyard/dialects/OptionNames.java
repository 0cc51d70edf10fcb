package edu.lanyard.dialects;

import java.util.List;
import java.util.Locale;

/** Finds the known option an unknown name was probably meant to be. */
final class OptionNames {
    private OptionNames() {
    }

    /** {@code  (did you mean "x"?)} for the closest known name within a few edits, else empty. */
    static String suggestion(String name, List<String> known) {
        String closest = null;
        int best = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(name.toLowerCase(Locale.ROOT), candidate.toLowerCase(Locale.ROOT));
            if (distance < best) {
                best = distance;
                closest = candidate;
            }
        }
        int allowed = Math.max(2, name.length() / 3);
        return closest != null && best <= allowed ? " (did you mean \"" + closest + "\"?)" : "";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
