package edu.lanyard.dialects.http;

import java.util.Locale;

/** Content-Type checks by media type, ignoring parameters such as {@code charset} (RFC 9110 §8.3.1). */
public final class MediaTypes {
    public static final String FORM = "application/x-www-form-urlencoded";

    private MediaTypes() {
    }

    /** True when the header names {@code application/x-www-form-urlencoded}, with or without parameters. */
    public static boolean isForm(String contentType) {
        return FORM.equals(mediaType(contentType));
    }

    /** The type/subtype of a Content-Type header in lower case, or null when there is none. */
    public static String mediaType(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        String type = (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
        return type.isEmpty() ? null : type.toLowerCase(Locale.ROOT);
    }
}
