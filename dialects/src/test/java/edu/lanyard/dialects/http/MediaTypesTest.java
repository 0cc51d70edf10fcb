package edu.lanyard.dialects.http;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MediaTypesTest {
    @Test
    void formWithOrWithoutParametersAnyCase() {
        assertTrue(MediaTypes.isForm("application/x-www-form-urlencoded"));
        assertTrue(MediaTypes.isForm("application/x-www-form-urlencoded; charset=UTF-8"));
        assertTrue(MediaTypes.isForm("Application/X-WWW-Form-URLEncoded;charset=utf-8"));
        assertTrue(MediaTypes.isForm(" application/x-www-form-urlencoded "));
    }

    @Test
    void otherTypesAreNotForms() {
        assertFalse(MediaTypes.isForm("application/x-www-form-urlencoded-evil"));
        assertFalse(MediaTypes.isForm("application/json"));
        assertFalse(MediaTypes.isForm("multipart/form-data; boundary=x"));
        assertFalse(MediaTypes.isForm(""));
        assertFalse(MediaTypes.isForm(null));
        assertNull(MediaTypes.mediaType(";charset=utf-8"));
        assertEquals("text/plain", MediaTypes.mediaType("TEXT/Plain ; q=1"));
    }
}
