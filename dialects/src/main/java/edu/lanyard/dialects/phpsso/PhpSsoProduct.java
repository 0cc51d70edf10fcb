package edu.lanyard.dialects.phpsso;

import edu.lanyard.core.token.TokenFormat;
import edu.lanyard.dialects.ClientProfile;
import edu.lanyard.dialects.ProductDescriptor;

import java.util.List;

import static edu.lanyard.dialects.DialectEndpoint.getOrPost;

/** The PHP campus SSO's fixed data (docs/products.md E; an oauth2-php draft-10 server). */
public final class PhpSsoProduct {
    public static final String NAME = "phpsso";

    /** 32-hex tokens. Imported clients: prefix redirect URIs, 3600 s access tokens, 14-day refresh tokens, rotating. */
    public static final ProductDescriptor DESCRIPTOR = new ProductDescriptor(NAME, new TokenFormat.Hex32(),
            List.of(getOrPost("/authorize.php")),
            List.of(getOrPost("/token.php")),
            List.of(),
            List.of(getOrPost("/resource.php")),
            List.of(getOrPost("/logout.php")),
            new ClientProfile("prefix", 3_600L, 1_209_600L, 30L, true));

    private PhpSsoProduct() {
    }
}
