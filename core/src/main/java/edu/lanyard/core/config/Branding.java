package edu.lanyard.core.config;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The institution's look on the sign-in pages. Every value is optional: empty keeps Lanyard's own name, logo, colours
 * and footer. Values end up in HTML, in a stylesheet and in the pages' Content-Security-Policy, so they are checked
 * strictly here, when the configuration is loaded: a colour is a hex literal and nothing else (no CSS can be smuggled
 * in), links are http(s), mailto or tel only (no {@code javascript:}).
 *
 * @param name         the institution's name beside the logo, per language
 * @param tagline      the line under the name, per language
 * @param helpdeskUrl  where the footer links to (https, http, mailto or tel)
 * @param helpdeskText the footer text, per language
 * @param logoUrl      an image on another server (http or https); its origin is added to the pages' {@code img-src}
 * @param logoFile     an image file on this server's disk, served by Lanyard under its assets (then no CSP change)
 * @param primaryColor buttons, links and focus rings: {@code #rgb} or {@code #rrggbb}
 * @param accentColor  the default logo's clip: {@code #rgb} or {@code #rrggbb}
 */
public record Branding(Localized name, Localized tagline, String helpdeskUrl, Localized helpdeskText,
                       String logoUrl, String logoFile, String primaryColor, String accentColor) {

    private static final Pattern HEX_COLOUR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
    private static final Set<String> LOGO_EXTENSIONS = Set.of("png", "svg", "jpg", "jpeg", "gif", "webp", "ico");
    private static final int MAX_TEXT = 200;
    private static final int MAX_URL = 2048;

    public Branding {
        name = Localized.orEmpty(name).checked("branding.name");
        tagline = Localized.orEmpty(tagline).checked("branding.tagline");
        helpdeskText = Localized.orEmpty(helpdeskText).checked("branding.helpdeskText");
        helpdeskUrl = helpdeskLink(trim(helpdeskUrl));
        logoUrl = webUrl(trim(logoUrl), "branding.logoUrl");
        logoFile = logoFile(trim(logoFile));
        primaryColor = colour(trim(primaryColor), "branding.primaryColor");
        accentColor = colour(trim(accentColor), "branding.accentColor");
        if (!logoUrl.isEmpty() && !logoFile.isEmpty()) {
            throw new IllegalArgumentException("set branding.logoUrl or branding.logoFile, not both");
        }
    }

    /** Lanyard's own look. */
    public static Branding none() {
        return new Branding(null, null, "", null, "", "", "", "");
    }

    /** {@code scheme://host[:port]} of {@link #logoUrl}, for the pages' {@code img-src}; empty without one. */
    public Optional<String> logoOrigin() {
        if (logoUrl.isEmpty()) {
            return Optional.empty();
        }
        URI uri = URI.create(logoUrl);
        String port = uri.getPort() < 0 ? "" : ":" + uri.getPort();
        return Optional.of(uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT)
                + port);
    }

    /** A text in the page languages; an empty one falls back to Lanyard's own text in that language. */
    public record Localized(String en, @JsonProperty("zh-CN") String zhCN) {
        public Localized {
            en = trim(en);
            zhCN = trim(zhCN);
        }

        static Localized orEmpty(Localized value) {
            return value == null ? new Localized("", "") : value;
        }

        /** The text for a page language tag ({@code en}, {@code zh-CN}); empty if none is configured. */
        public String in(String languageTag) {
            return "zh-CN".equalsIgnoreCase(languageTag) ? zhCN : en;
        }

        Localized checked(String key) {
            text(en, key + ".en");
            text(zhCN, key + ".zh-CN");
            return this;
        }
    }

    private static String trim(String value) {
        return value == null ? "" : value.strip();
    }

    // Escaping makes any text safe in the page; the limits keep a configuration mistake from breaking its layout.
    private static void text(String value, String key) {
        if (value.length() > MAX_TEXT) {
            throw new IllegalArgumentException(key + " is longer than " + MAX_TEXT + " characters");
        }
        if (value.codePoints().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(key + " contains a control character");
        }
    }

    private static String colour(String value, String key) {
        if (value.isEmpty()) {
            return value;
        }
        if (!HEX_COLOUR.matcher(value).matches()) {
            throw new IllegalArgumentException(key + " must be a hex colour such as #1a5fb4 or #15b (got \""
                    + printable(value) + "\")");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static String helpdeskLink(String value) {
        if (value.isEmpty()) {
            return value;
        }
        URI uri = parse(value, "branding.helpdeskUrl");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "http", "https" -> webUrl(value, "branding.helpdeskUrl");
            case "mailto", "tel" -> {
                if (uri.getRawSchemeSpecificPart() == null || uri.getRawSchemeSpecificPart().isEmpty()) {
                    throw new IllegalArgumentException("branding.helpdeskUrl has nothing after " + scheme + ":");
                }
            }
            default -> throw new IllegalArgumentException("branding.helpdeskUrl must be an https, http, mailto or"
                    + " tel link (got \"" + printable(value) + "\")");
        }
        return value;
    }

    private static String webUrl(String value, String key) {
        if (value.isEmpty()) {
            return value;
        }
        URI uri = parse(value, key);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new IllegalArgumentException(key + " must be an https or http URL (got \"" + printable(value) + "\")");
        }
        if (uri.getHost() == null || !HOST.matcher(uri.getHost()).matches() || uri.getRawUserInfo() != null) {
            throw new IllegalArgumentException(key + " must name a host, without user info (got \""
                    + printable(value) + "\")");
        }
        return value;
    }

    private static String logoFile(String value) {
        if (value.isEmpty()) {
            return value;
        }
        String extension = value.substring(value.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        if (!LOGO_EXTENSIONS.contains(extension)) {
            throw new IllegalArgumentException("branding.logoFile must be one of " + LOGO_EXTENSIONS
                    + " (got \"" + printable(value) + "\")");
        }
        return value;
    }

    private static URI parse(String value, String key) {
        if (value.length() > MAX_URL || value.codePoints().anyMatch(c -> Character.isISOControl(c)
                || Character.isWhitespace(c) || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\')) {
            throw new IllegalArgumentException(key + " is not a plain URL (got \"" + printable(value) + "\")");
        }
        try {
            return new URI(value);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(key + " is not a URL: " + e.getReason());
        }
    }

    private static String printable(String value) {
        String shown = value.length() > 80 ? value.substring(0, 80) + "…" : value;
        return shown.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
