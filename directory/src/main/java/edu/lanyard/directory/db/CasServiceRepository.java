package edu.lanyard.directory.db;

import edu.lanyard.core.cas.CasService;
import edu.lanyard.core.json.Jsons;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;

import java.util.ArrayList;
import java.util.List;

/** CAS services in Postgres, each stored as its {@link CasService} JSON, in import order. */
public final class CasServiceRepository {
    private static final String UPSERT = "insert into cas_services (id, position, definition) values ($1, $2, $3)"
            + " on conflict (id) do update set position = excluded.position, definition = excluded.definition,"
            + " updated_at = now()";

    private final SqlClient sql;

    public CasServiceRepository(SqlClient sql) {
        this.sql = sql;
    }

    public Future<List<CasService>> findAll() {
        return sql.preparedQuery("select definition from cas_services order by position, id").execute()
                .map(rows -> {
                    List<CasService> services = new ArrayList<>();
                    for (Row row : rows) {
                        services.add(Jsons.read(row.getJsonObject("definition").encode(), CasService.class));
                    }
                    return services;
                });
    }

    /** Inserts or replaces each service; the list's order becomes the matching order. */
    public Future<Void> upsertAll(List<CasService> services) {
        if (services.isEmpty()) {
            return Future.succeededFuture();
        }
        List<Tuple> batch = new ArrayList<>();
        for (int i = 0; i < services.size(); i++) {
            CasService service = services.get(i);
            batch.add(Tuple.of(service.id(), i, new JsonObject(Jsons.write(service))));
        }
        return sql.preparedQuery(UPSERT).executeBatch(batch).mapEmpty();
    }
}
