package edu.lanyard.authorize.responsemode;

import java.util.Map;

/** OAuth 2.0 Form Post Response Mode: a page with the parameters as a form the browser posts to the client. */
public final class FormPostResponseMode implements ResponseMode {
    static final FormPostResponseMode INSTANCE = new FormPostResponseMode();

    private FormPostResponseMode() {
    }

    @Override
    public String name() {
        return "form_post";
    }

    @Override
    public FrontChannelReply reply(String redirectUri, Map<String, String> params) {
        return new FrontChannelReply.AutoPostForm(redirectUri, FormPostPage.render(redirectUri, params));
    }
}
