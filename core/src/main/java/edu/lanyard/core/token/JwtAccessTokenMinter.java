package edu.lanyard.core.token;

import edu.lanyard.core.domain.Client;

/** Makes an RFC 9068 JWT access token for a client that asked for them instead of opaque ones. */
@FunctionalInterface
public interface JwtAccessTokenMinter {
    String mint(Client client, AccessTokenRecord token, String jwtId);
}
