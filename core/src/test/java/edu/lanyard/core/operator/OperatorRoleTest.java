package edu.lanyard.core.operator;

import edu.lanyard.core.domain.User;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorRoleTest {
    private final OperatorRole role = new OperatorRole("lanyard-operator");

    private static User with(Map<String, Object> attributes) {
        return User.local("s-1", "alice", null, "Alice", null, null, attributes, Instant.EPOCH);
    }

    @Test
    void aRoleInTheRolesListLetsTheUserIn() {
        assertTrue(role.heldBy(with(Map.of("roles", List.of("staff", "lanyard-operator")))));
    }

    @Test
    void aDirectoryGroupListOrASingleStringCountsToo() {
        assertTrue(role.heldBy(with(Map.of("groups", List.of("lanyard-operator")))));
        assertTrue(role.heldBy(with(Map.of("roles", "lanyard-operator"))));
        assertTrue(role.heldBy(with(Map.of("roles", "staff, lanyard-operator"))));
    }

    @Test
    void otherRolesNoRolesAndLookAlikesAreRefused() {
        assertFalse(role.heldBy(with(Map.of())));
        assertFalse(role.heldBy(with(Map.of("roles", List.of("staff")))));
        assertFalse(role.heldBy(with(Map.of("roles", List.of("Lanyard-Operator")))), "names compare exactly");
        assertFalse(role.heldBy(with(Map.of("roles", "lanyard-operators"))));
        assertFalse(role.heldBy(with(Map.of("department", "lanyard-operator"))), "only roles and groups count");
        assertFalse(role.heldBy(null));
    }

    @Test
    void aDisabledOperatorIsNoOperator() {
        assertFalse(role.heldBy(with(Map.of("roles", List.of("lanyard-operator"))).withDisabled(true)));
    }

    @Test
    void theRoleIsConfigurableAndMustNameSomething() {
        assertTrue(new OperatorRole(" helpdesk ").heldBy(with(Map.of("roles", List.of("helpdesk")))));
        assertEquals("helpdesk", new OperatorRole("helpdesk").role());
        assertThrows(IllegalArgumentException.class, () -> new OperatorRole(" "));
    }
}
