package edu.lanyard.authorize.responsemode;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class QueryResponseModeTest {
    private final ResponseMode query = ResponseModes.named("query");

    private static Map<String, String> params(String... namesAndValues) {
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return params;
    }

    @Test
    void theParametersStartTheQueryInOrder() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?code=c1&state=s1"),
                query.reply("https://app.example.edu/cb", params("code", "c1", "state", "s1")));
    }

    @Test
    void theyFollowAQueryTheRedirectUriAlreadyHas() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?tenant=1&code=c1"),
                query.reply("https://app.example.edu/cb?tenant=1", params("code", "c1")));
    }

    @Test
    void valuesArePercentEncodedWithSpacesAsPercent20() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?error=invalid_request"
                        + "&error_description=a%20b%26c%3Dd%2Be%23f&state=%E4%B8%AD%2F"),
                query.reply("https://app.example.edu/cb", params("error", "invalid_request",
                        "error_description", "a b&c=d+e#f", "state", "中/")));
    }

    @Test
    void missingValuesAreLeftOut() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb?state=s1"),
                query.reply("https://app.example.edu/cb", params("code", null, "state", "s1")));
    }

    @Test
    void withoutParametersTheRedirectUriIsUnchanged() {
        assertEquals(new FrontChannelReply.Redirect("https://app.example.edu/cb"),
                query.reply("https://app.example.edu/cb", Map.of()));
    }

    @Test
    void isNamedAsRequestsSpellIt() {
        assertEquals("query", query.name());
    }
}
