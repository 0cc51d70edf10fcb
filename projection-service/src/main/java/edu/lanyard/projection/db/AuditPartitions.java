package edu.lanyard.projection.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The audit log's daily range partitions (UTC days), created when the first event of a day arrives and dropped
 * whole once the day falls out of the retention.
 */
public final class AuditPartitions {
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final String PREFIX = "audit_log_p";

    private final String schema;
    private final Set<LocalDate> known = new HashSet<>();

    public AuditPartitions(String schema) {
        this.schema = ProjectionSchema.checked(schema);
    }

    public static LocalDate day(Instant at) {
        return LocalDate.ofInstant(at, ZoneOffset.UTC);
    }

    /** Creates the partitions the given instants fall into, in its own short transaction; commits. */
    public void ensure(Connection connection, Collection<Instant> times) throws SQLException {
        Set<LocalDate> missing = new TreeSet<>();
        for (Instant at : times) {
            LocalDate day = day(at);
            if (!known.contains(day)) {
                missing.add(day);
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        known.addAll(existing(connection));
        missing.removeAll(known);
        try (Statement ddl = connection.createStatement()) {
            for (LocalDate day : missing) {
                ddl.execute("create table if not exists " + schema + "." + PREFIX + day.format(SUFFIX)
                        + " partition of " + schema + ".audit_log for values from ('" + day + "T00:00:00Z') to ('"
                        + day.plusDays(1) + "T00:00:00Z')");
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        known.addAll(missing);
    }

    /** Forgets what it knew, after the schema may have changed under it (a replay swapped tables in). */
    public void forget() {
        known.clear();
    }

    /** Drops every partition of a day before {@code firstKept}; answers how many. Commits. */
    public int dropBefore(Connection connection, LocalDate firstKept) throws SQLException {
        List<LocalDate> old = new ArrayList<>();
        for (LocalDate day : existing(connection)) {
            if (day.isBefore(firstKept)) {
                old.add(day);
            }
        }
        try (Statement ddl = connection.createStatement()) {
            for (LocalDate day : old) {
                ddl.execute("drop table if exists " + schema + "." + PREFIX + day.format(SUFFIX));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        }
        old.forEach(known::remove);
        return old.size();
    }

    private Set<LocalDate> existing(Connection connection) throws SQLException {
        Set<LocalDate> days = new HashSet<>();
        try (var query = connection.prepareStatement("""
                select c.relname from pg_inherits i
                  join pg_class c on c.oid = i.inhrelid
                  join pg_class p on p.oid = i.inhparent
                  join pg_namespace n on n.oid = p.relnamespace
                 where n.nspname = ? and p.relname = 'audit_log'""")) {
            query.setString(1, schema);
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    String name = rows.getString(1);
                    if (name.startsWith(PREFIX)) {
                        days.add(LocalDate.parse(name.substring(PREFIX.length()), SUFFIX));
                    }
                }
            }
        }
        return days;
    }
}
