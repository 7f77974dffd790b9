package dev.learnflow.local.sidecar.actors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.AppChannel;
import dev.learnflow.local.sidecar.Json;
import dev.learnflow.local.sidecar.api.ApiException;
import dev.learnflow.local.sidecar.resiliency.Failures;
import dev.learnflow.local.sidecar.resiliency.Resiliency;
import dev.learnflow.local.sidecar.state.StateStore;
import io.grpc.Status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The actor runtime of one sidecar for the actor types its app hosts (daprd's actor runtime plus the placement
 * role: every actor of a type lives with this app). Calls to one actor are turn-based: one at a time in arrival
 * order, whoever the caller; different actors run in parallel. Actors idle longer than actorIdleTimeout are
 * deactivated ({@code DELETE /actors/{type}/{id}}); timers live in memory and die with the activation; reminders
 * are persisted in the actor state store, one record per reminder
 * ({@code actors||<type>||reminder||<id>||<name>}), and survive sidecar restarts.
 */
public final class ActorHost implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ActorHost.class.getName());
    private static final Duration DEFAULT_IDLE = Duration.ofMinutes(60);
    private static final Duration DEFAULT_SCAN = Duration.ofSeconds(30);
    private static final Duration DEFAULT_DRAIN = Duration.ofSeconds(60);

    /** Per-type settings from the app's /dapr/config. */
    public record TypeConfig(Duration idleTimeout, Duration scanInterval, Duration drainTimeout) {
    }

    private final String appId;
    private final AppChannel app;
    private final StateStore store;
    private final ExecutorService executor;
    private final ScheduledExecutorService scheduler;
    private final Duration timeout;
    private final Resiliency resiliency;
    private final String storeName;
    private final Map<String, TypeConfig> types = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Reminder>> reminders = new ConcurrentHashMap<>();
    /**
     * Guards each reminder's registration, firing and removal with its record: one lock per stripe of reminders
     * rather than per actor type, so registering one actor's reminder never waits for another's store write (as
     * daprd 1.16's Scheduler keeps one job per reminder).
     */
    private final Object[] reminderLocks = new Object[64];
    private volatile ScheduledFuture<?> scanner;
    private volatile boolean closed;

    public ActorHost(String appId, AppChannel app, StateStore store, ExecutorService executor,
                     ScheduledExecutorService scheduler, Duration timeout, Resiliency resiliency, String storeName) {
        this.appId = appId;
        this.app = app;
        this.store = store;
        this.executor = executor;
        this.scheduler = scheduler;
        this.timeout = timeout;
        this.resiliency = resiliency;
        this.storeName = storeName;
        for (int i = 0; i < reminderLocks.length; i++) {
            reminderLocks[i] = new Object();
        }
    }

    /** The lock of the reminder {@code actorIdAndName} ({@code <id>||<name>}) of {@code type}. */
    private Object reminderLock(String type, String actorIdAndName) {
        int h = (type.hashCode() * 31 + actorIdAndName.hashCode()) & Integer.MAX_VALUE;
        return reminderLocks[h % reminderLocks.length];
    }

    /** daprd's answer when the actor app has no such method (404): permanent, never retried. */
    public static final class MethodNotFound extends ApiException implements Failures.NotRetriable {
        MethodNotFound(String method) {
            super(500, Status.Code.INTERNAL, "ERR_ACTOR_INVOKE_METHOD",
                    "error invoke actor method: actor method not found: " + method);
        }
    }

    private static final class Slot {
        final String type;
        final String id;
        final TurnQueue turns;
        volatile boolean active;
        final Map<String, Timer> timers = new ConcurrentHashMap<>();

        Slot(String type, String id, ExecutorService executor) {
            this.type = type;
            this.id = id;
            this.turns = new TurnQueue(executor);
        }
    }

    /**
     * What a timer and a reminder share: the registration as the app sent it (daprd echoes a missing dueTime or
     * period back as ""), the repetitions left and the firing now scheduled.
     */
    private abstract static class Firing {
        final String name;
        final JsonNode data;
        final String dueTime;
        final String period;
        Instant expires;
        int left;
        ScheduledFuture<?> future;

        Firing(String name, JsonNode data, String dueTime, String period) {
            this.name = name;
            this.data = data;
            this.dueTime = dueTime == null ? "" : dueTime;
            this.period = period == null ? "" : period;
        }

        /** Stops the scheduled firing, if there is one. */
        void cancel() {
            if (future != null) {
                future.cancel(false);
            }
        }

        /** Counts a firing off the repetitions left; true when there is to be no further one. */
        boolean spent(Schedules.Period schedule) {
            if (left > 0) {
                left--;
            }
            return schedule == null || left == 0;
        }
    }

    private static final class Timer extends Firing {
        final String callback;
        final Schedules.Period schedule;

        Timer(String name, String callback, JsonNode data, String dueTime, String period, Schedules.Period schedule,
              Instant expires) {
            super(name, data, dueTime, period);
            this.callback = callback;
            this.schedule = schedule;
            this.expires = expires;
            this.left = schedule == null ? 1 : schedule.repetitions();
        }
    }

    private static final class Reminder extends Firing {
        final String actorType;
        final String actorId;
        Instant registered;
        Instant nextFire;

        Reminder(String actorType, String actorId, String name, JsonNode data, String dueTime, String period) {
            super(name, data, dueTime, period);
            this.actorType = actorType;
            this.actorId = actorId;
        }

        ObjectNode toJson() {
            ObjectNode n = Json.object();
            n.put("actorID", actorId);
            n.put("actorType", actorType);
            n.put("name", name);
            n.set("data", data == null ? NullNode.getInstance() : data);
            n.put("dueTime", dueTime);
            n.put("period", period);
            n.put("registeredTime", registered.toString());
            if (expires != null) {
                n.put("expirationTime", expires.toString());
            }
            n.put("nextFireTime", nextFire.toString());
            n.put("repetitionsLeft", left);
            return n;
        }

        static Reminder fromJson(JsonNode n) {
            JsonNode d = n.get("data");
            Reminder r = new Reminder(n.path("actorType").asText(), n.path("actorID").asText(),
                    n.path("name").asText(), d == null || d.isNull() ? null : d, n.path("dueTime").asText(""),
                    n.path("period").asText(""));
            r.registered = Instant.parse(n.path("registeredTime").asText());
            r.expires = n.hasNonNull("expirationTime") ? Instant.parse(n.get("expirationTime").asText()) : null;
            r.nextFire = n.hasNonNull("nextFireTime") ? Instant.parse(n.get("nextFireTime").asText())
                    : Schedules.dueAt(r.dueTime, r.registered);
            r.left = n.path("repetitionsLeft").asInt(-1);
            return r;
        }
    }

    // ---------------------------------------------------------------- configuration

    /** Applies the app's {@code GET /dapr/config} answer; returns the hosted actor types. */
    public Set<String> configure(JsonNode config, Duration idleOverride, Duration scanOverride) {
        Duration idle = duration(config.path("actorIdleTimeout").asText(""), DEFAULT_IDLE);
        Duration scan = duration(config.path("actorScanInterval").asText(""), DEFAULT_SCAN);
        Duration drain = duration(config.path("drainOngoingCallTimeout").asText(""), DEFAULT_DRAIN);
        Map<String, TypeConfig> found = new LinkedHashMap<>();
        for (JsonNode e : config.path("entities")) {
            found.put(e.asText(), new TypeConfig(idle, scan, drain));
        }
        for (JsonNode ec : config.path("entitiesConfig")) {
            Duration i = duration(ec.path("actorIdleTimeout").asText(""), idle);
            Duration s = duration(ec.path("actorScanInterval").asText(""), scan);
            Duration d = duration(ec.path("drainOngoingCallTimeout").asText(""), drain);
            for (JsonNode e : ec.path("entities")) {
                if (found.containsKey(e.asText())) {
                    found.put(e.asText(), new TypeConfig(i, s, d));
                }
            }
        }
        found.replaceAll((k, v) -> new TypeConfig(idleOverride != null ? idleOverride : v.idleTimeout(),
                scanOverride != null ? scanOverride : v.scanInterval(), v.drainTimeout()));
        types.putAll(found);
        if (!types.isEmpty() && scanner == null) {
            long every = types.values().stream().mapToLong(t -> t.scanInterval().toMillis()).min().orElse(30_000);
            every = Math.max(every, 10);
            scanner = scheduler.scheduleWithFixedDelay(this::scanIdle, every, every, TimeUnit.MILLISECONDS);
        }
        return Set.copyOf(found.keySet());
    }

    private static Duration duration(String text, Duration fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            Schedules.Interval i = Schedules.parseInterval(text);
            return i.duration().plusDays(i.days());
        } catch (IllegalArgumentException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring invalid duration ''{0}'' in /dapr/config", text);
            return fallback;
        }
    }

    public boolean hosts(String type) {
        return types.containsKey(type);
    }

    public Set<String> types() {
        return Set.copyOf(types.keySet());
    }

    /** Number of active actors per type (for /v1.0/metadata). */
    public Map<String, Integer> activeCounts() {
        Map<String, Integer> counts = new TreeMap<>();
        types.keySet().forEach(t -> counts.put(t, 0));
        slots.values().forEach(s -> {
            if (s.active) {
                counts.merge(s.type, 1, Integer::sum);
            }
        });
        return counts;
    }

    public boolean isActive(String type, String id) {
        Slot s = slots.get(key(type, id));
        return s != null && s.active;
    }

    private static String key(String type, String id) {
        return type + "||" + id;
    }

    private Slot slot(String type, String id) {
        return slots.computeIfAbsent(key(type, id), k -> new Slot(type, id, executor));
    }

    private void requireHosted(String type, String errorCode) {
        if (!types.containsKey(type)) {
            throw new ApiException(500, Status.Code.INTERNAL, errorCode,
                    "actor type " + type + " is not hosted by app " + appId);
        }
    }

    // ---------------------------------------------------------------- invocation

    /**
     * A method call on (type, id), in its turn, under the actor type's post-lock policy (its timeout, daprd's
     * ActorPostLockPolicy). Fails with ERR_ACTOR_INVOKE_METHOD when the app answers non-2xx (404: permanently).
     */
    public CompletableFuture<AppChannel.Reply> invoke(String type, String id, String method, byte[] data,
                                                      Map<String, String> headers) {
        requireHosted(type, "ERR_ACTOR_INVOKE_METHOD");
        Map<String, String> h = new LinkedHashMap<>();
        if (headers != null) {
            h.putAll(headers);
        }
        h.putIfAbsent("Content-Type", "application/json");
        String appMethod = "actors/" + seg(type) + "/" + seg(id) + "/method/" + seg(method);
        var postLock = resiliency.actorPostLock(type, id);
        return inTurn(type, id, () -> postLock.run(attempt -> app.call("PUT", "/" + appMethod, h, data, timeout)))
                .thenApply(reply -> {
                    if (reply.status() == 404) {
                        throw new MethodNotFound(appMethod);
                    }
                    if (!reply.ok()) {
                        throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_INVOKE_METHOD",
                                "error invoke actor method: error from actor service: ("
                                        + reply.status() + ") " + new String(reply.body(), StandardCharsets.UTF_8));
                    }
                    return reply;
                }).exceptionally(e -> {
                    Throwable c = Failures.unwrap(e);
                    if (c instanceof ApiException a) {
                        throw a;
                    }
                    String why = c instanceof Failures.Timeout ? c.getMessage() : String.valueOf(c);
                    throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_INVOKE_METHOD",
                            "error invoke actor method: " + why, c);
                });
    }

    /** Runs one call to the app for (type, id) in that actor's turn, activating it. */
    private CompletableFuture<AppChannel.Reply> inTurn(String type, String id,
                                                       java.util.function.Supplier<CompletableFuture<AppChannel.Reply>> call) {
        Slot s = slot(type, id);
        return s.turns.submit(() -> {
            s.active = true;
            return call.get();
        });
    }

    private void scanIdle() {
        if (closed) {
            return;
        }
        for (Slot s : slots.values()) {
            TypeConfig cfg = types.get(s.type);
            if (cfg == null || !s.active) {
                continue;
            }
            if (s.turns.idleSince(cfg.idleTimeout().toMillis())) {
                deactivate(s, false);
            }
        }
    }

    private CompletableFuture<Void> deactivate(Slot s, boolean force) {
        TypeConfig cfg = types.get(s.type);
        return s.turns.submit(() -> {
            // Another call may have slipped in before this turn: only deactivate what is still idle.
            if (!s.active || (!force && cfg != null
                    && System.currentTimeMillis() - s.turns.lastUsed() < cfg.idleTimeout().toMillis())) {
                return CompletableFuture.completedFuture((Void) null);
            }
            s.active = false;
            s.timers.values().forEach(Firing::cancel);
            s.timers.clear();
            String uri = "/actors/" + seg(s.type) + "/" + seg(s.id);
            return app.call("DELETE", uri, Map.of(), null, Duration.ofSeconds(force ? 2 : 30)).handle((r, e) -> {
                if (e != null) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: deactivating {1}/{2} failed: {3}", appId, s.type, s.id,
                            e.getMessage());
                } else {
                    LOG.log(System.Logger.Level.DEBUG, "{0}: deactivated {1}/{2}", appId, s.type, s.id);
                }
                return (Void) null;
            });
        });
    }

    // ---------------------------------------------------------------- state

    public String stateKey(String type, String id, String key) {
        return appId + "||" + type + "||" + id + "||" + key;
    }

    private StateStore store() {
        if (store == null) {
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_RUNTIME_NOT_FOUND",
                    "actors: state store does not exist or incorrectly configured (no component with "
                            + "actorStateStore: \"true\")");
        }
        return store;
    }

    /** Actor state goes through the actor store's outbound policy, as daprd's actor state does. */
    private dev.learnflow.local.sidecar.resiliency.Policy storePolicy() {
        return resiliency.componentOutbound(storeName, Resiliency.ComponentKind.STATESTORE);
    }

    public CompletableFuture<byte[]> getState(String type, String id, String key) {
        if (!types.containsKey(type)) {
            return CompletableFuture.failedFuture(new ApiException(400, Status.Code.INTERNAL,
                    "ERR_ACTOR_INSTANCE_MISSING", "actor instance is missing"));
        }
        StateStore s = store();
        return onStore("ERR_ACTOR_STATE_GET", "error getting actor state", () -> {
            StateStore.Entry e = s.get(stateKey(type, id, key));
            return e == null ? null : e.value();
        });
    }

    /** One operation of an actor state transaction: upsert (value non-null) or delete. */
    public record StateOp(String operation, String key, StateStore.Value value) {
    }

    public CompletableFuture<Void> transact(String type, String id, List<StateOp> ops) {
        if (!types.containsKey(type)) {
            return CompletableFuture.failedFuture(new ApiException(400, Status.Code.INTERNAL,
                    "ERR_ACTOR_INSTANCE_MISSING", "actor instance is missing"));
        }
        StateStore s = store();
        List<StateStore.Operation> list = new ArrayList<>();
        for (StateOp op : ops) {
            String k = stateKey(type, id, op.key());
            switch (op.operation().toLowerCase(java.util.Locale.ROOT)) {
                case "upsert" -> list.add(new StateStore.Upsert(k, op.value() == null
                        ? new StateStore.Value("null".getBytes(StandardCharsets.UTF_8), true) : op.value(),
                        null, false, null));
                case "delete" -> list.add(new StateStore.Delete(k, null, false));
                default -> {
                    return CompletableFuture.failedFuture(ApiException.badRequest("ERR_ACTOR_STATE_TRANSACTION_SAVE",
                            "operation type " + op.operation() + " not supported"));
                }
            }
        }
        return onStore("ERR_ACTOR_STATE_TRANSACTION_SAVE", "error saving actor transaction state", () -> {
            s.transact(list);
            return null;
        });
    }

    /**
     * Blocking actor-store work, on the executor under the store's outbound policy; a failure becomes daprd's 500
     * {@code errorCode} with "{@code message}: cause".
     */
    private <T> CompletableFuture<T> onStore(String errorCode, String message, Callable<T> work) {
        return storePolicy().run(attempt -> CompletableFuture.supplyAsync(() -> {
            try {
                return work.call();
            } catch (Exception ex) {
                throw new CompletionException(ex);
            }
        }, executor)).exceptionally(ex -> {
            Throwable c = Failures.unwrap(ex);
            throw new ApiException(500, Status.Code.INTERNAL, errorCode, message + ": " + c.getMessage(), c);
        });
    }

    // ---------------------------------------------------------------- timers

    public void registerTimer(String type, String id, String name, String dueTime, String period, String ttl,
                              String callback, JsonNode data) {
        requireHosted(type, "ERR_ACTOR_TIMER_CREATE");
        Instant now = Instant.now();
        Schedules.Period schedule;
        Instant first;
        Instant expires;
        try {
            schedule = Schedules.parsePeriod(period);
            first = Schedules.dueAt(dueTime, now);
            expires = Schedules.expiresAt(ttl, now);
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("ERR_ACTOR_TIMER_CREATE", "error creating actor timer: " + e.getMessage());
        }
        Slot s = slot(type, id);
        s.active = true;
        Timer t = new Timer(name, callback, data, dueTime, period, schedule, expires);
        Timer previous = s.timers.put(name, t);
        if (previous != null) {
            previous.cancel();
        }
        scheduleTimer(s, t, first);
    }

    public void unregisterTimer(String type, String id, String name) {
        Slot s = slots.get(key(type, id));
        if (s != null) {
            Timer t = s.timers.remove(name);
            if (t != null) {
                t.cancel();
            }
        }
    }

    private void scheduleTimer(Slot s, Timer t, Instant at) {
        if (closed || (t.expires != null && at.isAfter(t.expires))) {
            s.timers.remove(t.name, t);
            return;
        }
        long delay = Math.max(0, at.toEpochMilli() - System.currentTimeMillis());
        t.future = scheduler.schedule(() -> fireTimer(s, t, at), delay, TimeUnit.MILLISECONDS);
    }

    private void fireTimer(Slot s, Timer t, Instant at) {
        if (closed || s.timers.get(t.name) != t) {
            return;
        }
        ObjectNode body = Json.object();
        body.put("callback", t.callback);
        callInTurn("timer", "timer", s.type, s.id, t.name, body, t.data, t.dueTime, t.period);
        if (t.spent(t.schedule)) {
            s.timers.remove(t.name, t);
            return;
        }
        scheduleTimer(s, t, t.schedule.interval().addTo(at));
    }

    // ---------------------------------------------------------------- reminders

    /** Where reminders of {@code type} were kept as one list (older local sidecars; read once, then moved). */
    private static String legacyRemindersKey(String type) {
        return "actors||" + type;
    }

    /** The prefix of the reminder records of {@code type}: one record per reminder. */
    private static String reminderPrefix(String type) {
        return "actors||" + type + "||reminder||";
    }

    private static String reminderKey(Reminder r) {
        return reminderPrefix(r.actorType) + r.actorId + "||" + r.name;
    }

    /** Loads the persisted reminders of the hosted types and schedules them (after a sidecar (re)start). */
    public void loadReminders() {
        if (store == null) {
            return;
        }
        for (String type : types.keySet()) {
            Map<String, Reminder> map = reminders.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
            synchronized (map) {
                try {
                    moveLegacyReminders(type);
                    for (StateStore.Entry e : store.getByPrefix(reminderPrefix(type))) {
                        Reminder r = Reminder.fromJson(Json.parse(e.value()));
                        String key = r.actorId + "||" + r.name;
                        synchronized (reminderLock(type, key)) {
                            // One registered meanwhile is newer than its stored record (and already scheduled).
                            if (map.putIfAbsent(key, r) == null) {
                                scheduleReminder(r);
                            }
                        }
                    }
                    LOG.log(System.Logger.Level.INFO, "{0}: loaded {1} reminder(s) of {2}", appId, map.size(), type);
                } catch (Exception ex) {
                    LOG.log(System.Logger.Level.ERROR, appId + ": cannot load reminders of " + type, ex);
                }
            }
        }
    }

    /** A list written by an older local sidecar becomes one record per reminder, in one transaction. */
    private void moveLegacyReminders(String type) throws Exception {
        StateStore.Entry list = store.get(legacyRemindersKey(type));
        if (list == null || list.value() == null) {
            return;
        }
        List<StateStore.Operation> ops = new ArrayList<>();
        for (JsonNode n : Json.parse(list.value())) {
            ops.add(upsert(Reminder.fromJson(n)));
        }
        ops.add(new StateStore.Delete(legacyRemindersKey(type), null, false));
        store.transact(ops);
    }

    private static StateStore.Upsert upsert(Reminder r) {
        return new StateStore.Upsert(reminderKey(r), new StateStore.Value(Json.bytes(r.toJson()), true), null, false,
                null);
    }

    /**
     * Stores one reminder as its own record: registering, re-arming or removing one costs the same however many
     * reminders a type has (as with daprd 1.16's Scheduler, one job per reminder), not a rewrite of all of them.
     */
    private void persist(Reminder r) throws Exception {
        store().set(upsert(r));
    }

    private void forget(Reminder r) throws Exception {
        store().delete(new StateStore.Delete(reminderKey(r), null, false));
    }

    public CompletableFuture<Void> registerReminder(String type, String id, String name, String dueTime,
                                                    String period, String ttl, JsonNode data) {
        requireHosted(type, "ERR_ACTOR_REMINDER_CREATE");
        store();
        Instant now = Instant.now();
        Reminder r = new Reminder(type, id, name, data, dueTime, period);
        r.registered = now;
        try {
            Schedules.Period p = Schedules.parsePeriod(r.period);
            r.left = p == null ? 1 : p.repetitions();
            r.nextFire = Schedules.dueAt(r.dueTime, now);
            r.expires = Schedules.expiresAt(ttl, now);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(ApiException.badRequest("ERR_ACTOR_REMINDER_CREATE",
                    "error creating actor reminder: " + e.getMessage()));
        }
        Map<String, Reminder> map = reminders.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
        return CompletableFuture.runAsync(() -> {
            synchronized (reminderLock(type, id + "||" + name)) {
                Reminder previous = map.put(id + "||" + name, r);
                try {
                    persist(r);
                } catch (Exception e) {
                    if (previous != null) {
                        map.put(id + "||" + name, previous);
                    } else {
                        map.remove(id + "||" + name);
                    }
                    throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_REMINDER_CREATE",
                            "error creating actor reminder: " + e.getMessage(), e);
                }
                if (previous != null) {
                    previous.cancel();
                }
                scheduleReminder(r);
            }
        }, executor);
    }

    public CompletableFuture<Void> unregisterReminder(String type, String id, String name) {
        requireHosted(type, "ERR_ACTOR_REMINDER_DELETE");
        Map<String, Reminder> map = reminders.computeIfAbsent(type, k -> new ConcurrentHashMap<>());
        return CompletableFuture.runAsync(() -> {
            synchronized (reminderLock(type, id + "||" + name)) {
                Reminder r = map.remove(id + "||" + name);
                if (r == null) {
                    return;
                }
                r.cancel();
                try {
                    forget(r);
                } catch (Exception e) {
                    throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_REMINDER_DELETE",
                            "error deleting actor reminder: " + e.getMessage(), e);
                }
            }
        }, executor);
    }

    /** The reminder as daprd's GET .../reminders/{name} shows it, or null. */
    public JsonNode getReminder(String type, String id, String name) {
        requireHosted(type, "ERR_ACTOR_REMINDER_GET");
        Map<String, Reminder> map = reminders.get(type);
        Reminder r = map == null ? null : map.get(id + "||" + name);
        if (r == null) {
            return null;
        }
        ObjectNode n = Json.object();
        n.put("dueTime", r.dueTime);
        n.put("period", r.period);
        n.set("data", r.data == null ? NullNode.getInstance() : r.data);
        return n;
    }

    private void scheduleReminder(Reminder r) {
        if (closed) {
            return;
        }
        long delay = Math.max(0, r.nextFire.toEpochMilli() - System.currentTimeMillis());
        r.future = scheduler.schedule(() -> fireReminder(r), delay, TimeUnit.MILLISECONDS);
    }

    private void fireReminder(Reminder r) {
        Map<String, Reminder> map = reminders.get(r.actorType);
        if (closed || map == null || map.get(r.actorId + "||" + r.name) != r) {
            return;
        }
        if (r.expires != null && Instant.now().isAfter(r.expires)) {
            removeAfterFire(r, map);
            return;
        }
        callInTurn("reminder", "remind", r.actorType, r.actorId, r.name, Json.object(), r.data, r.dueTime, r.period)
                .thenRunAsync(() -> afterFire(r, map), executor);
    }

    /**
     * Fires a timer or reminder: PUT .../method/{path}/{name} to the app in the actor's turn, with {@code body} plus
     * data, dueTime and period. The returned future completes when the call has ended; a failure is logged only.
     */
    private CompletableFuture<Void> callInTurn(String what, String path, String type, String id, String name,
                                               ObjectNode body, JsonNode data, String dueTime, String period) {
        body.set("data", data == null ? NullNode.getInstance() : data);
        body.put("dueTime", dueTime);
        body.put("period", period);
        String uri = "/actors/" + seg(type) + "/" + seg(id) + "/method/" + path + "/" + seg(name);
        return inTurn(type, id, () -> app.call("PUT", uri, Map.of("Content-Type", "application/json"),
                Json.bytes(body), timeout)).handle((reply, e) -> {
                    if (e != null || !reply.ok()) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: {1} {2} of {3}/{4} failed: {5}", appId, what, name,
                                type, id, e != null ? e.getMessage() : reply.status());
                    }
                    return null;
                });
    }

    private void afterFire(Reminder r, Map<String, Reminder> map) {
        synchronized (reminderLock(r.actorType, r.actorId + "||" + r.name)) {
            if (closed || map.get(r.actorId + "||" + r.name) != r) {
                return;
            }
            Schedules.Period p;
            try {
                p = Schedules.parsePeriod(r.period);
            } catch (IllegalArgumentException e) {
                p = null;
            }
            if (r.spent(p)) {
                removeAfterFire(r, map);
                return;
            }
            Instant next = p.interval().addTo(r.nextFire);
            Instant now = Instant.now();
            if (next.isBefore(now)) {
                next = now; // missed firings (sidecar down) collapse into one, as daprd does
            }
            if (r.expires != null && next.isAfter(r.expires)) {
                removeAfterFire(r, map);
                return;
            }
            r.nextFire = next;
            try {
                persist(r);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, appId + ": cannot persist reminder " + r.name, e);
            }
            scheduleReminder(r);
        }
    }

    private void removeAfterFire(Reminder r, Map<String, Reminder> map) {
        synchronized (reminderLock(r.actorType, r.actorId + "||" + r.name)) {
            if (map.remove(r.actorId + "||" + r.name, r)) {
                try {
                    forget(r);
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, appId + ": cannot persist reminders of " + r.actorType, e);
                }
            }
        }
    }

    // ---------------------------------------------------------------- lifecycle

    /** Stops timers and reminders (persisted reminders stay) and deactivates the active actors, briefly. */
    @Override
    public void close() {
        closed = true;
        ScheduledFuture<?> s = scanner;
        if (s != null) {
            s.cancel(false);
        }
        reminders.values().forEach(map -> map.values().forEach(Firing::cancel));
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        for (Slot slot : slots.values()) {
            slot.timers.values().forEach(Firing::cancel);
            if (slot.active) {
                pending.add(deactivate(slot, true));
            }
        }
        try {
            CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(3, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "actor drain did not finish", e);
        }
    }

    /** Encodes one path segment (RFC 3986 unreserved characters stay as they are). */
    static String seg(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append(c);
            } else {
                sb.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return sb.toString();
    }

    static Map<String, String> copy(Map<String, String> m) {
        return m == null ? new HashMap<>() : new HashMap<>(m);
    }
}
