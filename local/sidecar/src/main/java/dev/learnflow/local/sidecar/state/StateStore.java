package dev.learnflow.local.sidecar.state;

import java.util.List;

/**
 * A Dapr state store component (keys already carry daprd's prefix). ETag semantics follow the Dapr state API: a
 * write or delete with an ETag succeeds only if it matches the stored one; a first-write save without an ETag
 * succeeds only if the key does not exist yet; without an ETag a write is last-write-wins.
 */
public interface StateStore extends AutoCloseable {

    /** A stored value, its ETag, and when it expires (null: never), as daprd's {@code ttlExpireTime}. */
    record Entry(String key, byte[] value, String etag, java.time.Instant expires) {

        public Entry(String key, byte[] value, String etag) {
            this(key, value, etag, null);
        }

        /** daprd's response metadata for a stored value: {@code ttlExpireTime} (RFC 3339, UTC, seconds). */
        public java.util.Map<String, String> metadata() {
            return expires == null ? java.util.Map.of() : java.util.Map.of(TTL_EXPIRE_TIME,
                    java.time.format.DateTimeFormatter.ISO_INSTANT.format(
                            expires.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        }
    }

    /** The response metadata key daprd uses for a value's expiry. */
    String TTL_EXPIRE_TIME = "ttlExpireTime";

    /** A value to store: bytes, and whether those bytes are a JSON document to store as such. */
    record Value(byte[] bytes, boolean json) {
    }

    /** One operation of a save or transaction. */
    sealed interface Operation permits Upsert, Delete {
        String key();
    }

    record Upsert(String key, Value value, String etag, boolean firstWrite, Long ttlSeconds) implements Operation {
    }

    record Delete(String key, String etag, boolean firstWrite) implements Operation {
    }

    Entry get(String key) throws Exception;

    default List<Entry> bulkGet(List<String> keys) throws Exception {
        List<Entry> out = new java.util.ArrayList<>();
        for (String k : keys) {
            Entry e = get(k);
            out.add(e == null ? new Entry(k, null, null) : e);
        }
        return out;
    }

    /** The live entries whose keys start with {@code prefix} (the sidecar's own records, e.g. reminders). */
    List<Entry> getByPrefix(String prefix) throws Exception;

    void set(Upsert op) throws Exception;

    void delete(Delete op) throws Exception;

    /** Applies all operations atomically, or none. */
    void transact(List<Operation> ops) throws Exception;

    /** The store's feature list as daprd reports it in /v1.0/metadata. */
    List<String> features();

    /** One page of a state query: the rows (keys as stored), and the token of the next page ("" = none). */
    record QueryPage(List<Entry> results, String token) {
    }

    /**
     * Runs a state query (alpha API); stores without the QUERY_API feature refuse with
     * UnsupportedOperationException, as daprd does for components that are no Querier.
     */
    default QueryPage query(StateQuery query) throws Exception {
        throw new UnsupportedOperationException("state store does not support querying");
    }

    @Override
    default void close() {
    }
}
