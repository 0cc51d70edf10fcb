package edu.lanyard.dialects.ketanyun;

import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDescriptor;

import java.util.List;

import static edu.lanyard.dialects.DialectEndpoint.get;
import static edu.lanyard.dialects.DialectEndpoint.getOrPost;
import static edu.lanyard.dialects.DialectEndpoint.post;

/** Ketanyun 科探云 SSO's fixed data (docs/products.md A). */
public final class KetanyunProduct {
    public static final String NAME = "ketanyun";

    /**
     * 32-hex tokens. The token endpoint routes GET too, so that it gets Oltu's invalid_request rather than a bare 405
     * (option {@code allowGet}). Imported clients: exact redirect URIs, {@code expires_in} 2000000, no rotation.
     */
    public static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(NAME, new TokenFormat.Hex32(),
            List.of(get("/oauth2/authorize")),
            List.of(getOrPost("/oauth2/token")),
            List.of(post("/oauth2/introspect")),
            List.of(),
            List.of(getOrPost("/logout")),
            new ClientProfile("exact", 2_000_000L, 2_592_000L, 300L, false));

    private KetanyunProduct() {
    }
}
