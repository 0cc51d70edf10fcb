package edu.lanyard.core.domain;

/** Opaque random tokens (the default) or RFC 9068 JWT access tokens signed with the server key. */
public enum AccessTokenFormat {
    OPAQUE, JWT
}
