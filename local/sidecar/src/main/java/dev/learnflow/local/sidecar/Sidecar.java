package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.learnflow.local.sidecar.actors.ActorHost;
import dev.learnflow.local.sidecar.api.ApiException;
import dev.learnflow.local.sidecar.api.GrpcApi;
import dev.learnflow.local.sidecar.api.HttpApi;
import dev.learnflow.local.sidecar.config.AccessControl;
import dev.learnflow.local.sidecar.config.ComponentSpec;
import dev.learnflow.local.sidecar.config.DaprConfiguration;
import dev.learnflow.local.sidecar.config.Resources;
import dev.learnflow.local.sidecar.config.SubscriptionSpec;
import dev.learnflow.local.sidecar.pubsub.CloudEvents;
import dev.learnflow.local.sidecar.pubsub.KafkaPubSub;
import dev.learnflow.local.sidecar.pubsub.PubSub;
import dev.learnflow.local.sidecar.pubsub.SubscriptionManager;
import dev.learnflow.local.sidecar.resiliency.Failures;
import dev.learnflow.local.sidecar.resiliency.Policy;
import dev.learnflow.local.sidecar.resiliency.Resiliency;
import dev.learnflow.local.sidecar.state.PostgresStateStore;
import dev.learnflow.local.sidecar.state.StateStore;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One local Dapr sidecar: the Dapr HTTP and gRPC APIs for one app id, its components, the app channel
 * (subscriptions, actors, service invocation) and its part of the in-process name resolution. Start with
 * {@link #start(SidecarOptions)}, stop with {@link #stop()}.
 */
public final class Sidecar implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(Sidecar.class.getName());
    public static final String RUNTIME_VERSION = "1.16.1-learnflow-local";

    private final SidecarOptions options;
    private final SidecarRegistry registry;
    private final boolean ownsRegistry;
    private final DaprConfiguration config;
    private final List<ComponentSpec> components = new ArrayList<>();
    private final Map<String, StateStore> stores = new LinkedHashMap<>();
    private final Map<String, ComponentSpec> storeSpecs = new LinkedHashMap<>();
    private final Map<String, PubSub> pubsubs = new LinkedHashMap<>();
    private final Map<String, ComponentSpec> pubsubSpecs = new LinkedHashMap<>();
    private final List<SubscriptionSpec> declarativeSubscriptions;
    private final Map<String, String> extendedMetadata = new ConcurrentHashMap<>();
    private final Resiliency resiliency;
    private final StateApi stateApi;
    private final AppChannel app;
    private final ActorHost actors;
    private final SubscriptionManager subscriptions;
    private String actorStoreName;
    private Server grpcServer;
    private HttpServer httpServer;
    private Thread appWatcher;
    private final CompletableFuture<Void> appReady = new CompletableFuture<>();
    private volatile boolean outboundReady;
    private volatile boolean stopped;

    private Sidecar(SidecarOptions options) {
        this.options = options;
        this.ownsRegistry = options.registry() == null;
        this.registry = ownsRegistry ? new SidecarRegistry() : options.registry();
        try {
            this.config = DaprConfiguration.load(options.configFile());
            Resources resources = Resources.load(options.componentsDir(), options.appId(), options.namespace(), options.env());
            this.declarativeSubscriptions = resources.declarativeSubscriptions();
            List<Resiliency.Document> resiliencyDocs = new ArrayList<>(resources.resiliencies());
            if (options.resiliencyFile() != null) {
                resiliencyDocs.addAll(Resources.resiliencyFile(options.resiliencyFile()));
            }
            this.resiliency = Resiliency.load(resiliencyDocs, options.appId(), registry.scheduler(), registry.workers());
            for (ComponentSpec spec : resources.components()) {
                initComponent(spec);
            }
            this.app = options.appPort() > 0
                    ? new AppChannel(registry.vertx(), registry.httpClient(), options.appHost(), options.appPort(),
                            options.appApiToken())
                    : null;
            this.stateApi = new StateApi(options.appId(), options.namespace(), stores, storeSpecs, registry.workers(),
                    resiliency);
            this.actors = new ActorHost(options.appId(), app, actorStoreName == null ? null : stores.get(actorStoreName),
                    registry.workers(), registry.scheduler(), options.invokeTimeout(), resiliency, actorStoreName);
            this.subscriptions = new SubscriptionManager(new SubscriptionHost(), options.invokeTimeout(),
                    options.deliveryRetries());
            if (!resiliency.loaded().isEmpty()) {
                LOG.log(System.Logger.Level.INFO, "{0}: resiliency policies from {1}", options.appId(),
                        resiliency.loaded());
            }
        } catch (RuntimeException e) {
            closeComponents();
            if (ownsRegistry) {
                registry.close();
            }
            throw e;
        }
    }

    /**
     * Loads the configuration and components, starts the HTTP and gRPC APIs and begins waiting for the app (its
     * subscriptions and actor types are read as soon as it answers). Fails with {@link SidecarConfigException} on
     * configuration errors and {@link IOException} when a port cannot be bound.
     */
    public static Sidecar start(SidecarOptions options) throws IOException {
        Sidecar s = new Sidecar(options);
        try {
            s.startServers();
        } catch (IOException | RuntimeException e) {
            s.stop();
            throw e;
        }
        return s;
    }

    // ---------------------------------------------------------------- components

    private void initComponent(ComponentSpec spec) {
        switch (spec.type()) {
            case "state.postgresql" -> {
                stores.put(spec.name(), PostgresStateStore.create(spec, options.stateMaxConnections()));
                storeSpecs.put(spec.name(), spec);
            }
            case "state.in-memory" -> {
                stores.put(spec.name(), registry.inMemoryStateStore(spec.name()));
                storeSpecs.put(spec.name(), spec);
            }
            case "pubsub.kafka" -> {
                pubsubs.put(spec.name(), new KafkaPubSub(spec, options.appId(), registry.workers()));
                pubsubSpecs.put(spec.name(), spec);
            }
            case "pubsub.in-memory" -> {
                pubsubs.put(spec.name(), registry.inMemoryPubSub(spec.name()));
                pubsubSpecs.put(spec.name(), spec);
            }
            case "secretstores.local.env" -> {
                // Secret references were resolved while loading; nothing to run.
            }
            default -> throw new SidecarConfigException(spec.file() + ": unsupported component type " + spec.type());
        }
        if (spec.category().equals("state") && spec.flag("actorStateStore")) {
            if (actorStoreName != null) {
                throw new SidecarConfigException(spec.describe() + ": a second actor state store (already: "
                        + actorStoreName + "); daprd allows exactly one");
            }
            actorStoreName = spec.name();
        }
        components.add(spec);
    }

    private void closeComponents() {
        for (Map.Entry<String, StateStore> e : stores.entrySet()) {
            ComponentSpec spec = storeSpecs.get(e.getKey());
            if (spec == null || !spec.type().endsWith("in-memory")) {
                e.getValue().close();
            }
        }
        for (Map.Entry<String, PubSub> e : pubsubs.entrySet()) {
            ComponentSpec spec = pubsubSpecs.get(e.getKey());
            if (spec == null || !spec.type().endsWith("in-memory")) {
                try {
                    e.getValue().close();
                } catch (Exception ex) {
                    LOG.log(System.Logger.Level.DEBUG, "closing " + e.getKey(), ex);
                }
            }
        }
    }

    // ---------------------------------------------------------------- servers and app

    private void startServers() throws IOException {
        registry.register(this);
        GrpcApi grpcApi = new GrpcApi(this);
        grpcServer = NettyServerBuilder.forAddress(new InetSocketAddress(options.listenAddress(), options.daprGrpcPort()))
                .addService(io.grpc.ServerInterceptors.intercept(grpcApi, grpcApi.tokenInterceptor()))
                // Handlers run on the transport's thread: those that could block move to the workers themselves
                // (GrpcApi), the rest start their operation and return, one hand-over per call fewer (issue 19).
                .directExecutor()
                .maxInboundMessageSize(16 * 1024 * 1024)
                .build()
                .start();
        CompletableFuture<HttpServer> http = registry.vertx()
                .createHttpServer(new HttpServerOptions().setHost(options.listenAddress()).setPort(options.daprHttpPort())
                        .setTcpNoDelay(true).setMaxInitialLineLength(16 * 1024))
                .requestHandler(new HttpApi(this))
                .listen().toCompletionStage().toCompletableFuture();
        try {
            httpServer = http.get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            Throwable c = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot listen on " + options.listenAddress() + ":" + options.daprHttpPort() + " for "
                    + options.appId() + ": " + c.getMessage(), c);
        }
        outboundReady = true;
        LOG.log(System.Logger.Level.INFO, "{0}: Dapr HTTP API on {1}:{2}, gRPC API on {1}:{3}{4}", options.appId(),
                options.listenAddress(), Integer.toString(httpPort()), Integer.toString(grpcPort()),
                app == null ? " (no app)" : ", app on " + options.appHost() + ":" + options.appPort());
        if (app == null) {
            appReady.complete(null);
        } else {
            appWatcher = SidecarThreads.daemon("sidecar-" + options.appId() + "-app", this::waitForApp);
            appWatcher.start();
        }
    }

    /** daprd's start sequence once the app port answers: read subscriptions and actor config, start both. */
    private void waitForApp() {
        try {
            AppChannel.Reply subs = null;
            while (!stopped) {
                try {
                    subs = app.call("GET", "/dapr/subscribe", MultiMap.caseInsensitiveMultiMap(), null,
                            Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
                    break;
                } catch (Exception e) {
                    Thread.sleep(options.appReadyPollInterval().toMillis());
                }
            }
            if (stopped) {
                return;
            }
            List<SubscriptionSpec> all = new ArrayList<>(declarativeSubscriptions);
            if (subs.ok() && subs.body().length > 0) {
                try {
                    JsonNode list = Json.parse(subs.body());
                    for (JsonNode n : list) {
                        all.add(Resources.parseSubscription(n, ""));
                    }
                } catch (IllegalArgumentException e) {
                    LOG.log(System.Logger.Level.ERROR, "{0}: invalid /dapr/subscribe answer: {1}", options.appId(),
                            e.getMessage());
                }
            }
            AppChannel.Reply cfg = app.call("GET", "/dapr/config", MultiMap.caseInsensitiveMultiMap(), null,
                    Duration.ofSeconds(10)).get(15, TimeUnit.SECONDS);
            if (cfg.ok() && cfg.body().length > 0) {
                JsonNode node = Json.parse(cfg.body());
                if (node.path("entities").size() > 0) {
                    if (actorStoreName == null) {
                        LOG.log(System.Logger.Level.ERROR, "{0}: the app hosts actors {1} but no state store has "
                                + "actorStateStore: \"true\"; actors are disabled", options.appId(), node.path("entities"));
                    } else {
                        Set<String> hosted = actors.configure(node, options.actorIdleTimeout(), options.actorScanInterval());
                        actors.loadReminders();
                        hosted.forEach(t -> registry.addActorHost(t, this));
                        LOG.log(System.Logger.Level.INFO, "{0}: hosting actor types {1}", options.appId(), hosted);
                    }
                }
            }
            if (!stopped) {
                subscriptions.start(all);
            }
            appReady.complete(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, options.appId() + ": initialising the app channel failed", e);
            appReady.completeExceptionally(e);
        }
    }

    /** Stops the APIs, subscriptions, actors and components. Safe to call twice. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        outboundReady = false;
        registry.unregister(this);
        if (appWatcher != null) {
            appWatcher.interrupt();
        }
        if (subscriptions != null) {
            subscriptions.close();
        }
        if (actors != null) {
            actors.close();
        }
        if (httpServer != null) {
            try {
                httpServer.close().toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                LOG.log(System.Logger.Level.DEBUG, "closing HTTP server", e);
            }
        }
        if (grpcServer != null) {
            grpcServer.shutdown();
            try {
                if (!grpcServer.awaitTermination(3, TimeUnit.SECONDS)) {
                    grpcServer.shutdownNow().awaitTermination(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        closeComponents();
        appReady.completeExceptionally(new IllegalStateException("sidecar stopped"));
        if (ownsRegistry) {
            registry.close();
        }
        LOG.log(System.Logger.Level.INFO, "{0}: sidecar stopped", options.appId());
    }

    @Override
    public void close() {
        stop();
    }

    // ---------------------------------------------------------------- accessors

    public String appId() {
        return options.appId();
    }

    public String namespace() {
        return options.namespace();
    }

    public int httpPort() {
        return httpServer == null ? options.daprHttpPort() : httpServer.actualPort();
    }

    public int grpcPort() {
        return grpcServer == null ? options.daprGrpcPort() : grpcServer.getPort();
    }

    public int appPort() {
        return options.appPort();
    }

    /** Completes once the app answered and its subscriptions and actor types are in effect. */
    public CompletableFuture<Void> appReady() {
        return appReady;
    }

    /** What /v1.0/healthz says: APIs up and the app channel initialised. */
    public boolean isHealthy() {
        return outboundReady && appReady.isDone() && !appReady.isCompletedExceptionally();
    }

    /** What /v1.0/healthz/outbound says: APIs and components up. */
    public boolean isOutboundReady() {
        return outboundReady;
    }

    public SidecarRegistry registry() {
        return registry;
    }

    public StateApi state() {
        return stateApi;
    }

    public ActorHost actors() {
        return actors;
    }

    public String apiToken() {
        return options.daprApiToken();
    }

    public double samplingRate() {
        return config.samplingRate();
    }

    public Duration invokeTimeout() {
        return options.invokeTimeout();
    }

    public Map<String, String> extendedMetadata() {
        return extendedMetadata;
    }

    // ---------------------------------------------------------------- pub/sub

    public PubSub pubsub(String name) {
        return pubsubs.get(name);
    }

    /** Publishes through {@code pubsubName}, wrapping in a CloudEvent unless the data already is one (or raw). */
    public CompletableFuture<Void> publish(String pubsubName, String topic, byte[] data, String contentType,
                                           Map<String, String> metadata, String traceparent, String tracestate) {
        if (pubsubs.isEmpty()) {
            throw new ApiException(400, Status.Code.FAILED_PRECONDITION, "ERR_PUBSUB_NOT_CONFIGURED",
                    "no pubsub is configured");
        }
        if (pubsubName == null || pubsubName.isBlank()) {
            throw new ApiException(404, Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_EMPTY", "pubsub name is empty");
        }
        PubSub pubsub = pubsubs.get(pubsubName);
        if (pubsub == null) {
            throw new ApiException(404, Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_NOT_FOUND",
                    "pubsub " + pubsubName + " not found");
        }
        if (topic == null || topic.isBlank()) {
            throw new ApiException(404, Status.Code.INVALID_ARGUMENT, "ERR_TOPIC_EMPTY",
                    "topic is empty in pubsub " + pubsubName);
        }
        Map<String, String> md = metadata == null ? Map.of() : metadata;
        byte[] payload;
        if (Boolean.parseBoolean(md.getOrDefault("rawPayload", "false"))) {
            payload = data;
        } else {
            try {
                ObjectNode ce = CloudEvents.envelope(new CloudEvents.Publish(pubsubName, topic, data, contentType,
                        options.appId(), Traces.child(traceparent, samplingRate()), tracestate, md));
                payload = Json.bytes(ce);
            } catch (IllegalArgumentException e) {
                throw new ApiException(400, Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_CLOUD_EVENTS_SER",
                        "error when marshalling cloud event envelope for topic " + topic + " pubsub " + pubsubName
                                + ": " + e.getMessage());
            }
        }
        Map<String, String> brokerMetadata = new LinkedHashMap<>(md);
        brokerMetadata.remove("rawPayload");
        brokerMetadata.remove("ttlInSeconds");
        Policy policy = resiliency.componentOutbound(pubsubName, Resiliency.ComponentKind.PUBSUB);
        return policy.run(attempt -> pubsub.publishAsync(topic, payload, brokerMetadata, registry.workers()))
                .exceptionally(e -> {
                    Throwable c = Failures.unwrap(e);
                    throw new ApiException(500, Status.Code.INTERNAL, "ERR_PUBSUB_PUBLISH_MESSAGE",
                            "error when publish to topic " + topic + " in pubsub " + pubsubName + ": "
                                    + c.getMessage(), c);
                });
    }

    /** One event of a bulk publish: its id (unique in the request), data, content type and own metadata. */
    public record BulkEntry(String entryId, byte[] event, String contentType, Map<String, String> metadata) {
    }

    /** An entry daprd could not publish, with the reason. */
    public record FailedEntry(String entryId, String error) {
    }

    /**
     * daprd's bulk publish (alpha): every entry is published like a single event (wrapped in a CloudEvent unless it
     * is one; the request's metadata under the entry's own), and the entries that failed are reported by id.
     */
    public CompletableFuture<List<FailedEntry>> publishBulk(String pubsubName, String topic, List<BulkEntry> entries,
                                                            Map<String, String> metadata, String traceparent,
                                                            String tracestate) {
        Set<String> ids = new java.util.HashSet<>();
        for (BulkEntry e : entries) {
            if (e.entryId() == null || e.entryId().isBlank()) {
                throw new ApiException(400, Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_EVENTS_SER",
                        "error: entryId is duplicated or not present for entry");
            }
            if (!ids.add(e.entryId())) {
                throw new ApiException(400, Status.Code.INVALID_ARGUMENT, "ERR_PUBSUB_EVENTS_SER",
                        "error: entryId is duplicated or not present for entry");
            }
        }
        List<CompletableFuture<FailedEntry>> results = new ArrayList<>();
        for (BulkEntry e : entries) {
            Map<String, String> md = new LinkedHashMap<>(metadata == null ? Map.of() : metadata);
            md.putAll(e.metadata() == null ? Map.of() : e.metadata());
            results.add(publish(pubsubName, topic, e.event(), e.contentType() == null || e.contentType().isBlank()
                    ? "text/plain" : e.contentType(), md, traceparent, tracestate)
                    .thenApply(v -> (FailedEntry) null)
                    .exceptionally(t -> new FailedEntry(e.entryId(), String.valueOf(
                            (t.getCause() != null ? t.getCause() : t).getMessage()))));
        }
        return CompletableFuture.allOf(results.toArray(CompletableFuture[]::new)).thenApply(v -> {
            List<FailedEntry> failed = new ArrayList<>();
            results.forEach(r -> {
                FailedEntry f = r.join();
                if (f != null) {
                    failed.add(f);
                }
            });
            return failed;
        });
    }

    private final class SubscriptionHost implements SubscriptionManager.Host {
        @Override
        public String appId() {
            return options.appId();
        }

        @Override
        public AppChannel app() {
            return app;
        }

        @Override
        public PubSub pubsub(String name) {
            return pubsubs.get(name);
        }

        @Override
        public String consumerGroup(String pubsubName) {
            PubSub p = pubsubs.get(pubsubName);
            return p instanceof KafkaPubSub k ? k.consumerGroup() : options.appId();
        }

        @Override
        public double samplingRate() {
            return config.samplingRate();
        }

        @Override
        public Policy inboundPolicy(String pubsubName) {
            // Without any Resiliency document the sidecar's deliveryRetries option stands in for daprd's policy.
            return resiliency.loaded().isEmpty() ? null
                    : resiliency.componentInbound(pubsubName, Resiliency.ComponentKind.PUBSUB);
        }

        @Override
        public java.util.concurrent.ScheduledExecutorService scheduler() {
            return registry.scheduler();
        }
    }

    // ---------------------------------------------------------------- service invocation

    /** What daprd's callee would know from the mTLS certificate of this (caller) sidecar. */
    public AccessControl.CallerIdentity identity() {
        String td = config.accessControl() != null ? config.accessControl().trustDomain() : "public";
        return new AccessControl.CallerIdentity(options.appId(), td, options.namespace());
    }

    /**
     * Caller side of service invocation (daprd's HTTP API): resolve {@code targetAppId} (optionally "id.namespace")
     * and hand the call to its sidecar, under the target app's resiliency policy.
     */
    public CompletableFuture<AppChannel.Reply> invoke(String targetAppId, String verb, String path, String query,
                                                      MultiMap headers, byte[] body) {
        return invoke(targetAppId, verb, path, query, headers, body, false);
    }

    /**
     * Caller side of service invocation under the policy for endpoint {@code <app-id>:<method>}. An app's answer
     * outside 200-399 is a failure for the policy (retried if its {@code matching} allows; over the gRPC API every
     * code is, as daprd's InvokeService sees a plain error) and is relayed as it is once retries end. An open
     * circuit breaker and a policy timeout answer as daprd: 500 ERR_DIRECT_INVOKE over HTTP; over gRPC the bare
     * error (UNKNOWN "circuit breaker is open", DEADLINE_EXCEEDED "context deadline exceeded").
     */
    public CompletableFuture<AppChannel.Reply> invoke(String targetAppId, String verb, String path, String query,
                                                      MultiMap headers, byte[] body, boolean grpcApi) {
        String method = path.startsWith("/") ? path.substring(1) : path;
        Policy policy = resiliency.endpoint(targetAppId, method);
        return policy.run(attempt -> {
            Sidecar callee = resolve(targetAppId);
            // daprd calls its own app directly (no hop to a remote sidecar), so access control never sees self-calls.
            return callee.receiveInvocation(identity(), callee != this, verb, path, query, headers, body)
                    .thenApply(reply -> {
                        if (reply.status() < 200 || reply.status() > 399) {
                            throw new Failures.CodeError(reply.status(), reply, grpcApi);
                        }
                        return reply;
                    });
        }).exceptionally(e -> {
            Throwable c = Failures.unwrap(e);
            if (c instanceof Failures.CodeError code) {
                return (AppChannel.Reply) code.reply();
            }
            if (c instanceof ApiException api) {
                throw api;
            }
            Status.Code grpc = c instanceof Failures.Timeout ? Status.Code.DEADLINE_EXCEEDED
                    : c instanceof Failures.BreakerOpen ? Status.Code.UNKNOWN : Status.Code.INTERNAL;
            ApiException failed = new ApiException(500, grpc, "ERR_DIRECT_INVOKE", "failed to invoke, id: "
                    + targetAppId + ", err: " + c.getMessage(), c);
            throw grpc == Status.Code.INTERNAL ? failed : failed.withGrpcMessage(c.getMessage());
        });
    }

    private Sidecar resolve(String targetAppId) {
        String target = targetAppId;
        int dot = target.lastIndexOf('.');
        if (dot > 0 && target.substring(dot + 1).equals(options.namespace())) {
            target = target.substring(0, dot);
        }
        Sidecar callee = registry.lookup(target);
        if (callee == null) {
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_DIRECT_INVOKE", "failed to invoke, id: "
                    + targetAppId + ", err: failed to resolve address for '" + target + "': couldn't find service: "
                    + target);
        }
        return callee;
    }

    /** Callee side: access control (for calls from other sidecars), then the call to the app with daprd's headers. */
    CompletableFuture<AppChannel.Reply> receiveInvocation(AccessControl.CallerIdentity caller, boolean remote,
                                                          String verb, String path, String query, MultiMap headers,
                                                          byte[] body) {
        if (remote && config.accessControl() != null) {
            AccessControl.Decision d = config.accessControl().check(caller, path, verb);
            if (!d.allowed()) {
                throw new ApiException(403, Status.Code.PERMISSION_DENIED, "ERR_DIRECT_INVOKE", "failed to invoke, "
                        + "id: " + options.appId() + ", err: rpc error: code = PermissionDenied desc = " + d.message());
            }
        }
        if (app == null) {
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_DIRECT_INVOKE", "failed to invoke, id: "
                    + options.appId() + ", err: app channel is not initialized (the app has no port)");
        }
        MultiMap h = MultiMap.caseInsensitiveMultiMap();
        if (headers != null) {
            h.addAll(headers);
        }
        h.remove("dapr-api-token");
        h.set("dapr-caller-app-id", caller.appId());
        h.set("dapr-caller-namespace", caller.namespace());
        h.set("dapr-callee-app-id", options.appId());
        h.set("traceparent", Traces.child(h.get("traceparent"), samplingRate()));
        String uri = (path.startsWith("/") ? path : "/" + path) + (query == null || query.isEmpty() ? "" : "?" + query);
        return app.call(verb, uri, h, body, options.invokeTimeout()).exceptionally(e -> {
            Throwable c = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                    ? e.getCause() : e;
            String why = c instanceof java.util.concurrent.TimeoutException ? "context deadline exceeded"
                    : String.valueOf(c.getMessage());
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_DIRECT_INVOKE", "failed to invoke, id: "
                    + options.appId() + ", err: " + why, c);
        });
    }

    // ---------------------------------------------------------------- actors (placement)

    /** The sidecar hosting (type, id) in this registry, waiting briefly for placement like daprd does. */
    public Sidecar actorHostFor(String type, String id, String errorCode) {
        if (type == null || type.isBlank() || id == null || id.isBlank()) {
            throw ApiException.badRequest("ERR_MALFORMED_REQUEST", "actor type and id are required");
        }
        try {
            if (actors.hosts(type)) {
                return this;
            }
            Sidecar host = registry.actorHost(type, id, options.actorPlacementWait().toMillis());
            if (host == null) {
                throw new ApiException(500, Status.Code.INTERNAL, errorCode,
                        "did not find address for actor " + type + "/" + id);
            }
            return host;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.internal(errorCode, "interrupted", e);
        }
    }

    /**
     * An actor call as the receiving sidecar's API makes it: under the actor type's pre-lock policy (retry and
     * circuit breaker, per type or per actor id), routed to the hosting sidecar, which applies the post-lock
     * timeout. An open breaker answers 500 ERR_ACTOR_INVOKE_METHOD "error invoke actor method: circuit breaker is
     * open" (gRPC INTERNAL), as daprd.
     */
    public CompletableFuture<AppChannel.Reply> invokeActor(String type, String id, String method, byte[] data,
                                                           Map<String, String> headers) {
        Policy policy = resiliency.actorPreLock(type, id);
        return policy.run(attempt -> {
            Sidecar host = actorHostFor(type, id, "ERR_ACTOR_INVOKE_METHOD");
            return host.actors().invoke(type, id, method, data, headers);
        }).exceptionally(e -> {
            Throwable c = Failures.unwrap(e);
            if (c instanceof ApiException api) {
                throw api;
            }
            throw new ApiException(500, Status.Code.INTERNAL, "ERR_ACTOR_INVOKE_METHOD",
                    "error invoke actor method: " + c.getMessage(), c);
        });
    }

    // ---------------------------------------------------------------- metadata

    /** A component's capabilities as daprd lists them in its metadata (HTTP and gRPC): a state store's features. */
    public List<String> capabilities(ComponentSpec component) {
        List<String> caps = new ArrayList<>();
        StateStore s = stores.get(component.name());
        if (s != null) {
            caps.addAll(s.features());
            if (component.name().equals(actorStoreName)) {
                caps.add("ACTOR");
            }
        }
        return caps;
    }

    /** The /v1.0/metadata document. */
    public ObjectNode metadata() {
        ObjectNode m = Json.object();
        m.put("id", options.appId());
        m.put("runtimeVersion", RUNTIME_VERSION);
        m.putArray("enabledFeatures");
        ArrayNode actorCounts = m.putArray("actors");
        actors.activeCounts().forEach((t, c) -> actorCounts.addObject().put("type", t).put("count", c));
        ObjectNode ext = m.putObject("extended");
        extendedMetadata.forEach(ext::put);
        ext.put("appCommand", "");
        ArrayNode comps = m.putArray("components");
        for (ComponentSpec c : components) {
            ObjectNode n = comps.addObject();
            n.put("name", c.name());
            n.put("type", c.type());
            n.put("version", c.version());
            ArrayNode caps = n.putArray("capabilities");
            capabilities(c).forEach(caps::add);
        }
        ArrayNode subs = m.putArray("subscriptions");
        for (SubscriptionSpec s : subscriptions.subscriptions()) {
            ObjectNode n = subs.addObject();
            n.put("pubsubname", s.pubsubName());
            n.put("topic", s.topic());
            ObjectNode md = n.putObject("metadata");
            s.metadata().forEach(md::put);
            ArrayNode rules = n.putObject("rules").putArray("rules");
            s.rules().forEach(r -> rules.addObject().put("match", r.match()).put("path", r.path()));
            if (s.deadLetterTopic() != null) {
                n.put("deadLetterTopic", s.deadLetterTopic());
            }
            n.put("type", s.type());
        }
        m.putArray("httpEndpoints");
        ObjectNode conn = m.putObject("appConnectionProperties");
        if (app != null) {
            conn.put("port", options.appPort());
            conn.put("protocol", "http");
            conn.put("channelAddress", options.appHost());
        }
        ObjectNode rt = m.putObject("actorRuntime");
        rt.put("runtimeStatus", actors.types().isEmpty() && !appReady.isDone() ? "INITIALIZING" : "RUNNING");
        ArrayNode active = rt.putArray("activeActors");
        actors.activeCounts().forEach((t, c) -> active.addObject().put("type", t).put("count", c));
        rt.put("hostReady", appReady.isDone());
        rt.put("placement", "connected (in-process)");
        return m;
    }

    public List<ComponentSpec> components() {
        return List.copyOf(components);
    }

    public List<SubscriptionSpec> activeSubscriptions() {
        return subscriptions.subscriptions();
    }

    public String actorStoreName() {
        return actorStoreName;
    }

    // ---------------------------------------------------------------- standalone

    /**
     * Runs one sidecar, with daprd-like flags: {@code --app-id}, {@code --app-port}, {@code --dapr-http-port},
     * {@code --dapr-grpc-port}, {@code --resources-path} (or {@code --components-path}), {@code --config}.
     */
    public static void main(String[] args) throws Exception {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                usage("unexpected argument " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq > 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else {
                if (i + 1 >= args.length) {
                    usage("missing value for " + a);
                }
                value = args[++i];
            }
            flags.put(name, value);
        }
        String appId = flags.get("app-id");
        if (appId == null) {
            usage("--app-id is required");
        }
        SidecarOptions.Builder b = SidecarOptions.builder(appId)
                .appPort(Integer.parseInt(flags.getOrDefault("app-port", "-1")))
                .daprHttpPort(Integer.parseInt(flags.getOrDefault("dapr-http-port", "3500")))
                .daprGrpcPort(Integer.parseInt(flags.getOrDefault("dapr-grpc-port", "50001")));
        String resources = flags.getOrDefault("resources-path", flags.get("components-path"));
        if (resources != null) {
            b.componentsDir(Path.of(resources));
        }
        if (flags.containsKey("config")) {
            b.configFile(Path.of(flags.get("config")));
        }
        if (flags.containsKey("dapr-listen-address")) {
            b.listenAddress(flags.get("dapr-listen-address"));
        }
        Sidecar sidecar;
        try {
            sidecar = start(b.build());
        } catch (SidecarConfigException e) {
            System.err.println("sidecar: " + e.getMessage());
            System.exit(2);
            return;
        }
        CountDownLatch done = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            sidecar.stop();
            done.countDown();
        }, "sidecar-shutdown"));
        System.out.println("sidecar " + appId + " ready: http " + sidecar.httpPort() + ", grpc " + sidecar.grpcPort());
        done.await();
    }

    private static void usage(String problem) {
        System.err.println("sidecar: " + problem);
        System.err.println("usage: Sidecar --app-id ID [--app-port N] [--dapr-http-port N] [--dapr-grpc-port N] "
                + "[--resources-path DIR] [--config FILE]");
        System.exit(2);
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
