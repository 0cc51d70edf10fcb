package edu.lanyard.cluster.store;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.EntryProcessor;
import com.hazelcast.map.ExtendedMapEntry;
import com.hazelcast.map.IMap;
import edu.lanyard.core.cas.ProxyGrantingTicketRecord;
import edu.lanyard.core.cas.ServiceTicketRecord;
import edu.lanyard.core.cas.SessionServiceEntry;
import edu.lanyard.core.json.Jsons;
import edu.lanyard.core.store.CasTickets;
import edu.lanyard.core.store.StoreMaps;
import io.vertx.core.Future;
import io.vertx.core.Vertx;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * CAS tickets in Hazelcast, keyed by hash, so a ticket issued on one node validates on any other. Taking a service
 * ticket is one {@code remove} on its partition owner: of two concurrent validations only one finds it.
 */
public final class HazelcastCasTickets implements CasTickets {
    private final Vertx vertx;
    private final Clock clock;
    private final IMap<String, String> tickets;
    private final IMap<String, String> granting;
    private final IMap<String, String> sessionServices;

    /** @param clock the clock the stored records' expiry times were computed with */
    public HazelcastCasTickets(Vertx vertx, HazelcastInstance hazelcast, Clock clock) {
        this.vertx = vertx;
        this.clock = clock;
        this.tickets = hazelcast.getMap(StoreMaps.CAS_TICKETS);
        this.granting = hazelcast.getMap(StoreMaps.CAS_GRANTING_TICKETS);
        this.sessionServices = hazelcast.getMap(StoreMaps.CAS_SESSION_SERVICES);
    }

    @Override
    public Future<Void> save(String hash, ServiceTicketRecord ticket) {
        return Async.onCaller(vertx, tickets.setAsync(hash, Jsons.write(ticket),
                TtlSeconds.until(ticket.expiresAt(), clock), TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<ServiceTicketRecord>> take(String hash) {
        return Async.onCaller(vertx, tickets.removeAsync(hash)).map(json -> Optional.ofNullable(json)
                .map(j -> Jsons.read(j, ServiceTicketRecord.class))
                // Hazelcast expires by the second; a ticket read in its last partial second is already over
                .filter(t -> t.expiresAt() > clock.instant().getEpochSecond()));
    }

    @Override
    public Future<Void> saveGranting(String hash, ProxyGrantingTicketRecord ticket) {
        return Async.onCaller(vertx, granting.setAsync(hash, Jsons.write(ticket),
                TtlSeconds.until(ticket.expiresAt(), clock), TimeUnit.SECONDS));
    }

    @Override
    public Future<Optional<ProxyGrantingTicketRecord>> granting(String hash) {
        return Async.onCaller(vertx, granting.getAsync(hash)).map(json -> Optional.ofNullable(json)
                .map(j -> Jsons.read(j, ProxyGrantingTicketRecord.class))
                .filter(t -> t.expiresAt() > clock.instant().getEpochSecond()));
    }

    @Override
    public Future<Void> removeGranting(String hash) {
        return Async.onCaller(vertx, granting.removeAsync(hash)).mapEmpty();
    }

    @Override
    public Future<Void> remember(String sid, SessionServiceEntry entry, long ttlSeconds) {
        return Async.onCaller(vertx, sessionServices.submitToKey(sid,
                new AddEntry(Jsons.write(entry), Math.max(1, ttlSeconds)))).mapEmpty();
    }

    @Override
    public Future<List<SessionServiceEntry>> takeSessionServices(String sid) {
        return Async.onCaller(vertx, sessionServices.removeAsync(sid))
                .map(json -> json == null ? List.of() : List.of(Jsons.read(json, SessionServiceEntry[].class)));
    }

    /** Runs on the partition owner: appends one entry to the session's JSON list and resets its lifetime. */
    record AddEntry(String entryJson, long keepSeconds) implements EntryProcessor<String, String, Void> {
        @Override
        public Void process(Map.Entry<String, String> entry) {
            List<SessionServiceEntry> list = entry.getValue() == null ? new ArrayList<>()
                    : new ArrayList<>(List.of(Jsons.read(entry.getValue(), SessionServiceEntry[].class)));
            list.add(Jsons.read(entryJson, SessionServiceEntry.class));
            ((ExtendedMapEntry<String, String>) entry).setValue(Jsons.write(list), keepSeconds, TimeUnit.SECONDS);
            return null;
        }
    }
}
