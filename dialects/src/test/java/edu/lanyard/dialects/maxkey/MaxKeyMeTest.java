package edu.lanyard.dialects.maxkey;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import edu.lanyard.core.domain.User;
import edu.lanyard.core.token.ActiveToken;
import edu.lanyard.core.token.TokenKind;
import edu.lanyard.dialects.ProfileSource;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** docs/dialects.md C.0/C.4: the superset {@code /me}, what each key holds, and the per-version key sets. */
class MaxKeyMeTest {
    private static final User USER = User.local("sub-7f3a", "alice", null, "Alice Zhang", "alice@campus.edu",
            "13800000000", Map.of("gender", "female", "workRegion", "浙江-杭州", "employeeNumber", "E-42"),
            Instant.parse("2024-03-05T01:02:03Z"));
    private static final ActiveToken TOKEN = new ActiveToken(TokenKind.ACCESS_TOKEN, "h", "grant-1", "app",
            "sub-7f3a", "alice", "read", "authorization_code", "session-1", 0, 0);
    private final MaxKeyDialect dialect = new MaxKeyDialect("/sign", MaxKeyOptions.SCHEMA.forMount("t",
            Map.of("timeZone", "Asia/Shanghai")));

    private Map<String, Object> me(Map<String, Object> clientOptions) {
        return dialect.profile(new ProfileSource(USER, TOKEN, Optional.of(client(clientOptions))));
    }

    @Test
    void theSupersetInTheAdaptersOrderWithTheUserIdInUid() {
        Map<String, Object> me = me(Map.of());
        assertEquals(List.of("randomId", "uid", "userId", "user", "username", "displayName", "realname",
                "employeeNumber", "email", "mobile", "birthday", "departmentId", "department", "createdate", "title",
                "state", "gender", "institution", "online_ticket"), List.copyOf(me.keySet()));
        assertEquals("sub-7f3a", me.get("uid"), "uid is MaxKey's user id, not the login name");
        assertEquals("sub-7f3a", me.get("userId"));
        assertEquals("alice", me.get("username"));
        assertEquals("alice", me.get("user"));
        assertEquals(2, me.get("gender"), "MaxKey's integer: 1 male, 2 female");
        assertEquals("浙江-杭州", me.get("state"), "state is the work region");
        assertEquals("2024-03-05 09:02:03", me.get("createdate"), "yyyy-MM-dd HH:mm:ss in the mount's zone");
        assertEquals("E-42", me.get("employeeNumber"));
    }

    @Test
    void aUserIdAttributeWinsOverTheSubjectAndAMappingMayRedirectUid() {
        User imported = new User(USER.subject(), USER.username(), null, USER.name(), USER.email(), USER.phone(),
                Map.of("userId", "10086"), Map.of(), false, User.Origin.LOCAL, USER.createdAt());
        Map<String, Object> me = dialect.profile(new ProfileSource(imported, TOKEN, Optional.of(client(Map.of()))));
        assertEquals("10086", me.get("uid"));
        assertEquals("10086", me.get("userId"));
        assertEquals("alice", me(Map.of("attributeMapping", Map.of("uid", "username"))).get("uid"),
                "a client written against the seed's reading may keep the login name in uid");
    }

    @Test
    void eachVersionSendsItsOwnKeys() {
        assertEquals(List.of("randomId", "uid", "username", "realname", "employeeNumber", "email", "mobile",
                        "birthday", "department", "createdate", "title", "state", "gender", "online_ticket"),
                List.copyOf(me(Map.of("meKeys", "v2")).keySet()));
        assertEquals(true, me(Map.of("meKeys", "v27")).containsKey("user"));
        Map<String, Object> v29 = me(Map.of("meKeys", "V29"));
        assertEquals(false, v29.containsKey("uid"), "2.9 renamed uid to userId");
        assertEquals("sub-7f3a", v29.get("userId"));
        assertEquals(false, v29.containsKey("institution"));
        assertEquals(true, me(Map.of("meKeys", "v33")).containsKey("institution"));
        Map<String, Object> v35 = me(Map.of("meKeys", "v35"));
        assertEquals(true, v35.containsKey("displayName"));
        assertEquals(18, v35.size());
    }

    @Test
    void anUnknownVersionIsAnImportError() {
        assertEquals(List.of("client app: option \"meKeys\" must be one of superset, v2, v27, v29, v33, v35,"
                + " not \"v4\""), MaxKeyOptions.SCHEMA.clientProblems("client app", Map.of("meKeys", "v4")));
    }

    @Test
    void genderAsMaxKeyEncodedIt() {
        assertEquals(1, MaxKeyDialect.gender("男"));
        assertEquals(1, MaxKeyDialect.gender("M"));
        assertEquals(2, MaxKeyDialect.gender("2"));
        assertEquals(0, MaxKeyDialect.gender(null));
        assertEquals(0, MaxKeyDialect.gender("other"));
    }

    private static Client client(Map<String, Object> options) {
        return new Client("app", "app", "hash", List.of("https://app.example/cb"), RedirectUriMatch.EXACT,
                Set.of(GrantType.AUTHORIZATION_CODE), List.of(), 60, 60, 60, AccessTokenFormat.OPAQUE, false, false,
                "RS256", List.of(), "maxkey", options);
    }

    static ZoneId zone() {
        return ZoneId.of("Asia/Shanghai");
    }
}
