package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;
import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the sign-in pages. Create one at start ({@link #create}): it compiles every template then, so rendering is
 * pure CPU and may run on an event loop. Thread-safe. Templates escape every expression for HTML by default; nothing
 * in them opts out.
 */
public final class PageRenderer {

    private static final List<String> PAGES = List.of("login", "consent", "error", "logout", "cas");
    private static final List<String> PARTIALS = List.of("layout", "logo", "icon-globe", "icon-alert", "icon-check", "icon-lock");

    private final Map<String, PebbleTemplate> templates;
    private final Assets assets;
    private final PageBranding branding;

    private PageRenderer(Map<String, PebbleTemplate> templates, Assets assets, PageBranding branding) {
        this.templates = Map.copyOf(templates);
        this.assets = assets;
        this.branding = branding;
    }

    /** Pages with Lanyard's own name, logo and colours. */
    public static PageRenderer create(Assets assets) {
        return create(assets, Branding.none());
    }

    /**
     * Pages with the institution's branding; {@code assets} must have been loaded with the same branding (its
     * stylesheet and logo file are served from there).
     */
    public static PageRenderer create(Assets assets, Branding branding) {
        ClasspathLoader loader = new ClasspathLoader(PageRenderer.class.getClassLoader());
        loader.setPrefix("lanyard/templates/");
        loader.setSuffix(".peb");
        loader.setCharset("UTF-8");
        PebbleEngine engine = new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(true)
                .defaultEscapingStrategy("html")
                .strictVariables(true)
                .newLineTrimming(true)
                .build();
        // Pages reach their layout and logo through the engine's own cache: compiling them now keeps all
        // template parsing out of request handling.
        PARTIALS.forEach(engine::getTemplate);
        Map<String, PebbleTemplate> compiled = new LinkedHashMap<>();
        for (String page : PAGES) {
            compiled.put(page, engine.getTemplate(page));
        }
        return new PageRenderer(compiled, assets, new PageBranding(branding, assets));
    }

    String render(String page, PageContext context, Map<String, Object> model) {
        PebbleTemplate template = templates.get(page);
        if (template == null) {
            throw new IllegalArgumentException("Unknown page " + page);
        }
        Map<String, Object> variables = new HashMap<>(model);
        variables.put("t", context.messages().asMap());
        variables.put("lang", context.locale().tag());
        variables.put("languages", context.languageLinks());
        variables.put("stylesheet", assets.url("lanyard.css"));
        PageBranding.View brand = branding.in(context.messages());
        variables.put("brand", brand);
        variables.put("icon", brand.logoType().isEmpty() ? assets.url("lanyard-logo.svg") : brand.logo());
        variables.put("iconType", brand.logoType().isEmpty() ? "image/svg+xml" : brand.logoType());
        StringWriter out = new StringWriter(8192);
        try {
            template.evaluate(out, variables);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
