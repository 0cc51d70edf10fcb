package edu.lanyard.projection.coldstart;

import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.session.SessionRecord;
import edu.lanyard.core.store.StoreMaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/**
 * SSO sessions that have not ended, by cookie hash. Using a session is not an event, but every use issues a code or
 * a token in the session, so the session's last activity is the latest family started in it; the session lives
 * for its idle timeout after that, never past its absolute end.
 */
final class SessionLoader extends ProjectionLoader {
    static final String ACTIVE_SESSIONS = """
              from p cross join projection.sessions s
              cross join lateral (
                  select least(s.absolute_expires_at,
                               greatest(s.started_at, max(g.first_seen_at), max(g.last_issued_at))
                               + make_interval(secs => s.idle_seconds)) as expires_at
                    from projection.grants g where g.session_id = s.sid) live
             where s.ended_at is null and s.sid is not null and s.started_at < p.epoch
               and live.expires_at > p.now""";

    SessionLoader(DataSource database, ColdStartWindow window, Clock clock) {
        super(database, window, clock);
    }

    @Override
    MissPolicy missPolicy() {
        return MissPolicy.FENCE_TO_RESTART;
    }

    @Override
    String mapName() {
        return StoreMaps.SESSIONS;
    }

    @Override
    String query() {
        return "select s.session_hash, s.sid, s.subject, s.username, s.auth_time,"
                + " extract(epoch from s.absolute_expires_at)::bigint, extract(epoch from live.expires_at)::bigint"
                + ACTIVE_SESSIONS + " and s.session_hash = any(p.keys)";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        SessionRecord session = new SessionRecord(row.getString(2), row.getString(3), row.getString(4),
                row.getLong(5), row.getLong(6));
        return expiringAt(Jsons.write(session), row.getLong(7));
    }
}
