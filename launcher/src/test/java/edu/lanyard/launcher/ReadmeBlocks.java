package edu.lanyard.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Pieces of a Markdown document that tests run or check: fenced code blocks and relative links. */
final class ReadmeBlocks {
    private static final Pattern RELATIVE_LINK = Pattern.compile("\\]\\((?!https?://|#|mailto:)([^)#\\s]+)");

    private ReadmeBlocks() {
    }

    /** The body of the first {@code ```bash} block after {@code heading}. */
    static String bashBlockAfter(String markdown, String heading) {
        int at = markdown.indexOf(heading);
        if (at < 0) {
            throw new AssertionError("no heading " + heading);
        }
        int open = markdown.indexOf("```bash\n", at);
        int close = markdown.indexOf("\n```", open + 1);
        if (open < 0 || close < 0) {
            throw new AssertionError("no bash block after " + heading);
        }
        return markdown.substring(open + "```bash\n".length(), close + 1);
    }

    /** Every link target that is a path in the repository rather than a URL or an anchor. */
    static List<String> relativeLinks(String markdown) {
        List<String> links = new ArrayList<>();
        Matcher matcher = RELATIVE_LINK.matcher(markdown);
        while (matcher.find()) {
            links.add(matcher.group(1));
        }
        return links;
    }
}
