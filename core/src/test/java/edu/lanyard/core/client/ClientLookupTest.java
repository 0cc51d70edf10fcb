package edu.lanyard.core.client;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ClientLookupTest {
    private static final SecretCheck SECRETS = (stored, presented) -> stored.equals("hash-of-" + presented);

    @Test
    void anIdIsFoundIgnoringCaseOnlyWhenAsked() {
        ClientLookup clients = lookup(confidential("ufsso_dcux_portal"));
        assertEquals(Optional.empty(), clients.find("UFSSO_DCUX_PORTAL"));
        assertEquals("ufsso_dcux_portal", clients.findIgnoringCase("UFSSO_DCUX_PORTAL").orElseThrow().clientId());
        assertEquals("ufsso_dcux_portal", clients.findIgnoringCase("ufsso_dcux_portal").orElseThrow().clientId());
    }

    @Test
    void anExactMatchWinsAndTwoIdsEqualButForCaseAreAmbiguous() {
        ClientLookup clients = lookup(confidential("portal"), confidential("Portal"));
        assertEquals("Portal", clients.findIgnoringCase("Portal").orElseThrow().clientId());
        assertEquals(Optional.empty(), clients.findIgnoringCase("PORTAL"));
    }

    @Test
    void theAuthenticatorFindsTheClientIgnoringCaseOnlyWhenTheMountSaysSo() {
        ClientAuthenticator authenticator = new ClientAuthenticator(lookup(confidential("portal")), SECRETS);
        PresentedCredentials upper = new PresentedCredentials("PORTAL", "s3cret",
                PresentedCredentials.Method.CLIENT_SECRET_POST);
        assertEquals("portal", authenticator.authenticate(upper, true).clientId());
        assertThrows(ClientAuthenticationException.class, () -> authenticator.authenticate(upper));
        assertThrows(ClientAuthenticationException.class, () -> authenticator.authenticate(
                new PresentedCredentials("PORTAL", "wrong", PresentedCredentials.Method.CLIENT_SECRET_POST), true));
    }

    @Test
    void aDisabledClientIsFoundForItsTokensButNeverAuthenticates() {
        Client off = confidential("portal").withDisabled(true);
        ClientLookup clients = lookup(off);
        assertEquals(Optional.of(off), clients.find("portal"), "its tokens still name a known client");
        assertEquals(Optional.empty(), clients.findEnabled("portal"));
        assertEquals(Optional.empty(), clients.findEnabled("PORTAL", true));

        ClientAuthenticator authenticator = new ClientAuthenticator(clients, SECRETS);
        PresentedCredentials right = new PresentedCredentials("portal", "s3cret",
                PresentedCredentials.Method.CLIENT_SECRET_BASIC);
        ClientAuthenticationException refused = assertThrows(ClientAuthenticationException.class,
                () -> authenticator.authenticate(right));
        assertEquals("invalid_client", refused.error().error());
        assertThrows(ClientAuthenticationException.class, () -> authenticator.authenticate(
                new PresentedCredentials("PORTAL", "s3cret", PresentedCredentials.Method.CLIENT_SECRET_POST), true));
        assertEquals("portal", new ClientAuthenticator(lookup(off.withDisabled(false)), SECRETS)
                .authenticate(right).clientId(), "enabled again, the same secret works");
    }

    @Test
    void aDisabledPublicClientIsRefusedToo() {
        Client off = confidential("spa").withSecretHash(null).withDisabled(true);
        ClientAuthenticator authenticator = new ClientAuthenticator(lookup(off), SECRETS);
        assertThrows(ClientAuthenticationException.class, () -> authenticator.authenticate(
                new PresentedCredentials("spa", null, PresentedCredentials.Method.NONE)));
    }

    private static ClientLookup lookup(Client... registered) {
        List<Client> all = List.of(registered);
        return new ClientLookup() {
            @Override
            public Optional<Client> find(String clientId) {
                return all.stream().filter(c -> c.clientId().equals(clientId)).findFirst();
            }

            @Override
            public Collection<Client> all() {
                return all;
            }
        };
    }

    private static Client confidential(String id) {
        return new Client(id, id, "hash-of-s3cret", List.of("https://app.example.edu/cb"), RedirectUriMatch.EXACT,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of("openid"), 3600, 86400, 60, AccessTokenFormat.OPAQUE,
                true, false, "RS256", List.of(), "standard", Map.of());
    }
}
