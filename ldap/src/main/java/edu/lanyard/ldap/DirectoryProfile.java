package edu.lanyard.ldap;

import edu.lanyard.core.domain.User;

import java.time.Instant;
import java.util.Map;

/**
 * What the directory says about one person, already mapped to Lanyard's fields: the local copy is made from it.
 *
 * @param dn          the entry's DN, what the password is bound as
 * @param directoryId the entry's own stable id (entryUUID, objectGUID) if it has one: the first copy's subject
 */
record DirectoryProfile(String dn, String directoryId, String username, String name, String email, String phone,
                        Map<String, Object> claims, Map<String, Object> attributes) {

    /** The local copy: origin DIRECTORY, no password hash, the subject already issued (or a new one). */
    User copy(String subject, Instant now) {
        return new User(subject, username, null, name, email, phone, attributes, claims, false,
                User.Origin.DIRECTORY, now);
    }
}
