package dev.learnflow.local.sidecar.state;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * state.in-memory: a map with daprd's ETag rules and TTLs. One instance is shared by all sidecars of a registry
 * under the same component name, so data survives a sidecar restart inside one process.
 */
public final class InMemoryStateStore implements StateStore {

    private record Stored(byte[] value, String etag, Instant expires) {
    }

    private final Map<String, Stored> data = new HashMap<>();
    private final AtomicLong etags = new AtomicLong();

    @Override
    public synchronized Entry get(String key) {
        Stored s = live(key);
        return s == null ? null : new Entry(key, s.value(), s.etag(), s.expires());
    }

    @Override
    public synchronized List<Entry> getByPrefix(String prefix) {
        List<Entry> out = new java.util.ArrayList<>();
        for (String key : data.keySet()) {
            Stored s = key.startsWith(prefix) ? live(key) : null;
            if (s != null) {
                out.add(new Entry(key, s.value(), s.etag(), s.expires()));
            }
        }
        return out;
    }

    @Override
    public synchronized void set(Upsert op) throws ETagException {
        check(op);
        apply(op);
    }

    @Override
    public synchronized void delete(Delete op) throws ETagException {
        check(op);
        apply(op);
    }

    @Override
    public synchronized void transact(List<Operation> ops) throws ETagException {
        // Validate against the state as the earlier operations of the transaction leave it.
        Map<String, Stored> snapshot = new HashMap<>(data);
        try {
            for (Operation op : ops) {
                check(op);
                apply(op);
            }
        } catch (ETagException | RuntimeException e) {
            data.clear();
            data.putAll(snapshot);
            throw e;
        }
    }

    @Override
    public List<String> features() {
        return List.of("ETAG", "TRANSACTIONAL", "TTL");
    }

    private Stored live(String key) {
        Stored s = data.get(key);
        if (s != null && s.expires() != null && !s.expires().isAfter(Instant.now())) {
            data.remove(key);
            return null;
        }
        return s;
    }

    private void check(Operation op) throws ETagException {
        Stored current = live(op.key());
        String etag = op instanceof Upsert u ? u.etag() : ((Delete) op).etag();
        if (etag != null && !etag.isEmpty()) {
            try {
                Long.parseLong(etag);
            } catch (NumberFormatException e) {
                throw ETagException.invalid(etag);
            }
            if (current == null || !current.etag().equals(etag)) {
                throw ETagException.mismatch(op.key());
            }
        } else if (op instanceof Upsert u && u.firstWrite() && current != null) {
            throw ETagException.mismatch(op.key());
        }
    }

    private void apply(Operation op) {
        if (op instanceof Upsert u) {
            Instant expires = u.ttlSeconds() == null || u.ttlSeconds() <= 0 ? null
                    : Instant.now().plusSeconds(u.ttlSeconds());
            data.put(u.key(), new Stored(u.value().bytes().clone(), Long.toString(etags.incrementAndGet()), expires));
        } else {
            data.remove(op.key());
        }
    }
}
