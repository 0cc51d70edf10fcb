package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;

import java.util.Locale;
import java.util.Optional;

/**
 * The configured colours as a stylesheet of CSS custom properties, served from Lanyard's own assets after
 * {@code lanyard.css} (the pages' CSP allows no inline style). The colours are hex literals, checked when the
 * configuration was loaded, and are written here from parsed numbers, never copied as text.
 *
 * <p>From the one primary colour it derives the hover shade, the light tint, the text colour on it (whichever of
 * white and ink contrasts more) and lighter variants for the dark colour scheme.
 */
final class BrandStyle {
    private static final Rgb WHITE = new Rgb(255, 255, 255);
    private static final Rgb BLACK = new Rgb(0, 0, 0);
    private static final Rgb INK = new Rgb(0x1a, 0x20, 0x33);
    private static final Rgb DARK_INK = new Rgb(0x0d, 0x12, 0x20);
    private static final Rgb DARK_SURFACE = new Rgb(0x16, 0x1b, 0x26);

    private BrandStyle() {
    }

    /** The stylesheet, or empty when no colour is configured (then the pages link none). */
    static Optional<String> css(Branding branding) {
        if (branding.primaryColor().isEmpty() && branding.accentColor().isEmpty()) {
            return Optional.empty();
        }
        StringBuilder light = new StringBuilder();
        StringBuilder dark = new StringBuilder();
        if (!branding.primaryColor().isEmpty()) {
            Rgb primary = Rgb.parse(branding.primaryColor());
            property(light, "--primary", primary);
            property(light, "--focus", primary);
            property(light, "--primary-hover", primary.mix(BLACK, 0.2));
            property(light, "--primary-tint", primary.mix(WHITE, 0.92));
            property(light, "--on-primary", primary.readableText(WHITE, INK));
            Rgb lifted = primary.mix(WHITE, 0.45);
            property(dark, "--primary", lifted);
            property(dark, "--focus", lifted);
            property(dark, "--primary-hover", primary.mix(WHITE, 0.65));
            property(dark, "--primary-tint", primary.mix(DARK_SURFACE, 0.75));
            property(dark, "--on-primary", lifted.readableText(WHITE, DARK_INK));
        }
        if (!branding.accentColor().isEmpty()) {
            property(light, "--clip", Rgb.parse(branding.accentColor()));
        }
        StringBuilder css = new StringBuilder("/* Lanyard branding: generated from the configuration */\n");
        css.append(":root {\n").append(light).append("}\n");
        if (!dark.isEmpty()) {
            css.append("@media (prefers-color-scheme: dark) {\n  :root {\n").append(dark.toString().indent(2))
                    .append("  }\n}\n");
        }
        return Optional.of(css.toString());
    }

    private static void property(StringBuilder css, String name, Rgb colour) {
        css.append("  ").append(name).append(": ").append(colour.hex()).append(";\n");
    }

    record Rgb(int red, int green, int blue) {
        /** {@code #rgb} or {@code #rrggbb}, as {@link Branding} accepted it. */
        static Rgb parse(String hex) {
            String digits = hex.substring(1);
            if (digits.length() == 3) {
                digits = "" + digits.charAt(0) + digits.charAt(0) + digits.charAt(1) + digits.charAt(1)
                        + digits.charAt(2) + digits.charAt(2);
            }
            int value = Integer.parseInt(digits, 16);
            return new Rgb(value >> 16 & 0xff, value >> 8 & 0xff, value & 0xff);
        }

        Rgb mix(Rgb other, double share) {
            return new Rgb(blend(red, other.red, share), blend(green, other.green, share),
                    blend(blue, other.blue, share));
        }

        String hex() {
            return String.format(Locale.ROOT, "#%02x%02x%02x", red, green, blue);
        }

        /** Whichever of the two text colours contrasts more with this background (WCAG contrast ratio). */
        Rgb readableText(Rgb lightText, Rgb darkText) {
            return contrast(lightText) >= contrast(darkText) ? lightText : darkText;
        }

        private double contrast(Rgb other) {
            double a = luminance() + 0.05;
            double b = other.luminance() + 0.05;
            return Math.max(a, b) / Math.min(a, b);
        }

        private double luminance() {
            return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue);
        }

        private static double linear(int channel) {
            double c = channel / 255.0;
            return c <= 0.04045 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }

        private static int blend(int from, int to, double share) {
            return (int) Math.round(from + (to - from) * share);
        }
    }
}
