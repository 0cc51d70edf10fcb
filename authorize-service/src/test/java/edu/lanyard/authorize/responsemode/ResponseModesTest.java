package edu.lanyard.authorize.responsemode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

class ResponseModesTest {

    @Test
    void eachNameHasItsStrategy() {
        assertInstanceOf(QueryResponseMode.class, ResponseModes.named("query"));
        assertInstanceOf(FragmentResponseMode.class, ResponseModes.named("fragment"));
        assertInstanceOf(FormPostResponseMode.class, ResponseModes.named("form_post"));
        assertInstanceOf(QueryAndFragmentResponseMode.class, ResponseModes.named("both"));
    }

    @Test
    void anUnknownOrMissingNameIsTheQuery() {
        assertInstanceOf(QueryResponseMode.class, ResponseModes.named("web_message"));
        assertInstanceOf(QueryResponseMode.class, ResponseModes.named(null));
    }

    @Test
    void aRequestMayNotAskForTheProductsBoth() {
        assertEquals(Set.of("query", "fragment", "form_post"), ResponseModes.REQUESTABLE);
    }

    @ParameterizedTest
    @CsvSource({"code, query", "token, fragment", "id_token, fragment", "code id_token, fragment",
            "bogus, query", "'', query"})
    void theDefaultIsTheFragmentOnceATokenIsInTheResponse(String responseTypes, String mode) {
        assertEquals(mode, ResponseModes.defaultFor(Set.of(responseTypes.split(" "))));
    }
}
