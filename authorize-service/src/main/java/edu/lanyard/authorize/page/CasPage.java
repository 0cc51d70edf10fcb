package edu.lanyard.authorize.page;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The CAS protocol's own pages: "signed in" ({@code /cas/login} without a service) and "signed out" with the
 * front-channel logout frames of the services that asked for them.
 *
 * @param frames front-channel logout URLs, each loaded in a hidden frame; empty when signed in
 */
public record CasPage(PageContext context, boolean signedIn, String username, List<String> frames) {
    public CasPage {
        username = username == null ? "" : username;
        frames = List.copyOf(frames);
    }

    public static CasPage signedIn(PageContext context, String username) {
        return new CasPage(context, true, username, List.of());
    }

    public static CasPage signedOut(PageContext context, List<String> frames) {
        return new CasPage(context, false, null, frames);
    }

    public String render(PageRenderer renderer) {
        Map<String, Object> model = new HashMap<>();
        model.put("signedIn", signedIn);
        model.put("username", username);
        model.put("frames", frames);
        return renderer.render("cas", context, model);
    }
}
