package edu.lanyard.dialects;

/**
 * What a client imported for a product gets when its entry leaves these out: the product's redirect URI matching
 * (docs/products.md decision 3) and its lifetimes in seconds (docs/products.md §0.6).
 */
public record ClientProfile(String redirectUriMatch, Long accessTokenTtl, Long refreshTokenTtl, Long codeTtl) {
}
