package edu.lanyard.authorize.responsemode;

import java.util.Map;

/** RFC 6749 §4.1.2: the parameters in the redirect URI's query string; the default for a code-only response. */
public final class QueryResponseMode implements ResponseMode {
    static final QueryResponseMode INSTANCE = new QueryResponseMode();

    private QueryResponseMode() {
    }

    @Override
    public String name() {
        return "query";
    }

    @Override
    public FrontChannelReply reply(String redirectUri, Map<String, String> params) {
        return new FrontChannelReply.Redirect(UrlParameters.append(redirectUri, '?', UrlParameters.encode(params)));
    }
}
