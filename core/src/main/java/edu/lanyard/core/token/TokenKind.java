package edu.lanyard.core.token;

public enum TokenKind {
    ACCESS_TOKEN, REFRESH_TOKEN, AUTHORIZATION_CODE
}
