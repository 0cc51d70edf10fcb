package edu.lanyard.authorize.page;

import io.vertx.ext.web.RoutingContext;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What every page needs besides its own inputs.
 *
 * @param messages the negotiated language
 * @param pageUrl  a GET URL (path and query) that shows this page again; the language switch links are this URL
 *                 with {@code lang=} set
 */
public record PageContext(Messages messages, String pageUrl) {

    public PageContext {
        Objects.requireNonNull(messages, "messages");
        Objects.requireNonNull(pageUrl, "pageUrl");
    }

    /** For a page answering a GET: negotiates the language and links back to the request's own URL. */
    public static PageContext of(RoutingContext ctx, String uiLocales) {
        return new PageContext(LocaleNegotiator.messages(ctx, uiLocales), ctx.request().uri());
    }

    /** For a page answering a POST (e.g. the login form again, with an error): give the URL a GET would use. */
    public static PageContext of(RoutingContext ctx, String uiLocales, String pageUrl) {
        return new PageContext(LocaleNegotiator.messages(ctx, uiLocales), pageUrl);
    }

    public UiLocale locale() {
        return messages.locale();
    }

    /** One link per language, the current one marked. */
    public List<LanguageLink> languageLinks() {
        return Arrays.stream(UiLocale.values())
                .map(locale -> new LanguageLink(locale.nativeName(), locale.tag(), withLang(pageUrl, locale),
                        locale == locale()))
                .toList();
    }

    /** A language switch link. */
    public record LanguageLink(String label, String lang, String href, boolean current) {
    }

    static String withLang(String url, UiLocale locale) {
        int hash = url.indexOf('#');
        String withoutFragment = hash < 0 ? url : url.substring(0, hash);
        int question = withoutFragment.indexOf('?');
        String path = question < 0 ? withoutFragment : withoutFragment.substring(0, question);
        String query = question < 0 ? "" : withoutFragment.substring(question + 1);
        String kept = Arrays.stream(query.split("&"))
                .filter(param -> !param.isEmpty())
                .filter(param -> !param.equals(LocaleNegotiator.QUERY_PARAM)
                        && !param.startsWith(LocaleNegotiator.QUERY_PARAM + "="))
                .collect(Collectors.joining("&"));
        String lang = LocaleNegotiator.QUERY_PARAM + "=" + locale.tag();
        return path + "?" + (kept.isEmpty() ? lang : kept + "&" + lang);
    }
}
