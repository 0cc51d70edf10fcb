package edu.lanyard.projection.db;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Builds {@code INSERT … ON CONFLICT DO UPDATE} statements whose update is the row merge of {@code rows.Merge}, so
 * writing a folded batch over what is already stored gives the same row as applying every event one by one.
 */
final class Upsert {
    enum Rule {
        /** Key column: never updated. */
        KEY,
        /** A fact fixed at creation: keep what is known. */
        KNOWN,
        EARLIEST,
        LATEST,
        /** A counter. */
        ADD,
        /** A sorted set of text, unioned. */
        UNION,
        /** The reason of an {@code Ending}; the column that follows is its time. */
        ENDING_REASON
    }

    /** @param type the Postgres type the parameter is cast to */
    record Column(String name, String type, Rule rule) {
    }

    private Upsert() {
    }

    static String sql(String table, List<Column> columns) {
        String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
        String values = columns.stream().map(c -> "?::" + c.type()).collect(Collectors.joining(", "));
        String keys = columns.stream().filter(c -> c.rule() == Rule.KEY).map(Column::name)
                .collect(Collectors.joining(", "));
        StringBuilder updates = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            if (column.rule() == Rule.KEY) {
                continue;
            }
            if (!updates.isEmpty()) {
                updates.append(", ");
            }
            String at = column.rule() == Rule.ENDING_REASON ? columns.get(i + 1).name() : null;
            updates.append(column.name()).append(" = ").append(merge(column, at));
        }
        return "insert into " + table + " as t (" + names + ") values (" + values + ") on conflict (" + keys
                + ") do update set " + updates;
    }

    private static String merge(Column column, String endingTime) {
        String n = column.name();
        return switch (column.rule()) {
            case KNOWN -> "coalesce(t." + n + ", excluded." + n + ")";
            // least/greatest ignore nulls, like Merge.earliest and Merge.latest
            case EARLIEST -> "least(t." + n + ", excluded." + n + ")";
            case LATEST -> "greatest(t." + n + ", excluded." + n + ")";
            case ADD -> "t." + n + " + excluded." + n;
            case UNION -> "array(select distinct (s collate \"C\") from unnest(t." + n + " || excluded." + n
                    + ") s order by 1)";
            case ENDING_REASON -> "case when excluded." + endingTime + " is null then t." + n
                    + " when t." + endingTime + " is null or excluded." + endingTime + " < t." + endingTime
                    + " then excluded." + n
                    + " when excluded." + endingTime + " > t." + endingTime + " then t." + n
                    + " else least(t." + n + " collate \"C\", excluded." + n + " collate \"C\") end";
            case KEY -> throw new IllegalArgumentException("key columns are not updated");
        };
    }
}
