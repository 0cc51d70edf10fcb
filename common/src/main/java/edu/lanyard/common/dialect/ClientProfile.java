package edu.lanyard.common.dialect;

/**
 * What a client imported for a product gets when its entry leaves these out: the product's redirect URI matching
 * (decision 3) and its lifetimes in seconds (dialects.md A–E).
 */
public record ClientProfile(String redirectUriMatch, Long accessTokenTtl, Long refreshTokenTtl, Long codeTtl) {
}
