package edu.lanyard.projection.rows;

import java.time.Instant;
import java.util.SortedSet;
import java.util.TreeSet;

/** The scopes a user has consented to for one client: the union of every consent, in byte order. */
public record ConsentRow(String subject, String clientId, SortedSet<String> scopes, Instant firstGrantedAt,
                         Instant lastGrantedAt) {

    public ConsentRow {
        scopes = new TreeSet<>(scopes);
    }

    public ConsentRow merge(ConsentRow other) {
        SortedSet<String> union = new TreeSet<>(scopes);
        union.addAll(other.scopes);
        return new ConsentRow(subject, clientId, union, Merge.earliest(firstGrantedAt, other.firstGrantedAt),
                Merge.latest(lastGrantedAt, other.lastGrantedAt));
    }

    public String key() {
        return subject + "|" + clientId;
    }
}
