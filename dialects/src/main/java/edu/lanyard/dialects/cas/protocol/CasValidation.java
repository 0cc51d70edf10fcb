package edu.lanyard.dialects.cas.protocol;

import java.util.List;
import java.util.Map;

/** The outcome of a ticket validation, before it is written in one of the protocol's shapes. */
public sealed interface CasValidation {

    /**
     * @param attributes the released attributes, each with its values in order; empty for none
     * @param pgtIou     the proxy-granting ticket IOU, or null
     * @param proxies    the proxies a proxy ticket went through, most recent first; empty for a service ticket
     * @param authTime   when the user typed credentials, epoch seconds
     */
    record Success(String user, Map<String, List<String>> attributes, String pgtIou, List<String> proxies,
                   long authTime)
            implements CasValidation {
        public Success {
            attributes = Map.copyOf(attributes);
            proxies = List.copyOf(proxies);
        }
    }

    /** @param description for the service's developer; never repeats the ticket */
    record Failure(CasErrorCode code, String description) implements CasValidation {
    }

    static Failure failure(CasErrorCode code, String description) {
        return new Failure(code, description);
    }
}
