package edu.lanyard.core.cas;

import java.util.List;

/**
 * A proxy-granting ticket: the user's authentication handed to a proxy, whose callback URL heads {@code proxies}.
 * Its components are the stored form.
 */
public record ProxyGrantingTicketRecord(String subject, String username, String sid, long authTime, long expiresAt,
                                        List<String> proxies) {
    public ProxyGrantingTicketRecord {
        proxies = List.copyOf(proxies);
    }
}
