package edu.lanyard.projection.coldstart;

import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.StoreMaps;
import edu.lanyard.core.token.AccessTokenRecord;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import javax.sql.DataSource;

/** Unexpired, unrevoked access tokens of families that are not revoked. */
final class AccessTokenLoader extends ProjectionLoader {
    AccessTokenLoader(DataSource database, ColdStartWindow window, Clock clock) {
        super(database, window, clock);
    }

    @Override
    MissPolicy missPolicy() {
        return MissPolicy.FENCE_TO_RESTART;
    }

    @Override
    String mapName() {
        return StoreMaps.ACCESS_TOKENS;
    }

    @Override
    String query() {
        return """
                select t.token_hash, t.grant_id, t.client_id, t.subject, t.username, t.scope, t.grant_type,
                       t.session_id, t.format, extract(epoch from t.issued_at)::bigint,
                       extract(epoch from t.expires_at)::bigint, t.claims
                  from p cross join projection.tokens t
                  left join projection.grants g on g.grant_id = t.grant_id and g.revoked_at is not null
                 where t.kind = 'access_token' and t.revoked_at is null and g.grant_id is null
                   and t.expires_at > p.now and t.issued_at < p.epoch
                   and t.token_hash = any(p.keys)""";
    }

    @Override
    MetadataAwareValue<String> value(ResultSet row) throws SQLException {
        long expiresAt = row.getLong(11);
        AccessTokenRecord token = new AccessTokenRecord(row.getString(2), row.getString(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8), row.getString(9),
                row.getLong(10), expiresAt, row.getString(12));
        return expiringAt(Jsons.write(token), expiresAt);
    }
}
