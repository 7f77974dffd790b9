package dev.learnflow.local.sidecar.pubsub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.AppChannel;
import dev.learnflow.local.sidecar.Json;
import dev.learnflow.local.sidecar.Traces;
import dev.learnflow.local.sidecar.config.SubscriptionSpec;
import dev.learnflow.local.sidecar.resiliency.CircuitBreaker;
import dev.learnflow.local.sidecar.resiliency.Failures;
import dev.learnflow.local.sidecar.resiliency.Policy;
import dev.learnflow.local.sidecar.resiliency.Retry;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/**
 * The subscriber side of daprd's pub/sub: consumes the app's subscriptions and delivers each CloudEvent by POST to
 * its route, then decides as daprd does from the reply: 2xx with an empty body or status SUCCESS = done, RETRY (or
 * an unknown status, or a non-2xx other than 404, or no answer) = a failed attempt, DROP = dropped (to the
 * dead-letter topic if one is set), 404 = dropped. Attempts run under the pub/sub component's inbound policy
 * (timeout per attempt, retries with back-off, circuit breaker). When the policy gives up, a message goes to the
 * dead-letter topic if one is set; without one the component retries it (daprd's component-level retry) until it
 * succeeds.
 */
public final class SubscriptionManager implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SubscriptionManager.class.getName());

    /** How one delivery attempt ended. */
    enum Outcome { SUCCESS, RETRY, DROP, NOT_FOUND, APP_UNREACHABLE }

    /** What the manager needs from its sidecar. */
    public interface Host {
        String appId();

        AppChannel app();

        PubSub pubsub(String name);

        String consumerGroup(String pubsubName);

        double samplingRate();

        /** The component's inbound resiliency policy for deliveries; null = the sidecar's delivery options. */
        Policy inboundPolicy(String pubsubName);

        /** Where delays between attempts are scheduled. */
        java.util.concurrent.ScheduledExecutorService scheduler();
    }

    /** The Kafka component's own retry between two policy runs (components-contrib's backOffDuration, 5 s). */
    static final Duration COMPONENT_RETRY = Duration.ofSeconds(5);

    private record Active(SubscriptionSpec spec, List<RouteMatcher> matchers) {
    }

    private final Host host;
    private final Duration timeout;
    private final DeliveryRetries retries;
    private final List<AutoCloseable> subscriptions = new ArrayList<>();
    private final List<SubscriptionSpec> specs = new ArrayList<>();
    private volatile boolean closed;

    public SubscriptionManager(Host host, Duration timeout, DeliveryRetries retries) {
        this.host = host;
        this.timeout = timeout;
        this.retries = retries;
    }

    public synchronized List<SubscriptionSpec> subscriptions() {
        return List.copyOf(specs);
    }

    /** Starts consuming; later subscriptions for the same (pubsub, topic) replace earlier ones. */
    public synchronized void start(List<SubscriptionSpec> all) throws Exception {
        Map<String, Map<String, Active>> byPubsub = new LinkedHashMap<>();
        for (SubscriptionSpec s : all) {
            if (host.pubsub(s.pubsubName()) == null) {
                LOG.log(System.Logger.Level.WARNING, "{0}: subscription to {1}/{2} refers to an unknown pub/sub "
                        + "component; ignored", host.appId(), s.pubsubName(), s.topic());
                continue;
            }
            List<RouteMatcher> matchers = new ArrayList<>();
            try {
                for (SubscriptionSpec.Rule r : s.rules()) {
                    matchers.add(r.match().isBlank() ? null : new RouteMatcher(r.match()));
                }
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.ERROR, "{0}: subscription to {1}/{2} ignored: {3}", host.appId(),
                        s.pubsubName(), s.topic(), e.getMessage());
                continue;
            }
            byPubsub.computeIfAbsent(s.pubsubName(), k -> new LinkedHashMap<>()).put(s.topic(), new Active(s, matchers));
        }
        for (Map.Entry<String, Map<String, Active>> e : byPubsub.entrySet()) {
            String pubsubName = e.getKey();
            Map<String, Active> topics = e.getValue();
            PubSub pubsub = host.pubsub(pubsubName);
            topics.values().forEach(a -> specs.add(a.spec()));
            subscriptions.add(pubsub.subscribe(host.consumerGroup(pubsubName), Set.copyOf(topics.keySet()),
                    new PubSub.Handler() {
                        @Override
                        public void handle(PubSub.Message message, BooleanSupplier cancelled) throws Exception {
                            Active a = topics.get(message.topic());
                            if (a != null) {
                                deliver(pubsub, a, message, cancelled);
                            }
                        }

                        @Override
                        public PubSub.Batching batching(String topic) {
                            Active a = topics.get(topic);
                            return a == null || a.spec().bulk() == null ? null : batchingOf(a.spec().bulk(), pubsub);
                        }

                        @Override
                        public void handleBatch(List<PubSub.Message> batch, BooleanSupplier cancelled)
                                throws Exception {
                            Active a = topics.get(batch.get(0).topic());
                            if (a != null) {
                                deliverBatch(pubsub, a, batch, cancelled);
                            }
                        }
                    }));
            LOG.log(System.Logger.Level.INFO, "{0}: subscribed to {1} on {2}", host.appId(),
                    topics.keySet().stream().sorted().collect(Collectors.joining(", ")), pubsubName);
        }
    }

    /** The message's CloudEvent (wrapped when rawPayload), or null when it is not one. */
    private static ObjectNode cloudEvent(SubscriptionSpec spec, PubSub.Message message) {
        if (spec.rawPayload()) {
            return CloudEvents.fromRawPayload(message.data(), message.topic(), spec.pubsubName());
        }
        JsonNode parsed;
        try {
            parsed = Json.parse(message.data());
        } catch (IllegalArgumentException e) {
            parsed = null;
        }
        if (parsed == null || !parsed.isObject()) {
            return null;
        }
        ObjectNode event = (ObjectNode) parsed;
        fallback(event, message.metadata(), "traceid");
        fallback(event, message.metadata(), "traceparent");
        fallback(event, message.metadata(), "tracestate");
        return event;
    }

    /** The path of the first rule that matches, or null when none does. */
    private static String route(Active active, JsonNode event) {
        SubscriptionSpec spec = active.spec();
        for (int i = 0; i < spec.rules().size(); i++) {
            RouteMatcher m = active.matchers().get(i);
            if (m == null || m.matches(event)) {
                return spec.rules().get(i).path();
            }
        }
        return null;
    }

    private void deliver(PubSub pubsub, Active active, PubSub.Message message, BooleanSupplier cancelled)
            throws Exception {
        SubscriptionSpec spec = active.spec();
        ObjectNode event = cloudEvent(spec, message);
        if (event == null) {
            LOG.log(System.Logger.Level.ERROR, "{0}: message on {1} is not a CloudEvent; dropped{2}",
                    host.appId(), message.topic(), spec.deadLetterTopic() == null ? "" : " to "
                            + spec.deadLetterTopic());
            deadLetter(pubsub, spec, message);
            return;
        }
        if (CloudEvents.hasExpired(event)) {
            LOG.log(System.Logger.Level.WARNING, "{0}: dropping expired event {1}", host.appId(), event.path("id"));
            deadLetter(pubsub, spec, message);
            return;
        }
        String path = route(active, event);
        if (path == null) {
            deadLetter(pubsub, spec, message);
            return;
        }
        byte[] body = Json.bytes(event);
        Policy policy = inboundPolicy(spec.pubsubName());
        Duration attemptTimeout = policy.timeout() != null ? policy.timeout() : timeout;
        CircuitBreaker breaker = policy.breaker();
        AppOutage outage = new AppOutage();
        int attempt = 0;
        Retry.Backoff backoff = policy.retry() == null ? null : policy.retry().newBackoff();
        while (true) {
            if (cancelled.getAsBoolean() || closed) {
                throw new CancellationException("subscription stopping");
            }
            CircuitBreaker.Permit permit = null;
            Outcome outcome;
            try {
                permit = breaker == null ? null : breaker.acquire();
                outcome = post(path, body, event, attemptTimeout);
            } catch (Failures.BreakerOpen refused) {
                LOG.log(System.Logger.Level.WARNING, "{0}: delivering event {1} on {2}: {3}", host.appId(),
                        event.path("id").asText(), message.topic(), refused.getMessage());
                outcome = null;
            }
            if (outcome == Outcome.APP_UNREACHABLE) {
                if (permit != null) {
                    permit.abandon();
                }
                outage.hold("event " + event.path("id").asText() + " on " + message.topic(), cancelled);
                continue;
            }
            outage.over();
            boolean failed = outcome == null || outcome == Outcome.RETRY;
            if (permit != null) {
                permit.done(!failed);
            }
            switch (outcome == null ? Outcome.RETRY : outcome) {
                case SUCCESS, NOT_FOUND -> {
                    return;
                }
                case DROP -> {
                    deadLetter(pubsub, spec, message);
                    return;
                }
                default -> {
                    attempt++;
                    long wait = outcome == null || backoff == null ? -1 : backoff.next();
                    if (wait >= 0) {
                        sleep(wait, cancelled);
                        continue;
                    }
                    if (spec.deadLetterTopic() != null) {
                        LOG.log(System.Logger.Level.WARNING, "{0}: event {1} on {2} failed {3} times; sending it "
                                + "to {4}", host.appId(), event.path("id").asText(), message.topic(), attempt,
                                spec.deadLetterTopic());
                        deadLetter(pubsub, spec, message);
                        return;
                    }
                    // No dead-letter topic: the component retries the message with a fresh policy run.
                    sleep(Math.min(COMPONENT_RETRY.toMillis(), retries.maxBackoff().toMillis()), cancelled);
                    backoff = policy.retry() == null ? null : policy.retry().newBackoff();
                }
            }
        }
    }

    /** daprd's type of the bulk envelope (components-contrib DefaultBulkEventType). */
    static final String BULK_EVENT_TYPE = "com.dapr.event.sent.bulk";

    /** A subscription's bulkSubscribe settings, zero values filled with the component's defaults. */
    static PubSub.Batching batchingOf(SubscriptionSpec.Bulk bulk, PubSub pubsub) {
        PubSub.Batching defaults = pubsub.defaultBatching();
        return new PubSub.Batching(bulk.maxMessagesCount() > 0 ? bulk.maxMessagesCount() : defaults.maxMessages(),
                bulk.maxAwaitDuration().isZero() ? defaults.maxAwait() : bulk.maxAwaitDuration());
    }

    /** One message of a batch as the app gets it: {@code entryId}, the event, and where it came from. */
    private record BulkEntry(String entryId, PubSub.Message message, JsonNode event, String contentType) {
    }

    /**
     * Delivers one batch of a bulk subscription as daprd does: each entry is checked (not a CloudEvent = failed;
     * expired or matching no rule = dropped, to the dead-letter topic when one is set), the rest goes to the app
     * in one request per route path. The entries the app answers RETRY (or leaves out, or that fail with the
     * request) are sent again under the component's inbound policy, only those; DROP goes to the dead-letter
     * topic. What still fails when the policy gives up goes to the dead-letter topic when one is set; without one
     * the component retries the whole batch after its back-off, already successful entries included (daprd's
     * Kafka component redelivers the batch; subscribers are idempotent). Returns once every entry is decided.
     */
    private void deliverBatch(PubSub pubsub, Active active, List<PubSub.Message> batch, BooleanSupplier cancelled)
            throws Exception {
        SubscriptionSpec spec = active.spec();
        while (true) {
            List<BulkEntry> failed = new ArrayList<>();
            Map<String, List<BulkEntry>> byPath = new LinkedHashMap<>();
            for (int i = 0; i < batch.size(); i++) {
                PubSub.Message message = batch.get(i);
                String entryId = Integer.toString(i); // the Kafka component numbers a batch's entries so
                ObjectNode event = cloudEvent(spec, message);
                if (event == null) {
                    LOG.log(System.Logger.Level.ERROR, "{0}: entry {1} of a batch on {2} is not a CloudEvent",
                            host.appId(), entryId, message.topic());
                    failed.add(new BulkEntry(entryId, message, null, null));
                    continue;
                }
                if (!spec.rawPayload() && CloudEvents.hasExpired(event)) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: dropping expired event {1}", host.appId(),
                            event.path("id"));
                    deadLetterQuietly(pubsub, spec, message);
                    continue;
                }
                String path = route(active, event);
                if (path == null) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: no route matches event {1} on {2}; skipping",
                            host.appId(), event.path("id").asText(), message.topic());
                    deadLetterQuietly(pubsub, spec, message);
                    continue;
                }
                BulkEntry entry = spec.rawPayload()
                        ? new BulkEntry(entryId, message, Json.MAPPER.getNodeFactory().textNode(
                                java.util.Base64.getEncoder().encodeToString(message.data())),
                                "application/octet-stream")
                        : new BulkEntry(entryId, message, event, CloudEvents.CONTENT_TYPE);
                byPath.computeIfAbsent(path, p -> new ArrayList<>()).add(entry);
            }
            for (Map.Entry<String, List<BulkEntry>> e : byPath.entrySet()) {
                failed.addAll(deliverEntries(pubsub, spec, e.getKey(), e.getValue(), cancelled));
            }
            if (failed.isEmpty()) {
                return;
            }
            if (spec.deadLetterTopic() != null) {
                LOG.log(System.Logger.Level.WARNING, "{0}: {1} of {2} entries of a batch on {3} failed; sending them "
                        + "to {4}", host.appId(), failed.size(), batch.size(), batch.get(0).topic(),
                        spec.deadLetterTopic());
                try {
                    for (BulkEntry f : failed) {
                        deadLetter(pubsub, spec, f.message());
                    }
                    return;
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: dead-lettering failed entries: {1}", host.appId(),
                            rootCause(e));
                }
            } else {
                LOG.log(System.Logger.Level.WARNING, "{0}: {1} of {2} entries of a batch on {3} failed; the component "
                        + "retries the batch", host.appId(), failed.size(), batch.size(), batch.get(0).topic());
            }
            sleep(Math.min(COMPONENT_RETRY.toMillis(), retries.maxBackoff().toMillis()), cancelled);
        }
    }

    /**
     * Sends {@code entries} (one route path) under the inbound policy until the app accepts or drops each, or the
     * policy gives up: each retry carries only the entries still failing. Returns those.
     */
    private List<BulkEntry> deliverEntries(PubSub pubsub, SubscriptionSpec spec, String path,
                                           List<BulkEntry> entries, BooleanSupplier cancelled) {
        Policy policy = inboundPolicy(spec.pubsubName());
        Duration attemptTimeout = policy.timeout() != null ? policy.timeout() : timeout;
        CircuitBreaker breaker = policy.breaker();
        Retry.Backoff backoff = policy.retry() == null ? null : policy.retry().newBackoff();
        AppOutage outage = new AppOutage();
        List<BulkEntry> pending = entries;
        while (true) {
            if (cancelled.getAsBoolean() || closed) {
                throw new CancellationException("subscription stopping");
            }
            CircuitBreaker.Permit permit = null;
            Map<String, Outcome> outcomes;
            try {
                permit = breaker == null ? null : breaker.acquire();
                outcomes = postBatch(path, spec, pending, attemptTimeout);
            } catch (Failures.BreakerOpen refused) {
                LOG.log(System.Logger.Level.WARNING, "{0}: delivering a batch on {1}: {2}", host.appId(),
                        spec.topic(), refused.getMessage());
                outcomes = null;
            }
            if (outcomes != null && outcomes.containsValue(Outcome.APP_UNREACHABLE)) {
                if (permit != null) {
                    permit.abandon();
                }
                outage.hold("a batch of " + pending.size() + " on " + spec.topic(), cancelled);
                continue;
            }
            outage.over();
            List<BulkEntry> failing = new ArrayList<>();
            for (BulkEntry e : pending) {
                Outcome o = outcomes == null ? Outcome.RETRY : outcomes.getOrDefault(e.entryId(), Outcome.RETRY);
                if (o == Outcome.DROP) {
                    deadLetterQuietly(pubsub, spec, e.message());
                } else if (o == Outcome.RETRY) {
                    failing.add(e);
                }
            }
            if (permit != null) {
                permit.done(failing.isEmpty());
            }
            if (failing.isEmpty()) {
                return List.of();
            }
            pending = failing;
            long wait = outcomes == null || backoff == null ? -1 : backoff.next();
            if (wait < 0) {
                return pending;
            }
            sleep(wait, cancelled);
        }
    }

    /**
     * One bulk request: {@code {id, type, topic, pubsubname, metadata, entries: [{entryId, event, metadata,
     * contentType}]}} as {@code application/json}; the answer {@code {statuses: [{entryId, status}]}} decides each
     * entry (SUCCESS, DROP; RETRY, an empty or unknown status, or no status at all = retry). A 2xx whose body is not
     * that = all retry; 404 = all dropped without dead-lettering; any other status or no answer = all retry.
     */
    Map<String, Outcome> postBatch(String path, SubscriptionSpec spec, List<BulkEntry> entries,
                                   Duration attemptTimeout) {
        ObjectNode envelope = Json.object();
        envelope.put("id", java.util.UUID.randomUUID().toString());
        envelope.put("type", BULK_EVENT_TYPE);
        envelope.put("topic", spec.topic());
        envelope.put("pubsubname", spec.pubsubName());
        envelope.putObject("metadata").put("pubsubName", spec.pubsubName());
        var items = envelope.putArray("entries");
        for (BulkEntry e : entries) {
            ObjectNode item = items.addObject();
            item.put("entryId", e.entryId());
            item.set("event", e.event());
            ObjectNode md = item.putObject("metadata");
            e.message().metadata().forEach(md::put);
            item.put("contentType", e.contentType());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/json");
        headers.put("pubsubName", spec.pubsubName());
        Map<String, Outcome> outcomes = new LinkedHashMap<>();
        AppChannel.Reply reply;
        try {
            reply = host.app().call("POST", path, headers, Json.bytes(envelope), attemptTimeout).join();
        } catch (RuntimeException e) {
            Outcome all = appUnreachable(e) ? Outcome.APP_UNREACHABLE : Outcome.RETRY;
            if (all == Outcome.RETRY) {
                LOG.log(System.Logger.Level.WARNING, "{0}: delivering a batch of {1} to {2} failed: {3}",
                        host.appId(), entries.size(), path, rootCause(e));
            }
            entries.forEach(en -> outcomes.put(en.entryId(), all));
            return outcomes;
        }
        if (reply.ok()) {
            JsonNode statuses;
            try {
                statuses = Json.parse(reply.body()).path("statuses");
            } catch (IllegalArgumentException e) {
                LOG.log(System.Logger.Level.WARNING, "{0}: the app''s answer to a batch on {1} is not JSON; retrying",
                        host.appId(), spec.topic());
                entries.forEach(en -> outcomes.put(en.entryId(), Outcome.RETRY));
                return outcomes;
            }
            Set<String> sent = entries.stream().map(BulkEntry::entryId).collect(Collectors.toSet());
            for (JsonNode s : statuses) {
                String entryId = s.path("entryId").asText("");
                if (!sent.contains(entryId)) {
                    LOG.log(System.Logger.Level.WARNING, "{0}: invalid entry id {1} in the app''s answer",
                            host.appId(), entryId);
                    continue;
                }
                String status = s.path("status").asText("");
                outcomes.put(entryId, switch (status) {
                    case "SUCCESS" -> Outcome.SUCCESS;
                    case "DROP" -> {
                        LOG.log(System.Logger.Level.WARNING, "{0}: entry {1} on {2} dropped by the app", host.appId(),
                                entryId, spec.topic());
                        yield Outcome.DROP;
                    }
                    default -> Outcome.RETRY; // RETRY, empty or unknown
                });
            }
            return outcomes;
        }
        if (reply.status() == 404) {
            LOG.log(System.Logger.Level.ERROR, "{0}: non-retriable error from the app for a batch (404 on {1}); "
                    + "dropped", host.appId(), path);
            entries.forEach(en -> outcomes.put(en.entryId(), Outcome.NOT_FOUND));
            return outcomes;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: retriable error from the app for a batch on {1}: status {2}",
                host.appId(), spec.topic(), reply.status());
        entries.forEach(en -> outcomes.put(en.entryId(), Outcome.RETRY));
        return outcomes;
    }

    /** Dead-letters a message that is decided either way (dropped); a failed publish is only logged, as daprd. */
    private void deadLetterQuietly(PubSub pubsub, SubscriptionSpec spec, PubSub.Message message) {
        try {
            deadLetter(pubsub, spec, message);
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "{0}: sending a dropped message to {1} failed: {2}", host.appId(),
                    spec.deadLetterTopic(), rootCause(e));
        }
    }

    /**
     * One delivery's wait for an unreachable app (crashed, restarting): like daprd with app health checks, delivery
     * pauses until the app is back instead of spending the message's retries and dead-lettering it. Waits double
     * from the initial to the maximum delivery back-off; one warning when it starts, one note when it is over.
     */
    private final class AppOutage {
        private long wait = retries.initialBackoff().toMillis();
        private boolean down;

        void hold(String what, BooleanSupplier cancelled) {
            if (!down) {
                down = true;
                LOG.log(System.Logger.Level.WARNING, "{0}: app unreachable; holding {1} until it is back",
                        host.appId(), what);
            }
            sleep(wait, cancelled);
            wait = Math.min(wait * 2, retries.maxBackoff().toMillis());
        }

        void over() {
            if (down) {
                down = false;
                wait = retries.initialBackoff().toMillis();
                LOG.log(System.Logger.Level.INFO, "{0}: app reachable again; delivering", host.appId());
            }
        }
    }

    /** The component's inbound policy, or one made of the delivery options when no Resiliency is in force. */
    private Policy inboundPolicy(String pubsubName) {
        Policy p = host.inboundPolicy(pubsubName);
        if (p != null) {
            return p;
        }
        return Policy.of("deliveryRetries", null, retries.asRetry(), host.scheduler(), Runnable::run);
    }

    /** Connection refused or dropped before an answer: the app process is gone, not the message at fault. */
    static boolean appUnreachable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.net.ConnectException || t.getClass().getSimpleName().equals("HttpClosedException")) {
                return true;
            }
            // A pooled keep-alive connection to an app that has just gone: the write or read is reset.
            String message = t.getMessage() == null ? "" : t.getMessage().toLowerCase(java.util.Locale.ROOT);
            if (t instanceof java.io.IOException
                    && (message.contains("connection reset") || message.contains("broken pipe"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }

    private static void fallback(ObjectNode event, Map<String, String> metadata, String field) {
        if (!event.has(field) && metadata.containsKey(field)) {
            event.put(field, metadata.get(field));
        }
    }

    private void sleep(long millis, BooleanSupplier cancelled) {
        long end = System.currentTimeMillis() + millis;
        while (System.currentTimeMillis() < end) {
            if (cancelled.getAsBoolean() || closed) {
                throw new CancellationException("subscription stopping");
            }
            try {
                Thread.sleep(Math.min(50, Math.max(1, end - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("interrupted");
            }
        }
    }

    Outcome post(String path, byte[] body, JsonNode event, Duration attemptTimeout) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", CloudEvents.CONTENT_TYPE);
        String traceparent = Traces.child(event.path("traceparent").asText(null), host.samplingRate());
        headers.put("traceparent", traceparent);
        String tracestate = event.path("tracestate").asText("");
        if (!tracestate.isEmpty()) {
            headers.put("tracestate", tracestate);
        }
        headers.put("pubsubname", event.path("pubsubname").asText(""));
        AppChannel.Reply reply;
        try {
            reply = host.app().call("POST", path, headers, body, attemptTimeout).join();
        } catch (RuntimeException e) {
            if (appUnreachable(e)) {
                return Outcome.APP_UNREACHABLE;
            }
            LOG.log(System.Logger.Level.WARNING, "{0}: delivering event {1} to {2} failed: {3}", host.appId(),
                    event.path("id").asText(), path, rootCause(e));
            return Outcome.RETRY;
        }
        if (reply.ok()) {
            if (reply.body().length == 0) {
                return Outcome.SUCCESS;
            }
            JsonNode answer;
            try {
                answer = Json.parse(reply.body());
            } catch (IllegalArgumentException e) {
                return Outcome.SUCCESS; // daprd skips the status check when the body is not JSON
            }
            String status = answer.path("status").asText("").toUpperCase(Locale.ROOT);
            switch (status) {
                case "", "SUCCESS":
                    return Outcome.SUCCESS;
                case "RETRY":
                    return Outcome.RETRY;
                case "DROP":
                    LOG.log(System.Logger.Level.WARNING, "{0}: event {1} dropped by the app", host.appId(),
                            event.path("id").asText());
                    return Outcome.DROP;
                default:
                    LOG.log(System.Logger.Level.WARNING, "{0}: unknown status {1} for event {2}; retrying",
                            host.appId(), status, event.path("id").asText());
                    return Outcome.RETRY;
            }
        }
        if (reply.status() == 404) {
            LOG.log(System.Logger.Level.ERROR, "{0}: non-retriable error from the app for event {1} (404 on {2}); "
                    + "dropped", host.appId(), event.path("id").asText(), path);
            return Outcome.NOT_FOUND;
        }
        LOG.log(System.Logger.Level.WARNING, "{0}: retriable error from the app for event {1}: status {2}",
                host.appId(), event.path("id").asText(), reply.status());
        return Outcome.RETRY;
    }

    private void deadLetter(PubSub pubsub, SubscriptionSpec spec, PubSub.Message message) throws Exception {
        if (spec.deadLetterTopic() == null) {
            return;
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        message.metadata().forEach((k, v) -> {
            if (!k.startsWith("__")) {
                metadata.put(k, v);
            }
        });
        String key = message.metadata().get("__key");
        if (key != null) {
            metadata.put("partitionKey", key);
        }
        pubsub.publish(spec.deadLetterTopic(), message.data(), metadata);
    }

    @Override
    public synchronized void close() {
        closed = true;
        for (AutoCloseable s : subscriptions) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing subscription", e);
            }
        }
        subscriptions.clear();
    }
}
