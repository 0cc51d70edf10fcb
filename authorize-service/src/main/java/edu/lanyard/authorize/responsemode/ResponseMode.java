package edu.lanyard.authorize.responsemode;

import java.util.Map;

/**
 * How the parameters of an authorization response travel back to the client's redirect URI (OAuth 2.0 Multiple
 * Response Type Encoding Practices §2, OAuth 2.0 Form Post Response Mode). One small class per mode;
 * {@link ResponseModes#named} picks the one a request asked for.
 */
public sealed interface ResponseMode
        permits QueryResponseMode, FragmentResponseMode, FormPostResponseMode, QueryAndFragmentResponseMode {

    /** The mode's name as a request spells it in {@code response_mode}. */
    String name();

    /** What the browser gets: a redirect, or a page that posts the parameters. */
    FrontChannelReply reply(String redirectUri, Map<String, String> params);
}
