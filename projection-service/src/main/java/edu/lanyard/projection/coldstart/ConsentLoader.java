package edu.lanyard.projection.coldstart;

import edu.lanyard.core.event.ConsentGranted;
import edu.lanyard.core.store.StoreMaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Remembered consents by {@code subject|client_id}, the scopes space-separated as the sign-in flow keeps them. */
final class ConsentLoader extends ProjectionLoader {
    ConsentLoader(DataSource database, ColdStartWindow window) {
        super(database, window);
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
        return "select c.subject || '|' || c.client_id, array_to_string(c.scopes, ' '),"
                + " extract(epoch from c.last_granted_at)::bigint + " + ConsentGranted.LIFETIME_SECONDS
                + " from p cross join projection.consents c"
                + " where c.last_granted_at + make_interval(secs => " + ConsentGranted.LIFETIME_SECONDS + ") > p.now"
                + " and (p.keys is null or c.subject || '|' || c.client_id = any(p.keys))";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        return expiringAt(row.getString(2), row.getLong(3));
    }
}
