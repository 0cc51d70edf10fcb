package edu.lanyard.authorize;

import edu.lanyard.authorize.responsemode.FrontChannelReply;
import edu.lanyard.core.error.OAuthError;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class AuthorizationResponseTest {
    private static AuthorizationRequest request(String mode, String state) {
        return new AuthorizationRequest("app", "https://app.example.edu/cb", true, "code", mode, "openid", state,
                null, null, null, null, null, null, null, "standard");
    }

    @Test
    void anErrorCarriesItsCodeDescriptionAndTheRequestsStateInThatOrder() {
        AuthorizationResponse error = AuthorizationResponse.error(request("query", "s 1"),
                OAuthError.accessDenied("the user denied the request"));

        assertEquals(List.of("error", "error_description", "state"), List.copyOf(error.params().keySet()));
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?error=access_denied"
                + "&error_description=the%20user%20denied%20the%20request&state=s%201"), error.reply());
    }

    @Test
    void anErrorWithoutDescriptionOrStateCarriesOnlyItsCode() {
        AuthorizationResponse error = AuthorizationResponse.error(request("fragment", null),
                new OAuthError("login_required", null, 400));

        assertEquals(Map.of("error", "login_required"), error.params());
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb#error=login_required"),
                error.reply());
    }

    @Test
    void theResponseTravelsInTheRequestsMode() {
        assertInstanceOf(FrontChannelReply.AutoPostForm.class,
                AuthorizationResponse.to(request("form_post", null), Map.of("code", "c1")).reply());
        assertEquals("both", AuthorizationResponse.to(request("both", null), Map.of()).mode().name());
    }
}
