package edu.lanyard.projection.db;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;

/** Binds Java values to parameters that the SQL casts to their column type ({@code ?::timestamptz} …). */
final class Params {
    private Params() {
    }

    static void bind(PreparedStatement statement, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            int index = i + 1;
            if (value == null) {
                statement.setNull(index, Types.VARCHAR);
            } else if (value instanceof Instant instant) {
                statement.setString(index, instant.toString());
            } else if (value instanceof Long number) {
                statement.setLong(index, number);
            } else if (value instanceof Integer number) {
                statement.setInt(index, number);
            } else if (value instanceof Collection<?> texts) {
                statement.setArray(index, statement.getConnection().createArrayOf("text", texts.toArray()));
            } else {
                statement.setString(index, value.toString());
            }
        }
    }
}
