package edu.lanyard.core.token;

/** The token strings handed to the client once, with what the cluster stored about them. */
public record IssuedTokens(String accessToken, AccessTokenRecord access, String refreshToken,
                           RefreshTokenRecord refresh) {

    public long expiresIn(long nowEpochSecond) {
        return Math.max(0, access.expiresAt() - nowEpochSecond);
    }
}
