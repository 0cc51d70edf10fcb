package edu.lanyard.authorize.page;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pages' static files (stylesheet, logo), read from the classpath once at start and kept in memory.
 * Each has a content hash: it is the ETag, and it versions the URL ({@code lanyard.css?v=…}) so the files can be
 * cached for a year and still change on the next deploy.
 */
public final class Assets {

    public static final String DEFAULT_MOUNT = "/assets/";
    private static final String CLASSPATH_DIR = "lanyard/assets/";
    private static final List<String> NAMES = List.of("lanyard.css", "lanyard-logo.svg");
    private static final Map<String, String> CONTENT_TYPES = Map.of(
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon");

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
        if (!mount.endsWith("/")) {
            throw new IllegalArgumentException("mount must end with '/': " + mount);
        }
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : NAMES) {
            byte[] bytes = read(CLASSPATH_DIR + name);
            assets.put(name, new Asset(name, bytes, contentType(name), hash(bytes)));
        }
        return new Assets(mount, assets);
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
