package edu.lanyard.projection.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AuditCsvTest {
    @Test
    void oneLinePerEntryWithTheActorInAColumnOfItsOwn() {
        JsonArray entries = new JsonArray().add(new JsonObject().put("at", "2030-01-01T08:00:00Z")
                .put("event_id", "e1").put("event_type", "AccountUnlocked").put("action", "account_unlocked")
                .put("result", "success").put("subject", "s1").put("username", "lucy")
                .put("detail", new JsonObject().put("actor", "olga")));
        assertEquals("at,event_id,event_type,action,result,subject,username,client_id,ip,grant_id,actor,detail\r\n"
                + "2030-01-01T08:00:00Z,e1,AccountUnlocked,account_unlocked,success,s1,lucy,,,,olga,"
                + "\"{\"\"actor\"\":\"\"olga\"\"}\"\r\n", AuditCsv.of(entries));
    }

    @Test
    void cellsAreQuotedAndFormulasDefused() {
        assertEquals("plain", AuditCsv.cell("plain"));
        assertEquals("\"a,b\"", AuditCsv.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", AuditCsv.cell("say \"hi\""));
        assertEquals("'=HYPERLINK(1)", AuditCsv.cell("=HYPERLINK(1)"));
        assertEquals("'+1", AuditCsv.cell("+1"));
        assertEquals("'@x", AuditCsv.cell("@x"));
        assertEquals("\"line\nbreak\"", AuditCsv.cell("line\nbreak"));
    }
}
