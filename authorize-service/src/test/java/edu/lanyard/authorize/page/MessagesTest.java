package edu.lanyard.authorize.page;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class MessagesTest {

    @Test
    void bothLanguagesDefineTheSameKeys() {
        Messages en = Messages.of(UiLocale.EN);
        Messages zh = Messages.of(UiLocale.ZH_CN);
        assertEquals(new TreeSet<>(en.asMap().keySet()), new TreeSet<>(zh.asMap().keySet()));
    }

    @Test
    void noStringIsBlank() {
        for (UiLocale locale : UiLocale.values()) {
            Messages.of(locale).asMap().forEach((key, value) -> assertFalse(value.isBlank(), key));
        }
    }

    @Test
    void everyEnumHasItsMessages() {
        for (UiLocale locale : UiLocale.values()) {
            Messages messages = Messages.of(locale);
            Arrays.stream(LoginProblem.values()).forEach(problem -> messages.get(problem.messageKey()));
            Arrays.stream(ErrorKind.values()).forEach(kind -> {
                messages.get(kind.key() + "_title");
                messages.get(kind.key() + "_message");
            });
        }
    }

    @Test
    void chineseIsReadAsUtf8() {
        assertEquals("登录", Messages.of(UiLocale.ZH_CN).get("login_heading"));
    }

    @Test
    void unknownKeyFailsLoudly() {
        assertThrows(IllegalArgumentException.class, () -> Messages.of(UiLocale.EN).get("no_such_key"));
    }
}
