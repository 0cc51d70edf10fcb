package edu.lanyard.core.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a user may type as login name: the default, the environment override, a refused name. */
class LoginAttributesConfigTest {

    @Test
    void byDefaultUsernameEmailAndEmployeeNumber() {
        assertEquals(List.of("username", "email", "employeeNumber"),
                ConfigLoader.load(null, Map.of()).login().attributes());
    }

    @Test
    void theEnvironmentSetsTheList() {
        LanyardConfig config = ConfigLoader.load(null, Map.of("LANYARD_LOGIN_ATTRIBUTES", "username, phone,studentId"));
        assertEquals(List.of("username", "phone", "studentId"), config.login().attributes());
    }

    @Test
    void aNameThatCannotBeAnAttributeIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("LANYARD_LOGIN_ATTRIBUTES", "username,bad name")));
        assertTrue(e.getMessage().contains("login.attributes"), e.getMessage());
    }
}
