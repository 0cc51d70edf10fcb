package edu.lanyard.console;

import java.util.Locale;

/**
 * The console's language for a request, as the login page chooses it: the first of the browser's languages that is
 * Chinese or English, Chinese meaning zh-CN; English when neither is asked for. The page's switch overrides it.
 */
final class ConsoleLanguage {
    static final String CHINESE = "zh-CN";
    static final String ENGLISH = "en";

    private ConsoleLanguage() {
    }

    static String of(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.length() > 1000) {
            return ENGLISH;
        }
        String best = ENGLISH;
        double bestQ = 0;
        for (String part : acceptLanguage.split(",")) {
            String[] pieces = part.trim().split(";");
            String tag = pieces[0].trim().toLowerCase(Locale.ROOT);
            double q = 1;
            for (int i = 1; i < pieces.length; i++) {
                String param = pieces[i].trim();
                if (param.startsWith("q=")) {
                    try {
                        q = Double.parseDouble(param.substring(2));
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            String language = tag.equals("zh") || tag.startsWith("zh-") ? CHINESE
                    : tag.equals("en") || tag.startsWith("en-") ? ENGLISH : null;
            if (language != null && q > bestQ) {
                best = language;
                bestQ = q;
            }
        }
        return best;
    }
}
