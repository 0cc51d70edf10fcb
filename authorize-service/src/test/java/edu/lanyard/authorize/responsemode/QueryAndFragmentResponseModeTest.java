package edu.lanyard.authorize.responsemode;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryAndFragmentResponseModeTest {
    private final ResponseMode both = ResponseModes.named("both");

    @Test
    void theSameParametersGoInTheQueryAndTheFragment() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("access_token", "t1");
        params.put("expires_in", "3600");

        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?a=1&access_token=t1&expires_in=3600"
                        + "#access_token=t1&expires_in=3600"),
                both.reply("https://app.example.edu/cb?a=1", params));
    }

    @Test
    void withoutParametersTheRedirectUriIsUnchanged() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb"),
                both.reply("https://app.example.edu/cb", Map.of()));
    }

    @Test
    void isTheProductsName() {
        assertEquals("both", both.name());
    }
}
