package edu.lanyard.authorize.responsemode;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FragmentResponseModeTest {
    private final ResponseMode fragment = ResponseModes.named("fragment");

    @Test
    void theParametersAreTheFragmentAfterAnyQuery() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_token", "t 1");
        params.put("token_type", "Bearer");
        params.put("state", "s1");

        assertEquals(new FrontChannelReply.Redirect(
                        "https://app.example.edu/cb?tenant=1#access_token=t%201&token_type=Bearer&state=s1"),
                fragment.reply("https://app.example.edu/cb?tenant=1", params));
    }

    @Test
    void theyFollowAFragmentTheRedirectUriAlreadyHas() {
        assertEquals(new FrontChannelReply.Redirect("app:/cb#x=1&state=s1"),
                fragment.reply("app:/cb#x=1", Map.of("state", "s1")));
    }

    @Test
    void withoutParametersTheRedirectUriIsUnchanged() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb"),
                fragment.reply("https://app.example.edu/cb", Map.of()));
    }

    @Test
    void isNamedAsRequestsSpellIt() {
        assertEquals("fragment", fragment.name());
    }
}
