package edu.lanyard.dialects.cas.protocol;

import java.util.List;

/**
 * The CAS protocol's machine-to-machine endpoints under the CAS mount's prefix (its {@code /login} and
 * {@code /logout} are the CAS dialect's own). One list for the routes and for the Ingress check.
 */
public final class CasProtocolPaths {
    public static final String VALIDATE = "/validate";
    public static final String SERVICE_VALIDATE = "/serviceValidate";
    public static final String PROXY_VALIDATE = "/proxyValidate";
    public static final String P3_SERVICE_VALIDATE = "/p3/serviceValidate";
    public static final String P3_PROXY_VALIDATE = "/p3/proxyValidate";
    public static final String PROXY = "/proxy";
    public static final String SAML_VALIDATE = "/samlValidate";

    public static final List<String> ALL = List.of(VALIDATE, SERVICE_VALIDATE, PROXY_VALIDATE, P3_SERVICE_VALIDATE,
            P3_PROXY_VALIDATE, PROXY, SAML_VALIDATE);

    private CasProtocolPaths() {
    }
}
