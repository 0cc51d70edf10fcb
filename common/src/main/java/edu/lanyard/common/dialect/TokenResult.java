package edu.lanyard.common.dialect;

import edu.lanyard.common.domain.Client;
import edu.lanyard.common.token.TokenResponse;

/**
 * A successful token exchange as a dialect renders it.
 *
 * @param requestedGrant the grant_type of the request (a refresh keeps the original grant in the response)
 */
public record TokenResult(Client client, String requestedGrant, TokenResponse response) {

    public boolean refresh() {
        return "refresh_token".equals(requestedGrant);
    }
}
