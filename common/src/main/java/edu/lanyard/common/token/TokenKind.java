package edu.lanyard.common.token;

public enum TokenKind {
    ACCESS_TOKEN, REFRESH_TOKEN, AUTHORIZATION_CODE
}
