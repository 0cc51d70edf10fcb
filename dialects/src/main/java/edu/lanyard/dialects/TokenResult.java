package edu.lanyard.dialects;

import edu.lanyard.core.domain.Client;
import edu.lanyard.core.token.TokenResponse;

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
