package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.AuthorizationRequest;
import edu.lanyard.authorize.FrontChannelDialect;
import edu.lanyard.core.domain.Client;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static edu.lanyard.authorize.pipeline.Fixtures.PHP_SSO;
import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.request;
import static edu.lanyard.authorize.pipeline.Fixtures.trusted;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class DeliverAsProductDidTest {
    private final DeliverAsProductDid phpSso = new DeliverAsProductDid(PHP_SSO);

    private String deliveredMode(DeliverAsProductDid step, Client client, String responseType, String mode) {
        return continued(step.decide(trusted(client, request(responseType, mode)))).request().responseMode();
    }

    @ParameterizedTest
    @CsvSource({"QUERY, query", "BOTH, both", "FRAGMENT, fragment"})
    void implicitTokensGoWhereTheProductPutThemForThisClient(String delivery, String mode) {
        Client client = Fixtures.client().option("implicitDelivery", delivery).build();

        assertEquals(mode, deliveredMode(phpSso, client, "token", "fragment"));
    }

    @Test
    void theProductsDefaultPlaceIsUsedWithoutAClientSwitch() {
        assertEquals("query", deliveredMode(phpSso, Fixtures.client().build(), "token", "fragment"));
    }

    @ParameterizedTest
    @CsvSource({"code, query", "code, form_post", "id_token, fragment", "code id_token, fragment",
            "token, form_post"})
    void onlyAnAccessTokenInTheFragmentMoves(String responseType, String mode) {
        AuthorizationState state = trusted(Fixtures.client().build(), request(responseType, mode));

        assertSame(state, continued(phpSso.decide(state)));
    }

    @Test
    void theStandardDeliveryChangesNothing() {
        AuthorizationState state = trusted(Fixtures.client().build(), request("token", "fragment"));

        assertSame(state, continued(new DeliverAsProductDid(FrontChannelDialect.STANDARD).decide(state)));
    }

    @Test
    void theRestOfTheRequestIsKept() {
        AuthorizationRequest asked = request("code token", "fragment");

        AuthorizationRequest delivered = continued(phpSso.decide(trusted(Fixtures.client().build(), asked)))
                .request();

        assertEquals(asked.withResponseMode("query"), delivered);
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("product delivery", phpSso.name());
    }
}
