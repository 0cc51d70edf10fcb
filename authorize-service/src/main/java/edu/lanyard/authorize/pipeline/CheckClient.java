package edu.lanyard.authorize.pipeline;

import edu.lanyard.authorize.page.ErrorKind;
import edu.lanyard.core.client.ClientLookup;
import edu.lanyard.core.domain.Client;

import java.util.Optional;

/** The request names a registered client. Without one there is no redirect URI to trust: errors are a page. */
public final class CheckClient implements ImmediateStep {
    private final ClientLookup clients;

    public CheckClient(ClientLookup clients) {
        this.clients = clients;
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
        Optional<Client> client = clients.find(clientId.get());
        if (client.isEmpty()) {
            return new StepResult.ShowErrorPage(ErrorKind.UNKNOWN_CLIENT, "invalid_client", "unknown client");
        }
        return new StepResult.Continue(state.withClient(client.get()));
    }
}
