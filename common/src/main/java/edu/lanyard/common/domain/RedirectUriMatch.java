package edu.lanyard.common.domain;

import java.util.Locale;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a client's registered redirect URIs are compared with the one in a request. {@code EXACT} is the default;
 * {@code PREFIX} and {@code REGEX} exist because MaxKey, CAS and the PHP SSO matched that way and their apps rely on it.
 */
public enum RedirectUriMatch {
    EXACT {
        @Override
        public boolean matches(String registered, String requested) {
            return registered.equals(requested);
        }
    },
    PREFIX {
        @Override
        public boolean matches(String registered, String requested) {
            return requested.startsWith(registered);
        }
    },
    REGEX {
        @Override
        public boolean matches(String registered, String requested) {
            try {
                return Pattern.compile(registered).matcher(requested).matches();
            } catch (PatternSyntaxException e) {
                return false;
            }
        }
    };

    public abstract boolean matches(String registered, String requested);

    public static RedirectUriMatch fromConfig(String value) {
        return value == null ? EXACT : valueOf(value.trim().toUpperCase(Locale.ROOT));
    }
}
