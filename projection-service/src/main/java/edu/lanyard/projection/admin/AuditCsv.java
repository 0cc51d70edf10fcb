package edu.lanyard.projection.admin;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.List;

/**
 * Audit lines as CSV (RFC 4180) for a spreadsheet. A cell that a spreadsheet would read as a formula (it starts with
 * {@code = + - @}, a tab or a carriage return) is prefixed with an apostrophe: a user name is typed by anyone.
 */
final class AuditCsv {
    static final List<String> COLUMNS = List.of("at", "event_id", "event_type", "action", "result", "subject",
            "username", "client_id", "ip", "grant_id", "actor", "detail");

    private AuditCsv() {
    }

    static String of(JsonArray entries) {
        StringBuilder csv = new StringBuilder(String.join(",", COLUMNS)).append("\r\n");
        for (int i = 0; i < entries.size(); i++) {
            JsonObject entry = entries.getJsonObject(i);
            JsonObject detail = entry.getJsonObject("detail");
            for (int c = 0; c < COLUMNS.size(); c++) {
                String column = COLUMNS.get(c);
                Object value = switch (column) {
                    case "actor" -> detail == null ? null : detail.getValue("actor");
                    case "detail" -> detail == null ? null : detail.encode();
                    default -> entry.getValue(column);
                };
                if (c > 0) {
                    csv.append(',');
                }
                csv.append(cell(value == null ? "" : String.valueOf(value)));
            }
            csv.append("\r\n");
        }
        return csv.toString();
    }

    static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
