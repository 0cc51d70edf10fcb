package edu.lanyard.core.cas;

import java.util.List;

/**
 * What a service or proxy ticket stands for, stored under the ticket's hash until validated or expired. Its
 * components are the stored form: renaming one breaks the tickets issued by a node of another version.
 *
 * @param service      the service URL it was issued for, compared exactly at validation
 * @param serviceId    the registered service's id
 * @param sid          the SSO session it was issued in (for single logout)
 * @param fromNewLogin issued right after the user typed credentials (what {@code renew=true} validation needs)
 * @param authTime     when the user last typed credentials, epoch seconds
 * @param proxies      for a proxy ticket, the proxy callback URLs, most recent first; empty for a service ticket
 */
public record ServiceTicketRecord(String service, String serviceId, String subject, String username, String sid,
                                  boolean fromNewLogin, long authTime, long expiresAt, List<String> proxies) {
    public ServiceTicketRecord {
        proxies = proxies == null ? List.of() : List.copyOf(proxies);
    }

    public boolean viaProxy() {
        return !proxies.isEmpty();
    }
}
