package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.domain.Client;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static edu.lanyard.authorize.pipeline.Fixtures.continued;
import static edu.lanyard.authorize.pipeline.Fixtures.page;
import static edu.lanyard.authorize.pipeline.Fixtures.params;
import static edu.lanyard.authorize.pipeline.Fixtures.received;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

class CheckClientTest {
    private final Client app = Fixtures.client().build();
    private final CheckClient step = new CheckClient(id -> id.equals("app") ? Optional.of(app) : Optional.empty());

    @Test
    void aKnownClientGoesOnWithTheRedirectUriStillUntrusted() {
        AuthorizationState next = continued(step.decide(received(params("client_id", "app"))));

        assertSame(app, next.client());
        assertFalse(next.redirectUriTrusted());
    }

    @Test
    void aMissingClientIdIsAPage() {
        StepResult.ShowErrorPage page = page(step.decide(received(params("response_type", "code"))));

        assertEquals(new StepResult.ShowErrorPage(ErrorKind.BAD_REQUEST, "invalid_request", "client_id is missing"),
                page);
    }

    @Test
    void aBlankClientIdCountsAsMissing() {
        assertEquals(ErrorKind.BAD_REQUEST, page(step.decide(received(params("client_id", "  ")))).kind());
    }

    @Test
    void anUnknownClientIsAPageNotARedirect() {
        StepResult.ShowErrorPage page = page(step.decide(received(params("client_id", "stranger",
                "redirect_uri", Fixtures.REDIRECT_URI))));

        assertEquals(new StepResult.ShowErrorPage(ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client"), page);
    }

    @Test
    void aDisabledClientLooksUnknownAPageNotARedirectEvenIgnoringCase() {
        Client off = app.withDisabled(true);
        StepResult.ShowErrorPage expected = new StepResult.ShowErrorPage(ErrorKind.UNKNOWN_CLIENT, "invalid_client",
                "unknown client");
        CheckClient exact = new CheckClient(id -> id.equals("app") ? Optional.of(off) : Optional.empty());
        CheckClient ignoringCase = new CheckClient(id -> id.equals("app") ? Optional.of(off) : Optional.empty(),
                true);

        assertEquals(expected, page(exact.decide(received(params("client_id", "app",
                "redirect_uri", Fixtures.REDIRECT_URI)))));
        assertEquals(expected, page(ignoringCase.decide(received(params("client_id", "app",
                "redirect_uri", Fixtures.REDIRECT_URI)))));
    }

    @Test
    void isNamedForTheTable() {
        assertEquals("check client", step.name());
    }
}
