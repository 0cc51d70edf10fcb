package edu.lanyard.authorize.page;

import edu.lanyard.core.config.Branding;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' static files (stylesheet, logo), read from the classpath once at start and kept in memory, plus the
 * institution's branding: a stylesheet of its colours ({@value #BRAND_STYLESHEET}) and its logo file
 * ({@code brand-logo.<ext>}) when those are configured.
 * Each has a content hash: it is the ETag, and it versions the URL ({@code lanyard.css?v=…}) so the files can be
 * cached for a year and still change on the next deploy.
 */
public final class Assets {

    public static final String DEFAULT_MOUNT = "/assets/";
    private static final String CLASSPATH_DIR = "lanyard/assets/";
    static final String BRAND_STYLESHEET = "brand.css";
    private static final String BRAND_LOGO = "brand-logo.";
    private static final long MAX_LOGO_BYTES = 1024 * 1024;
    private static final List<String> NAMES = List.of("lanyard.css", "lanyard-logo.svg");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "jpg", "image/jpeg",
            "jpeg", "image/jpeg",
            "gif", "image/gif",
            "webp", "image/webp");

    /** One file: its bytes, media type and strong ETag. */
    public record Asset(String name, byte[] bytes, String contentType, String hash) {
        public String etag() {
            return '"' + hash + '"';
        }
    }

    private final String mount;
    private final Map<String, Asset> byName;

    private Assets(String mount, Map<String, Asset> byName) {
        this.mount = mount;
        this.byName = Map.copyOf(byName);
    }

    public static Assets load() {
        return load(DEFAULT_MOUNT);
    }

    /** @param mount the URL path the {@link AssetsHandler} is routed at, ending in {@code /} */
    public static Assets load(String mount) {
        return load(mount, Branding.none());
    }

    /** As {@link #load(String)}, with the branding's stylesheet and logo file (read from disk now). */
    public static Assets load(String mount, Branding branding) {
        if (!mount.endsWith("/")) {
            throw new IllegalArgumentException("mount must end with '/': " + mount);
        }
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : NAMES) {
            add(assets, name, read(CLASSPATH_DIR + name));
        }
        BrandStyle.css(branding).ifPresent(css -> add(assets, BRAND_STYLESHEET, css.getBytes(StandardCharsets.UTF_8)));
        if (!branding.logoFile().isEmpty()) {
            String file = branding.logoFile();
            add(assets, BRAND_LOGO + file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT),
                    readLogo(Path.of(file)));
        }
        return new Assets(mount, assets);
    }

    private static void add(Map<String, Asset> assets, String name, byte[] bytes) {
        assets.put(name, new Asset(name, bytes, contentType(name), hash(bytes)));
    }

    /** The versioned URL of the branding's colour stylesheet, if colours are configured. */
    public Optional<String> brandStylesheetUrl() {
        return byName.containsKey(BRAND_STYLESHEET) ? Optional.of(url(BRAND_STYLESHEET)) : Optional.empty();
    }

    /** The configured logo file, served by Lanyard, if one is configured. */
    public Optional<Asset> brandLogo() {
        return byName.values().stream().filter(asset -> asset.name().startsWith(BRAND_LOGO)).findFirst();
    }

    public Optional<Asset> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The versioned URL of an asset, for templates. */
    public String url(String name) {
        Asset asset = byName.get(name);
        if (asset == null) {
            throw new IllegalArgumentException("Unknown asset " + name);
        }
        return mount + name + "?v=" + asset.hash();
    }

    public String mount() {
        return mount;
    }

    private static String contentType(String name) {
        String extension = name.substring(name.lastIndexOf('.') + 1);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }

    private static String hash(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] readLogo(Path file) {
        try {
            if (Files.size(file) > MAX_LOGO_BYTES) {
                throw new IllegalStateException("branding.logoFile " + file + " is larger than 1 MiB");
            }
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IllegalStateException("branding.logoFile " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Assets.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing asset " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
