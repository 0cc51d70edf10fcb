package edu.lanyard.projection.coldstart;

import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.store.StoreMaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Remembered consents by {@code subject|client_id}, the scopes space-separated as the sign-in flow keeps them. */
final class ConsentLoader extends ProjectionLoader {
    ConsentLoader(DataSource database, ColdStartWindow window, Clock clock) {
        super(database, window, clock);
    }

    @Override
    MissPolicy missPolicy() {
        return MissPolicy.AS_PROJECTED;
    }

    @Override
    String mapName() {
        return StoreMaps.CONSENTS;
    }

    @Override
    String query() {
        // The key is split back into the primary key's columns so that a miss is an index lookup.
        return "select k.key, array_to_string(c.scopes, ' '),"
                + " extract(epoch from c.last_granted_at)::bigint + " + ConsentGranted.LIFETIME_SECONDS
                + " from p cross join unnest(p.keys) k(key)"
                + " join projection.consents c on c.subject = split_part(k.key, '|', 1)"
                + " and c.client_id = substr(k.key, length(split_part(k.key, '|', 1)) + 2)"
                + " where c.last_granted_at + make_interval(secs => " + ConsentGranted.LIFETIME_SECONDS + ") > p.now";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        return expiringAt(row.getString(2), row.getLong(3));
    }
}
