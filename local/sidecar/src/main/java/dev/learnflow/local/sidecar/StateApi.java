package dev.learnflow.local.sidecar;

import dev.learnflow.local.sidecar.api.ApiException;
import dev.learnflow.local.sidecar.config.ComponentSpec;
import dev.learnflow.local.sidecar.resiliency.Failures;
import dev.learnflow.local.sidecar.resiliency.Resiliency;
import dev.learnflow.local.sidecar.state.Deadline;
import dev.learnflow.local.sidecar.state.ETagException;
import dev.learnflow.local.sidecar.state.StateQuery;
import dev.learnflow.local.sidecar.state.StateStore;
import io.grpc.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The state API over this sidecar's state store components, with daprd's key prefixes and errors. Every operation
 * runs under the store's outbound resiliency policy, as in daprd: a single-key save or delete that fails its ETag
 * check is not retried (but counts for a circuit breaker); every other failure, state.postgresql's "no item was
 * updated" first-write conflict and conflicts inside a transaction included, is retried by the policy.
 */
public final class StateApi {

    private final String appId;
    private final String namespace;
    private final Map<String, StateStore> stores;
    private final Map<String, ComponentSpec> specs;
    private final Executor executor;
    private final Resiliency resiliency;

    StateApi(String appId, String namespace, Map<String, StateStore> stores, Map<String, ComponentSpec> specs,
             Executor executor, Resiliency resiliency) {
        this.appId = appId;
        this.namespace = namespace;
        this.stores = stores;
        this.specs = specs;
        this.executor = executor;
        this.resiliency = resiliency;
    }

    public StateStore store(String name) {
        if (stores.isEmpty()) {
            throw new ApiException(500, Status.Code.FAILED_PRECONDITION, "ERR_STATE_STORE_NOT_CONFIGURED",
                    "state store is not configured");
        }
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("ERR_STATE_STORE_NOT_FOUND", "state store name is empty");
        }
        StateStore s = stores.get(name);
        if (s == null) {
            throw ApiException.badRequest("ERR_STATE_STORE_NOT_FOUND", "state store " + name + " is not found");
        }
        return s;
    }

    /** The key as stored: daprd's keyPrefix strategy (appid by default) + "||" + key. */
    public String storedKey(String storeName, String key) {
        if (key == null || key.isEmpty()) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "key is empty");
        }
        if (key.contains("||")) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "input key/keyPrefix '" + key
                    + "' can't contain '||'");
        }
        ComponentSpec spec = specs.get(storeName);
        String strategy = spec == null ? "appid" : spec.get("keyPrefix", "appid");
        String prefix = switch (strategy.toLowerCase(java.util.Locale.ROOT)) {
            case "appid" -> appId;
            case "name" -> storeName;
            case "namespace" -> namespace + "." + appId;
            case "none" -> "";
            default -> strategy;
        };
        return prefix.isEmpty() ? key : prefix + "||" + key;
    }

    /** The key as the app sees it. */
    public String appKey(String storedKey) {
        int i = storedKey.lastIndexOf("||");
        return i < 0 ? storedKey : storedKey.substring(i + 2);
    }

    private interface Op<T> {
        T run() throws Exception;
    }

    /** One store operation under the store's outbound policy (each attempt on the executor). */
    private <T> CompletableFuture<T> guarded(String storeName, Op<T> op) {
        var policy = resiliency.componentOutbound(storeName, Resiliency.ComponentKind.STATESTORE);
        return policy.run(attempt -> {
            // Taken before the policy starts its timer, so the store's cancellation comes first.
            Long end = Deadline.after(policy.timeout());
            return async(() -> Deadline.until(end, op::run));
        });
    }

    /** daprd's PerformBulkStoreOperation: an ETag failure cannot be retried. */
    private static <T> T etagIsPermanent(Op<T> op) throws Exception {
        try {
            return op.run();
        } catch (ETagException e) {
            throw new Failures.Permanent(e);
        }
    }

    private <T> CompletableFuture<T> async(Op<T> op) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return op.run();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, executor);
    }

    public CompletableFuture<StateStore.Entry> get(String storeName, String key) {
        StateStore s = store(storeName);
        String k = storedKey(storeName, key);
        return guarded(storeName, () -> s.get(k)).exceptionally(e -> {
            throw error(e, "ERR_STATE_GET", "fail to get " + key + " from state store " + storeName + ": ");
        });
    }

    public CompletableFuture<List<StateStore.Entry>> bulkGet(String storeName, List<String> keys) {
        StateStore s = store(storeName);
        List<String> stored = new ArrayList<>();
        for (String k : keys) {
            stored.add(storedKey(storeName, k));
        }
        return guarded(storeName, () -> {
            List<StateStore.Entry> out = new ArrayList<>();
            List<StateStore.Entry> found = s.bulkGet(stored);
            for (int i = 0; i < keys.size(); i++) {
                StateStore.Entry e = found.get(i);
                out.add(new StateStore.Entry(keys.get(i), e.value(), e.etag(), e.expires()));
            }
            return out;
        }).exceptionally(e -> {
            throw error(e, "ERR_STATE_BULK_GET", "failed getting state from state store " + storeName + ": ");
        });
    }

    public CompletableFuture<Void> save(String storeName, List<StateStore.Upsert> items) {
        StateStore s = store(storeName);
        List<StateStore.Upsert> prefixed = new ArrayList<>();
        for (StateStore.Upsert u : items) {
            prefixed.add(new StateStore.Upsert(storedKey(storeName, u.key()), u.value(), u.etag(), u.firstWrite(),
                    u.ttlSeconds()));
        }
        // A retry continues with the items not saved yet (daprd retries only the failed items of a bulk save).
        java.util.concurrent.atomic.AtomicInteger saved = new java.util.concurrent.atomic.AtomicInteger();
        return guarded(storeName, () -> etagIsPermanent(() -> {
            for (int i = saved.get(); i < prefixed.size(); i++) {
                s.set(prefixed.get(i));
                saved.incrementAndGet();
            }
            return (Void) null;
        })).exceptionally(e -> {
            throw error(e, "ERR_STATE_SAVE", "failed saving state in state store " + storeName + ": ");
        });
    }

    public CompletableFuture<Void> delete(String storeName, StateStore.Delete d) {
        StateStore s = store(storeName);
        StateStore.Delete prefixed = new StateStore.Delete(storedKey(storeName, d.key()), d.etag(), d.firstWrite());
        return guarded(storeName, () -> etagIsPermanent(() -> {
            s.delete(prefixed);
            return (Void) null;
        })).exceptionally(e -> {
            throw error(e, "ERR_STATE_DELETE", "failed deleting state with key " + d.key() + ": ");
        });
    }

    public CompletableFuture<Void> transact(String storeName, List<StateStore.Operation> ops) {
        StateStore s = store(storeName);
        List<StateStore.Operation> prefixed = new ArrayList<>();
        for (StateStore.Operation op : ops) {
            if (op instanceof StateStore.Upsert u) {
                prefixed.add(new StateStore.Upsert(storedKey(storeName, u.key()), u.value(), u.etag(), u.firstWrite(),
                        u.ttlSeconds()));
            } else {
                StateStore.Delete d = (StateStore.Delete) op;
                prefixed.add(new StateStore.Delete(storedKey(storeName, d.key()), d.etag(), d.firstWrite()));
            }
        }
        return guarded(storeName, () -> {
            s.transact(prefixed);
            return (Void) null;
        }).exceptionally(e -> {
            Throwable c = unwrap(e);
            throw ApiException.internal("ERR_STATE_TRANSACTION", "error while executing state transaction: "
                    + c.getMessage(), c);
        });
    }

    /** One query result as daprd returns it: the app's key, the value's JSON, the ETag. */
    public record QueryItem(String key, byte[] data, String etag) {
    }

    public record QueryResult(List<QueryItem> results, String token) {
    }

    /**
     * The state query API (alpha) under the store's outbound policy: daprd's QueryStateAlpha1. A store that cannot
     * query answers 500 ERR_STATE_STORE_NOT_SUPPORTED "state store does not support querying"; a malformed query
     * or a failing one 500 ERR_STATE_QUERY "state store {name} query failed: ..." (gRPC INTERNAL both).
     */
    public CompletableFuture<QueryResult> query(String storeName, String queryJson) {
        StateStore s = store(storeName);
        if (!s.features().contains("QUERY_API")) {
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_STATE_STORE_NOT_SUPPORTED",
                    "state store does not support querying");
        }
        StateQuery q;
        try {
            q = StateQuery.parse(queryJson);
        } catch (IllegalArgumentException e) {
            throw ApiException.internal("ERR_STATE_QUERY", "state store " + storeName + " query failed: "
                    + (e.getMessage().startsWith("failed to parse") ? "" : "failed to parse JSON query body: ")
                    + e.getMessage(), e);
        }
        return guarded(storeName, () -> s.query(q)).thenApply(page -> {
            List<QueryItem> items = new ArrayList<>();
            page.results().forEach(e -> items.add(new QueryItem(appKey(e.key()), e.value(), e.etag())));
            return new QueryResult(items, page.token());
        }).exceptionally(e -> {
            Throwable c = unwrap(e);
            if (c instanceof ApiException a) {
                throw a;
            }
            throw ApiException.internal("ERR_STATE_QUERY", "state store " + storeName + " query failed: "
                    + c.getMessage(), c);
        });
    }

    static Throwable unwrap(Throwable e) {
        Throwable c = e;
        while ((c instanceof java.util.concurrent.CompletionException
                || c instanceof java.util.concurrent.ExecutionException) && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    private static ApiException error(Throwable e, String code, String prefix) {
        Throwable c = unwrap(e);
        if (c instanceof ApiException a) {
            return a;
        }
        if (c instanceof ETagException etag) {
            return etag.kind() == ETagException.Kind.MISMATCH
                    ? new ApiException(409, Status.Code.ABORTED, code, prefix + c.getMessage(), c)
                    : new ApiException(400, Status.Code.INVALID_ARGUMENT, code, prefix + c.getMessage(), c);
        }
        return ApiException.internal(code, prefix + c.getMessage(), c);
    }

    /** Parses daprd's "ttlInSeconds" metadata. */
    public static Long ttl(Map<String, String> metadata) {
        String v = metadata == null ? null : metadata.get("ttlInSeconds");
        if (v == null || v.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(v.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "ttlInSeconds must be an integer: " + v);
        }
    }
}
