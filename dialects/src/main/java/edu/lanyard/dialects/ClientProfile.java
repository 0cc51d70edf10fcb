package edu.lanyard.dialects;

/**
 * What a client imported for a product gets when its entry leaves these out: the product's redirect URI matching
 * (docs/products.md decision 3), its lifetimes in seconds (docs/products.md §0.6) and whether its refresh tokens
 * rotate (decision 8: apps of products that never rotated may keep presenting the first refresh token they got).
 */
public record ClientProfile(String redirectUriMatch, Long accessTokenTtl, Long refreshTokenTtl, Long codeTtl,
                            boolean rotateRefreshTokens) {
}
