package edu.lanyard.dialects;

import edu.lanyard.core.client.PresentedCredentials;
import edu.lanyard.core.request.RequestParams;

/**
 * Client credentials as the servlet and PHP products read them: {@code client_id}/{@code client_secret} from the
 * merged parameters, and HTTP Basic only when no {@code client_id} parameter was sent (MaxKey's
 * TokenEndpointAuthenticationFilter; the others behave alike for every request an app of theirs sends).
 */
public final class ServletCredentials {
    private static final RequestParams NO_PARAMS = RequestParams.of(java.util.Map.of());

    private ServletCredentials() {
    }

    /** @param missingSecretIsEmpty MaxKey treats an absent secret as the empty string */
    public static PresentedCredentials read(String authorization, RequestParams params, boolean basicAllowed,
                                            boolean missingSecretIsEmpty) {
        String clientId = params.firstOrNull("client_id");
        if (clientId != null) {
            String secret = params.firstOrNull("client_secret");
            if (secret == null && missingSecretIsEmpty) {
                secret = "";
            }
            return new PresentedCredentials(clientId, secret, secret == null
                    ? PresentedCredentials.Method.NONE : PresentedCredentials.Method.CLIENT_SECRET_POST);
        }
        if (basicAllowed && authorization != null) {
            return PresentedCredentials.read(authorization, NO_PARAMS);
        }
        return new PresentedCredentials(null, null, PresentedCredentials.Method.NONE);
    }
}
