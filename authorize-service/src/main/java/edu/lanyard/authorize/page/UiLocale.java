package edu.lanyard.authorize.page;

import java.util.Locale;
import java.util.Optional;

/** The languages the sign-in pages are written in. */
public enum UiLocale {
    EN("en", "English"),
    ZH_CN("zh-CN", "简体中文");

    public static final UiLocale DEFAULT = EN;

    private final String tag;
    private final String nativeName;

    UiLocale(String tag, String nativeName) {
        this.tag = tag;
        this.nativeName = nativeName;
    }

    /** BCP 47 tag, used for {@code <html lang>}, {@code ?lang=} and the language cookie. */
    public String tag() {
        return tag;
    }

    /** The language's name in itself, so a reader who cannot read the current page still finds theirs. */
    public String nativeName() {
        return nativeName;
    }

    /**
     * The supported locale a language tag asks for, by primary language: every {@code zh} variant gets Simplified
     * Chinese (a Traditional-Chinese reader is better served by it than by English), every {@code en} gets English.
     */
    public static Optional<UiLocale> match(String languageTag) {
        if (languageTag == null) {
            return Optional.empty();
        }
        String primary = languageTag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
        return switch (primary) {
            case "zh" -> Optional.of(ZH_CN);
            case "en" -> Optional.of(EN);
            default -> Optional.empty();
        };
    }
}
