package edu.lanyard.authorize.responsemode;

import java.util.Map;

/**
 * RFC 6749 §4.2.2: the parameters in the redirect URI's fragment, which the browser keeps from the client's server;
 * the default once a token is in the response.
 */
public final class FragmentResponseMode implements ResponseMode {
    static final FragmentResponseMode INSTANCE = new FragmentResponseMode();

    private FragmentResponseMode() {
    }

    @Override
    public String name() {
        return "fragment";
    }

    @Override
    public FrontChannelReply reply(String redirectUri, Map<String, String> params) {
        return new FrontChannelReply.Redirect(UrlParameters.append(redirectUri, '#', UrlParameters.encode(params)));
    }
}
