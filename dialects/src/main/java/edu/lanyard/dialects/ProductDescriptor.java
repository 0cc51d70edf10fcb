package edu.lanyard.dialects;

import edu.lanyard.core.token.TokenFormat;

import java.util.List;

/**
 * A product's fixed data, the same on every mount: its dialect name, the token strings it mints, its endpoints
 * (relative to the mount prefix) and the defaults of the clients imported for it. Each product's package holds its
 * descriptor next to its dialect and options.
 *
 * @param tokenFormat      the token strings a mount mints unless an option changes them (CAS's host suffix)
 * @param importDefaults   what an imported client of the product gets when its entry leaves it out
 */
public record ProductDescriptor(String name, TokenFormat tokenFormat, List<DialectEndpoint> authorizeEndpoints,
                                List<DialectEndpoint> tokenEndpoints, List<DialectEndpoint> introspectionEndpoints,
                                List<DialectEndpoint> profileEndpoints, List<DialectEndpoint> logoutEndpoints,
                                ClientProfile importDefaults) {
    public ProductDescriptor {
        authorizeEndpoints = List.copyOf(authorizeEndpoints);
        tokenEndpoints = List.copyOf(tokenEndpoints);
        introspectionEndpoints = List.copyOf(introspectionEndpoints);
        profileEndpoints = List.copyOf(profileEndpoints);
        logoutEndpoints = List.copyOf(logoutEndpoints);
    }
}
