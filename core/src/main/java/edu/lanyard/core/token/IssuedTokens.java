package edu.lanyard.core.token;

/** The token strings handed to the client once, with what the cluster stored about them. */
public record IssuedTokens(String accessToken, AccessTokenRecord access, String refreshToken,
                           RefreshTokenRecord refresh) {

    /**
     * The {@code expires_in} of the response that hands these tokens out: the access token's whole lifetime, from
     * its own issue time. Reading the clock again would answer one second less whenever a second ticks over between
     * issuing and answering.
     */
    public long expiresIn() {
        return access.expiresAt() - access.issuedAt();
    }
}
