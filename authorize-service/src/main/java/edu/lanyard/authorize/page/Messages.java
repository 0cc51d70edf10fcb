package edu.lanyard.authorize.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Every user-visible string of the sign-in pages in one language. Bundles are UTF-8 properties files under
 * {@code lanyard/i18n/}, read once per JVM; both languages must define the same keys (a test enforces it).
 */
public final class Messages {

    private static final Map<UiLocale, Messages> BUNDLES = loadAll();

    private final UiLocale locale;
    private final Map<String, String> strings;

    private Messages(UiLocale locale, Map<String, String> strings) {
        this.locale = locale;
        this.strings = Map.copyOf(strings);
    }

    public static Messages of(UiLocale locale) {
        return BUNDLES.get(locale);
    }

    /** Shorthand for {@code Messages.of(LocaleNegotiator.negotiate(...))}. */
    public static Messages negotiate(String langParam, String uiLocales, String langCookie, String acceptLanguage) {
        return of(LocaleNegotiator.negotiate(langParam, uiLocales, langCookie, acceptLanguage));
    }

    public UiLocale locale() {
        return locale;
    }

    public String get(String key) {
        String value = strings.get(key);
        if (value == null) {
            throw new IllegalArgumentException("No message '" + key + "' for " + locale.tag());
        }
        return value;
    }

    public boolean has(String key) {
        return strings.containsKey(key);
    }

    /** All strings, for templates ({@code {{ t.login_heading }}}). */
    Map<String, String> asMap() {
        return strings;
    }

    private static Map<UiLocale, Messages> loadAll() {
        Map<UiLocale, Messages> bundles = new EnumMap<>(UiLocale.class);
        for (UiLocale locale : UiLocale.values()) {
            bundles.put(locale, new Messages(locale, load(locale)));
        }
        return bundles;
    }

    private static Map<String, String> load(UiLocale locale) {
        String resource = "lanyard/i18n/messages_" + locale.tag().replace('-', '_') + ".properties";
        try (InputStream in = Messages.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing message bundle " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            Map<String, String> strings = new TreeMap<>();
            properties.forEach((key, value) -> strings.put((String) key, (String) value));
            return strings;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
