package edu.lanyard.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import edu.lanyard.core.config.LanyardConfig;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The names of a user's groups, which become the {@code roles} attribute: the groups the entry's memberOf names, and
 * those a group search finds. Groups within groups: Active Directory walks the chain itself
 * (LDAP_MATCHING_RULE_IN_CHAIN); elsewhere each level is searched in turn, at most {@code nestedDepth} levels, and a
 * group seen once is not searched again (so a cycle ends).
 */
final class GroupNames {
    /** Active Directory's transitive membership rule. */
    static final String IN_CHAIN = "1.2.840.113556.1.4.1941";
    private static final int MAX_GROUPS = 1000;

    private final LanyardConfig.LdapGroups config;
    private final boolean activeDirectory;

    GroupNames(LanyardConfig.LdapGroups config, boolean activeDirectory) {
        this.config = config;
        this.activeDirectory = activeDirectory;
    }

    boolean configured() {
        return !config.memberOfAttribute().isEmpty() || !config.searchBase().isEmpty();
    }

    List<String> of(Entry user, LDAPInterface directory) throws LDAPException {
        if (!configured()) {
            return List.of();
        }
        Set<String> groupDns = new LinkedHashSet<>();
        if (!config.memberOfAttribute().isEmpty()) {
            groupDns.addAll(ProfileMapping.values(user, config.memberOfAttribute()));
        }
        if (!config.searchBase().isEmpty()) {
            if (activeDirectory && config.nestedDepth() > 0) {
                groupDns.addAll(search(directory, inChainFilter(user.getDN())));
            } else {
                Deque<String> members = new ArrayDeque<>(List.of(user.getDN()));
                Set<String> searched = new LinkedHashSet<>();
                for (int level = 0; level <= config.nestedDepth() && !members.isEmpty(); level++) {
                    Deque<String> next = new ArrayDeque<>();
                    for (String member : members) {
                        if (!searched.add(normalized(member)) || groupDns.size() > MAX_GROUPS) {
                            continue;
                        }
                        for (String group : search(directory, memberFilter(member))) {
                            if (groupDns.add(group)) {
                                next.add(group);
                            }
                        }
                    }
                    members = next;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (String dn : groupDns) {
            String name = name(dn);
            if (name != null && !names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    Filter memberFilter(String memberDn) throws LDAPException {
        return Filter.create(config.searchFilter().replace("{dn}", Filter.encodeValue(memberDn)));
    }

    static Filter inChainFilter(String memberDn) {
        return Filter.createExtensibleMatchFilter("member", IN_CHAIN, false, memberDn);
    }

    private List<String> search(LDAPInterface directory, Filter filter) throws LDAPException {
        List<String> dns = new ArrayList<>();
        for (SearchResultEntry group : directory.search(config.searchBase(), SearchScope.SUB, filter, "1.1")
                .getSearchEntries()) {
            dns.add(group.getDN());
        }
        return dns;
    }

    /** A group's name is the value of its DN's first component: {@code cn=staff,ou=groups,…} is "staff". */
    private static String name(String dn) {
        try {
            RDN rdn = new DN(dn).getRDN();
            return rdn == null ? null : rdn.getAttributeValues()[0];
        } catch (LDAPException e) {
            return null;
        }
    }

    private static String normalized(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn;
        }
    }
}
