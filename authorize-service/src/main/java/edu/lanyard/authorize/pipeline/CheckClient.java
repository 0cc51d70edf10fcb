package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.Client;

import java.util.Optional;

/** The request names a registered client that is not disabled (a disabled one looks unknown). Without one there is no redirect URI to trust: errors are a page. */
public final class CheckClient implements ImmediateStep {
    private final ClientLookup clients;
    private final boolean ignoreCase;

    public CheckClient(ClientLookup clients) {
        this(clients, false);
    }

    /** @param ignoreCase find a client whose id differs only in case when none matches exactly (PHP SSO) */
    public CheckClient(ClientLookup clients, boolean ignoreCase) {
        this.clients = clients;
        this.ignoreCase = ignoreCase;
    }

    @Override
    public String name() {
        return "check client";
    }

    @Override
    public StepResult decide(AuthorizationState state) {
        Optional<String> clientId = state.params().first("client_id");
        if (clientId.isEmpty()) {
            return new StepResult.ShowErrorPage(ErrorKind.BAD_REQUEST, "invalid_request", "client_id is missing");
        }
        Optional<Client> client = clients.findEnabled(clientId.get(), ignoreCase);
        if (client.isEmpty()) {
            return new StepResult.ShowErrorPage(ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client");
        }
        return new StepResult.Continue(state.withClient(client.get()));
    }
}
