package edu.lanyard.directory.db;

import edu.lanyard.core.domain.AccessTokenFormat;
import edu.lanyard.core.domain.Client;
import edu.lanyard.core.domain.GrantType;
import edu.lanyard.core.domain.RedirectUriMatch;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Clients in Postgres. Bind it to a {@code Pool} for ordinary use, or to a {@code SqlConnection} inside a transaction.
 */
public final class ClientRepository {
    private static final String COLUMNS = "client_id, name, secret_hash, redirect_uris, redirect_uri_match, grant_types,"
            + " scopes, access_token_ttl, refresh_token_ttl, code_ttl, access_token_format, rotate_refresh_tokens,"
            + " require_consent, id_token_alg, post_logout_redirect_uris, dialect, options, resource_server, disabled";

    private static final String UPSERT = "insert into clients (" + COLUMNS + ")"
            + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)"
            + " on conflict (client_id) do update set name = excluded.name, secret_hash = excluded.secret_hash,"
            + " redirect_uris = excluded.redirect_uris, redirect_uri_match = excluded.redirect_uri_match,"
            + " grant_types = excluded.grant_types, scopes = excluded.scopes,"
            + " access_token_ttl = excluded.access_token_ttl, refresh_token_ttl = excluded.refresh_token_ttl,"
            + " code_ttl = excluded.code_ttl, access_token_format = excluded.access_token_format,"
            + " rotate_refresh_tokens = excluded.rotate_refresh_tokens, require_consent = excluded.require_consent,"
            + " id_token_alg = excluded.id_token_alg, post_logout_redirect_uris = excluded.post_logout_redirect_uris,"
            + " dialect = excluded.dialect, options = excluded.options, resource_server = excluded.resource_server,"
            + " disabled = excluded.disabled,"
            + " updated_at = now()";

    private final SqlClient sql;

    public ClientRepository(SqlClient sql) {
        this.sql = sql;
    }

    public Future<Optional<Client>> findById(String clientId) {
        return sql.preparedQuery("select " + COLUMNS + " from clients where client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> toClients(rows).stream().findFirst());
    }

    public Future<List<Client>> findByIds(Collection<String> clientIds) {
        return sql.preparedQuery("select " + COLUMNS + " from clients where client_id = any($1)")
                .execute(Tuple.tuple().addArrayOfString(clientIds.toArray(String[]::new)))
                .map(ClientRepository::toClients);
    }

    public Future<List<Client>> findAll() {
        return sql.preparedQuery("select " + COLUMNS + " from clients order by client_id")
                .execute()
                .map(ClientRepository::toClients);
    }

    /** Inserts or replaces the client; {@code created_at} is kept, {@code updated_at} set to now. */
    public Future<Void> upsert(Client client) {
        return sql.preparedQuery(UPSERT).execute(toTuple(client)).mapEmpty();
    }

    public Future<Void> upsertAll(List<Client> clients) {
        if (clients.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = clients.stream().map(ClientRepository::toTuple).toList();
        return sql.preparedQuery(UPSERT).executeBatch(batch).mapEmpty();
    }

    /** Disables or enables one client (its other settings untouched); false if there is no such client. */
    public Future<Boolean> setDisabled(String clientId, boolean disabled) {
        return sql.preparedQuery("update clients set disabled = $2, updated_at = now() where client_id = $1")
                .execute(Tuple.of(clientId, disabled))
                .map(rows -> rows.rowCount() > 0);
    }

    public Future<Boolean> delete(String clientId) {
        return sql.preparedQuery("delete from clients where client_id = $1")
                .execute(Tuple.of(clientId))
                .map(rows -> rows.rowCount() > 0);
    }

    private static Tuple toTuple(Client c) {
        JsonArray grantTypes = new JsonArray();
        c.grantTypes().stream().map(GrantType::wireName).sorted().forEach(grantTypes::add);
        return Tuple.from(new Object[] {
                c.clientId(),
                c.name(),
                c.secretHash(),
                new JsonArray(new ArrayList<>(c.redirectUris())),
                c.redirectUriMatch().name().toLowerCase(Locale.ROOT),
                grantTypes,
                new JsonArray(new ArrayList<>(c.scopes())),
                c.accessTokenTtl(),
                c.refreshTokenTtl(),
                c.codeTtl(),
                c.accessTokenFormat().name().toLowerCase(Locale.ROOT),
                c.rotateRefreshTokens(),
                c.requireConsent(),
                c.idTokenAlg(),
                new JsonArray(new ArrayList<>(c.postLogoutRedirectUris())),
                c.dialect(),
                new JsonObject(new LinkedHashMap<>(c.options())),
                c.resourceServer(),
                c.disabled()
        });
    }

    private static Client toClient(Row row) {
        return new Client(
                row.getString("client_id"),
                row.getString("name"),
                row.getString("secret_hash"),
                JsonValues.strings(row.getJsonArray("redirect_uris")),
                RedirectUriMatch.fromConfig(row.getString("redirect_uri_match")),
                grantTypes(row.getJsonArray("grant_types")),
                JsonValues.strings(row.getJsonArray("scopes")),
                row.getLong("access_token_ttl"),
                row.getLong("refresh_token_ttl"),
                row.getLong("code_ttl"),
                AccessTokenFormat.valueOf(row.getString("access_token_format").toUpperCase(Locale.ROOT)),
                row.getBoolean("rotate_refresh_tokens"),
                row.getBoolean("require_consent"),
                row.getString("id_token_alg"),
                JsonValues.strings(row.getJsonArray("post_logout_redirect_uris")),
                row.getString("dialect"),
                JsonValues.map(row.getJsonObject("options")),
                row.getBoolean("resource_server"),
                row.getBoolean("disabled"));
    }

    private static Set<GrantType> grantTypes(JsonArray wireNames) {
        Set<GrantType> types = EnumSet.noneOf(GrantType.class);
        for (String wireName : JsonValues.strings(wireNames)) {
            types.add(GrantType.fromWire(wireName)
                    .orElseThrow(() -> new IllegalStateException("unknown grant type in clients table: " + wireName)));
        }
        return types;
    }

    private static List<Client> toClients(RowSet<Row> rows) {
        List<Client> clients = new ArrayList<>(rows.size());
        rows.forEach(row -> clients.add(toClient(row)));
        return clients;
    }
}
