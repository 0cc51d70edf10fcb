package edu.lanyard.authorize.responsemode;

import java.util.Map;

/**
 * The PHP SSO's switch ({@code both}): the same parameters in the query and in the fragment, for whichever the app's
 * script parses. Only a product dialect's delivery chooses it; a request cannot ask for it.
 */
public final class QueryAndFragmentResponseMode implements ResponseMode {
    static final QueryAndFragmentResponseMode INSTANCE = new QueryAndFragmentResponseMode();

    private QueryAndFragmentResponseMode() {
    }

    @Override
    public String name() {
        return "both";
    }

    @Override
    public FrontChannelReply reply(String redirectUri, Map<String, String> params) {
        String encoded = UrlParameters.encode(params);
        if (encoded.isEmpty()) {
            return new FrontChannelReply.Redirect(redirectUri);
        }
        return new FrontChannelReply.Redirect(UrlParameters.append(redirectUri, '?', encoded) + '#' + encoded);
    }
}
