package edu.lanyard.projection.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The Postgres schema that holds the projections. The live one is {@value #LIVE}; a replay builds a copy next to
 * it and swaps it in by renaming, which readers see atomically.
 */
public final class ProjectionSchema {
    private static final String DEADLOCK_DETECTED = "40P01";
    private static final int DROP_ATTEMPTS = 5;
    public static final String LIVE = "projection";

    private ProjectionSchema() {
    }

    /** Schema names end up in SQL text, so only plain identifiers are accepted. */
    public static String checked(String schema) {
        if (schema == null || !schema.matches("[a-z_][a-z0-9_]{0,62}")) {
            throw new IllegalArgumentException("not a schema name: " + schema);
        }
        return schema;
    }

    /**
     * Creates {@code target} with empty copies of every table of the live schema (columns, defaults, constraints,
     * indexes, partitioning), so the copy follows whatever migrations did to the live tables.
     */
    public static void cloneEmpty(Connection connection, String target) throws SQLException {
        checked(target);
        List<String[]> tables = new ArrayList<>();
        try (var query = connection.prepareStatement("""
                select c.relname, case when c.relkind = 'p' then pg_get_partkeydef(c.oid) end
                  from pg_class c join pg_namespace n on n.oid = c.relnamespace
                 where n.nspname = ? and c.relkind in ('r', 'p') and not c.relispartition
                 order by c.relname""")) {
            query.setString(1, LIVE);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    tables.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
        }
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("create schema " + target);
            for (String[] table : tables) {
                String partitioning = table[1] == null ? "" : " partition by " + table[1];
                ddl.execute("create table " + target + "." + table[0] + " (like " + LIVE + "." + table[0]
                        + " including all)" + partitioning);
            }
        }
    }

    /**
     * Replaces the live schema with {@code replacement} in the caller's transaction. The caller holds the live
     * offsets table locked, so no projector commits in between; a projector's next batch then fails its offset
     * check against the new tables and resumes from their offsets. The old tables stay under {@code retiredName}
     * for {@link #dropRetired}: dropping them takes a lock on every table, which readers of the live schema (the
     * operator API, a projector batch) could be holding in another order, so it is no part of the swap.
     */
    public static void swapIn(Connection connection, String replacement, String retiredName) throws SQLException {
        checked(replacement);
        checked(retiredName);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("alter schema " + LIVE + " rename to " + retiredName);
            ddl.execute("alter schema " + replacement + " rename to " + LIVE);
        }
    }

    /**
     * Drops a schema retired by {@link #swapIn}, on its own autocommitted statement, again when Postgres broke a
     * deadlock with a reader of the retired tables by aborting the drop.
     *
     * @return whether it is gone
     */
    public static boolean dropRetired(Connection connection, String retiredName) throws SQLException {
        checked(retiredName);
        for (int attempt = 1; ; attempt++) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("drop schema if exists " + retiredName + " cascade");
                return true;
            } catch (SQLException e) {
                if (!DEADLOCK_DETECTED.equals(e.getSQLState()) || attempt == DROP_ATTEMPTS) {
                    if (DEADLOCK_DETECTED.equals(e.getSQLState())) {
                        return false;
                    }
                    throw e;
                }
            }
        }
    }

    public static void drop(Connection connection, String schema) throws SQLException {
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("drop schema if exists " + checked(schema) + " cascade");
        }
    }
}
