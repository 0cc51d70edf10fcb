package edu.lanyard.core.token;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ActiveTokenScopeTest {

    private static ActiveToken scoped(String scope) {
        return new ActiveToken(TokenKind.ACCESS_TOKEN, "h", "g", "c", "s", "u", scope, "authorization_code", null,
                0, 1);
    }

    @Test
    void aScopeCountsOnlyAsAWholeWordOfTheList() {
        assertTrue(scoped("openid").hasScope("openid"));
        assertTrue(scoped("openid profile email").hasScope("openid"));
        assertTrue(scoped("profile openid email").hasScope("openid"));
        assertTrue(scoped("profile email openid").hasScope("openid"));
        assertTrue(scoped("openidx openid").hasScope("openid"), "a later whole match after a partial one");
        assertFalse(scoped("openidx xopenid profile").hasScope("openid"));
        assertFalse(scoped("profile email").hasScope("openid"));
        assertFalse(scoped("").hasScope("openid"));
        assertFalse(scoped(null).hasScope("openid"));
    }
}
