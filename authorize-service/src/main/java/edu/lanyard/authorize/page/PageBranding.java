package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;

/**
 * The branding as the pages show it: the configured texts in the page's language, falling back to Lanyard's own
 * ({@code brand_name}, {@code brand_tagline}, {@code footer_note} in the message bundles), and where the logo and the
 * colour stylesheet come from. Every text is escaped by the templates like any other.
 */
final class PageBranding {
    private final Branding branding;
    private final String logo;
    private final String logoType;
    private final String stylesheet;

    PageBranding(Branding branding, Assets assets) {
        this.branding = branding;
        var logoFile = assets.brandLogo();
        this.logo = logoFile.map(asset -> assets.url(asset.name())).orElse(branding.logoUrl());
        this.logoType = logoFile.map(Assets.Asset::contentType).orElse("");
        this.stylesheet = assets.brandStylesheetUrl().orElse("");
    }

    /**
     * What the templates read as {@code brand}.
     *
     * @param logo        the logo image URL; empty: Lanyard's own inline logo
     * @param logoType    the media type of a logo file served by Lanyard (it is then the favicon too); else empty
     * @param stylesheet  the colour stylesheet's URL; empty: none
     * @param helpdeskUrl the footer link; empty: the footer is plain text
     */
    record View(String name, String tagline, String helpdeskText, String helpdeskUrl, String logo, String logoType,
                String stylesheet) {
    }

    View in(Messages messages) {
        String language = messages.locale().tag();
        return new View(
                or(branding.name().in(language), messages.get("brand_name")),
                or(branding.tagline().in(language), messages.get("brand_tagline")),
                or(branding.helpdeskText().in(language), messages.get("footer_note")),
                branding.helpdeskUrl(), logo, logoType, stylesheet);
    }

    private static String or(String configured, String standard) {
        return configured.isEmpty() ? standard : configured;
    }
}
