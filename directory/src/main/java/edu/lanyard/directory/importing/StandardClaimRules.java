package edu.lanyard.directory.importing;

import edu.lanyard.core.oidc.StandardClaims;
import edu.lanyard.directory.importing.ImportFile.UserEntry;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.IllformedLocaleException;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The OIDC Core §5.1 rules for the standard claims an import sets, so a relying party never receives a value its
 * library refuses: dates, time zones, language tags, URLs, the address object.
 */
final class StandardClaimRules {
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_TEXT = 1024;

    private StandardClaimRules() {
    }

    static void check(UserEntry user, Consumer<String> problems) {
        text("given_name", user.givenName(), problems);
        text("family_name", user.familyName(), problems);
        text("middle_name", user.middleName(), problems);
        text("nickname", user.nickname(), problems);
        text("preferred_username", user.preferredUsername(), problems);
        text("gender", user.gender(), problems);
        url("profile", user.profile(), problems);
        url("picture", user.picture(), problems);
        url("website", user.website(), problems);
        birthdate(user.birthdate(), problems);
        zoneinfo(user.zoneinfo(), problems);
        locale(user.locale(), problems);
        address(user.address(), problems);
        if (user.updatedAt() != null) {
            problems.accept("updated_at is kept by Lanyard (when the user record last changed); leave it out");
        }
    }

    private static boolean text(String claim, String value, Consumer<String> problems) {
        if (value == null) {
            return false;
        }
        if (value.isBlank()) {
            problems.accept(claim + " is empty; leave it out");
            return false;
        }
        if (value.length() > MAX_TEXT) {
            problems.accept(claim + " is longer than " + MAX_TEXT + " characters");
            return false;
        }
        return true;
    }

    private static void url(String claim, String value, Consumer<String> problems) {
        if (!text(claim, value, problems)) {
            return;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return;
            }
        } catch (URISyntaxException e) {
            // reported below
        }
        problems.accept(claim + " '" + shorten(value) + "' must be an http(s) URL");
    }

    /** §5.1: YYYY-MM-DD, or YYYY alone when only the year is known (0000-MM-DD for a year left out). */
    private static void birthdate(String value, Consumer<String> problems) {
        if (!text("birthdate", value, problems)) {
            return;
        }
        if (YEAR.matcher(value).matches()) {
            return;
        }
        if (DATE.matcher(value).matches()) {
            try {
                LocalDate.parse(value);
                return;
            } catch (DateTimeException e) {
                // reported below
            }
        }
        problems.accept("birthdate '" + shorten(value) + "' must be YYYY-MM-DD or YYYY (quote it in YAML)");
    }

    private static void zoneinfo(String value, Consumer<String> problems) {
        if (text("zoneinfo", value, problems) && !ZoneId.getAvailableZoneIds().contains(value)) {
            problems.accept("zoneinfo '" + shorten(value) + "' is not a time zone name such as Asia/Shanghai");
        }
    }

    /** BCP 47, e.g. zh-CN or en-US; the underscore form some systems write (zh_CN) is not a language tag. */
    private static void locale(String value, Consumer<String> problems) {
        if (!text("locale", value, problems)) {
            return;
        }
        try {
            new Locale.Builder().setLanguageTag(value);
        } catch (IllformedLocaleException e) {
            problems.accept("locale '" + shorten(value) + "' is not a BCP 47 language tag such as zh-CN or en-US");
        }
    }

    private static void address(Map<String, Object> address, Consumer<String> problems) {
        if (address == null) {
            return;
        }
        if (address.isEmpty()) {
            problems.accept("address is empty; leave it out");
        }
        address.forEach((key, value) -> {
            if (!StandardClaims.ADDRESS_FIELDS.contains(key)) {
                problems.accept("address." + shorten(key) + " is not an address field (known: "
                        + String.join(", ", StandardClaims.ADDRESS_FIELDS) + ")");
            } else if (!(value instanceof String text) || text.isBlank()) {
                problems.accept("address." + key + " must be text (quote postal codes)");
            }
        });
    }

    private static String shorten(String value) {
        String cut = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
