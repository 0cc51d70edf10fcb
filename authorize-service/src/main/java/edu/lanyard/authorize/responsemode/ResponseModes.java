package edu.lanyard.authorize.responsemode;

import java.util.Set;

/** Chooses the {@link ResponseMode} strategy by name, and knows which modes a request may ask for. */
public final class ResponseModes {
    /** The modes a request may name in {@code response_mode}. */
    public static final Set<String> REQUESTABLE = Set.of("query", "fragment", "form_post");

    private ResponseModes() {
    }

    /**
     * The strategy for {@code name}. A name Lanyard does not know gets the query, as RFC 6749 §4.1.2 does for
     * codes: only the checked names reach here, so this is the safe reading of a parked request from elsewhere.
     */
    public static ResponseMode named(String name) {
        if (name == null) {
            return QueryResponseMode.INSTANCE;
        }
        return switch (name) {
            case "fragment" -> FragmentResponseMode.INSTANCE;
            case "form_post" -> FormPostResponseMode.INSTANCE;
            case "both" -> QueryAndFragmentResponseMode.INSTANCE;
            default -> QueryResponseMode.INSTANCE;
        };
    }

    /**
     * The mode for a request that names none (or one Lanyard refuses): fragment once a token is in the response
     * (RFC 6749 §4.2.2, OIDC Core §3.2.2.5), else query (also for an unknown response_type, so the client's server can
     * read the unsupported_response_type error).
     */
    public static String defaultFor(Set<String> responseTypes) {
        return responseTypes.contains("token") || responseTypes.contains("id_token") ? "fragment" : "query";
    }
}
