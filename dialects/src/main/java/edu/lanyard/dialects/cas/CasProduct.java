package edu.lanyard.dialects.cas;

import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDescriptor;

import java.util.List;

import static edu.lanyard.dialects.DialectEndpoint.get;
import static edu.lanyard.dialects.DialectEndpoint.getOrPost;

/** Apereo CAS's OAuth 2.0 fixed data (docs/products.md D). */
public final class CasProduct {
    public static final String NAME = "cas";

    /**
     * {@code OC-/AT-/RT-} tickets (a mount's {@code hostSuffix} option appends to them). Imported clients: the
     * service's regex, 28800 s access tokens, 72 h refresh tokens, 30 s codes, no rotation (CAS never rotated).
     */
    public static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(NAME, new TokenFormat.CasTicket(null),
            List.of(get("/oauth2.0/authorize"), get("/oauth2.0/callbackAuthorize")),
            List.of(getOrPost("/oauth2.0/accessToken"), getOrPost("/oauth2.0/token")),
            List.of(),
            List.of(getOrPost("/oauth2.0/profile")),
            List.of(getOrPost("/logout")),
            new ClientProfile("regex", 28_800L, 259_200L, 30L, false));

    private CasProduct() {
    }
}
