package edu.lanyard.token.grant;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.request.RequestParams;
import edu.lanyard.core.token.TokenFormat;

/**
 * One token request after its dialect has read it and the client is authenticated.
 *
 * @param format the token shape of the dialect that received the request
 */
public record GrantContext(Client client, RequestParams params, TokenFormat format, String ip) {
}
