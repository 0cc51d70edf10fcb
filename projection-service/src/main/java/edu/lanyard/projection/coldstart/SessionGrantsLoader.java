package edu.lanyard.projection.coldstart;

import edu.lanyard.core.store.StoreMaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * The token families started in each SSO session (by public sid), comma-separated as Sessions keeps them, so that
 * a logout after a restart still revokes what the session issued.
 */
final class SessionGrantsLoader extends ProjectionLoader {
    SessionGrantsLoader(DataSource database, ColdStartWindow window, Clock clock) {
        super(database, window, clock);
    }

    @Override
    MissPolicy missPolicy() {
        return MissPolicy.FENCE_TO_RESTART;
    }

    @Override
    String mapName() {
        return StoreMaps.SESSION_GRANTS;
    }

    @Override
    String query() {
        return """
                select g.session_id,
                       string_agg(g.grant_id, ',' order by g.first_seen_at, g.grant_id),
                       extract(epoch from max(coalesce(g.expires_at, s.absolute_expires_at)))::bigint
                  from p cross join projection.grants g
                  left join projection.sessions s on s.sid = g.session_id
                 where g.session_id is not null and g.revoked_at is null and g.first_seen_at < p.epoch
                   and coalesce(g.expires_at, s.absolute_expires_at) > p.now
                   and g.session_id = any(p.keys)
                 group by g.session_id""";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        return expiringAt(row.getString(2), row.getLong(3));
    }
}
