package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDescriptor;

import java.util.List;

import static edu.lanyard.dialects.DialectEndpoint.getOrPost;

/**
 * MaxKey 马克思的钥匙's fixed data (docs/products.md C) and its {@code /api/sso} derivative's (B). Both path families
 * of MaxKey are served under each of its prefixes ({@code /sign}, {@code /maxkey}).
 */
public final class MaxKeyProduct {
    public static final String NAME = "maxkey";
    public static final String AUTHZ_NAME = "authz";

    /** Imported clients of both: prefix redirect URIs, 12 h access tokens, 180 s codes, no rotation. */
    private static final ClientProfile IMPORT_DEFAULTS = new ClientProfile("prefix", 43_200L, 2_592_000L, 180L, false);

    public static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(NAME, new TokenFormat.UuidV4(),
            List.of(getOrPost("/oauth/v20/authorize"), getOrPost("/authz/oauth/v20/authorize"),
                    getOrPost("/oauth2/authorize")),
            List.of(getOrPost("/oauth/v20/token"), getOrPost("/authz/oauth/v20/token"), getOrPost("/oauth2/token")),
            List.of(),
            List.of(getOrPost("/api/oauth/v20/me")),
            List.of(getOrPost("/force/logout")),
            IMPORT_DEFAULTS);

    /** The derivative: MaxKey 3.5–4.0's paths only, with the userinfo also at {@code /authz/oauth/v20/me}. */
    public static final ProductDescriptor AUTHZ_DESCRIPTOR = new ProductDescriptor(AUTHZ_NAME,
            new TokenFormat.UuidV4(),
            List.of(getOrPost("/authz/oauth/v20/authorize")),
            List.of(getOrPost("/authz/oauth/v20/token")),
            List.of(),
            List.of(getOrPost("/authz/oauth/v20/me"), getOrPost("/api/oauth/v20/me")),
            List.of(getOrPost("/force/logout")),
            IMPORT_DEFAULTS);

    private MaxKeyProduct() {
    }
}
