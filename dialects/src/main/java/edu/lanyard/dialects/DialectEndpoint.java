package edu.lanyard.dialects;

/** One path of a dialect, relative to its mount prefix, and whether it answers GET and POST. */
public record DialectEndpoint(String path, boolean get, boolean post) {

    public static DialectEndpoint get(String path) {
        return new DialectEndpoint(path, true, false);
    }

    public static DialectEndpoint post(String path) {
        return new DialectEndpoint(path, false, true);
    }

    public static DialectEndpoint getOrPost(String path) {
        return new DialectEndpoint(path, true, true);
    }
}
