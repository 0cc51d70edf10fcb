package edu.lanyard.projection.coldstart;

import edu.lanyard.core.store.StoreMaps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Family revocations that must still be remembered; the value is the reason, as GrantRevocations writes it. */
final class RevokedGrantLoader extends ProjectionLoader {
    RevokedGrantLoader(DataSource database, ColdStartWindow window, Clock clock) {
        super(database, window, clock);
    }

    @Override
    MissPolicy missPolicy() {
        return MissPolicy.AS_PROJECTED;
    }

    @Override
    String mapName() {
        return StoreMaps.REVOKED_GRANTS;
    }

    @Override
    String query() {
        return """
                select g.grant_id, coalesce(g.revoke_reason, 'revoked'),
                       extract(epoch from g.revocation_expires_at)::bigint
                  from p cross join projection.grants g
                 where g.revoked_at is not null and g.revocation_expires_at > p.now and g.revoked_at < p.epoch
                   and g.grant_id = any(p.keys)""";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        return expiringAt(row.getString(2), row.getLong(3));
    }
}
