package dev.learnflow.local.sidecar;

import dev.learnflow.local.sidecar.pubsub.InMemoryPubSub;
import dev.learnflow.local.sidecar.state.InMemoryStateStore;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * What the sidecars of one process share: name resolution (app id → sidecar), actor placement (actor type → hosting
 * sidecars), the in-memory components, and the threads (one Vert.x instance, one worker pool, one scheduler). The
 * launcher creates one and passes it to every {@link Sidecar#start(SidecarOptions)}; close it after the sidecars.
 */
public final class SidecarRegistry implements AutoCloseable {

    private final Map<String, Sidecar> sidecars = new ConcurrentHashMap<>();
    private final Map<String, List<Sidecar>> actorHosts = new ConcurrentHashMap<>();
    private final Map<String, InMemoryPubSub> inMemoryPubSubs = new ConcurrentHashMap<>();
    private final Map<String, InMemoryStateStore> inMemoryStores = new ConcurrentHashMap<>();
    private final Vertx vertx;
    private final HttpClient httpClient;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    private volatile boolean closed;

    static final int APP_CONNECTIONS = 4096;

    /** How long an idle sidecar worker thread lives. */
    static final long IDLE_WORKER_SECONDS = 10;

    public SidecarRegistry() {
        this.vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(4)
                .setInternalBlockingPoolSize(2).setBlockedThreadCheckInterval(10_000));
        // No practical cap on connections to an app, as daprd (Go's transport: MaxConnsPerHost 0, and
        // --app-max-concurrency unset): the one shared pool carries both invocations of an app and the actor calls
        // that app makes back through its sidecar, so with a cap of 64, 64 reads waiting on their actor call held
        // every connection the actor calls needed (500 users: "timeout ... getting a connection to :8106", 503s).
        this.httpClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setKeepAliveTimeout(30).setTcpNoDelay(true), new PoolOptions().setHttp1MaxSize(APP_CONNECTIONS));
        // As many workers as calls in flight (a cached pool), but an idle one ends after 10 s rather than 60 s: a
        // burst of 500 users leaves ~90 of them, ~0.1 MiB each, that would otherwise outlive it by a minute (issue 19)
        this.workers = new ThreadPoolExecutor(0, Integer.MAX_VALUE, IDLE_WORKER_SECONDS, TimeUnit.SECONDS,
                new SynchronousQueue<>(), SidecarThreads.numbered("sidecar-worker"));
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(2, SidecarThreads.numbered("sidecar-timer"));
        // Resiliency timeouts are set for every invocation and cancelled when it answers: removed at once, not
        // kept queued for their 10–30 s, each waking a timer thread when it would have fired (issue 19).
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
    }

    /** The sidecar of {@code appId}, or null (name resolution). */
    public Sidecar lookup(String appId) {
        return sidecars.get(appId);
    }

    public Collection<Sidecar> sidecars() {
        return List.copyOf(sidecars.values());
    }

    void register(Sidecar sidecar) {
        Sidecar previous = sidecars.putIfAbsent(sidecar.appId(), sidecar);
        if (previous != null && previous != sidecar) {
            throw new SidecarConfigException("a sidecar for app id '" + sidecar.appId()
                    + "' is already running in this registry");
        }
    }

    void unregister(Sidecar sidecar) {
        sidecars.remove(sidecar.appId(), sidecar);
        actorHosts.values().forEach(list -> list.remove(sidecar));
    }

    /** Placement: {@code sidecar}'s app hosts {@code actorType}. */
    public void addActorHost(String actorType, Sidecar sidecar) {
        List<Sidecar> hosts = actorHosts.computeIfAbsent(actorType, k -> new CopyOnWriteArrayList<>());
        if (!hosts.contains(sidecar)) {
            hosts.add(sidecar);
        }
        synchronized (actorHosts) {
            actorHosts.notifyAll();
        }
    }

    /** Placement lookup: the sidecar hosting (type, id), waiting up to {@code waitMillis} for a host to register. */
    public Sidecar actorHost(String actorType, String actorId, long waitMillis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + waitMillis;
        synchronized (actorHosts) {
            while (true) {
                List<Sidecar> hosts = actorHosts.get(actorType);
                if (hosts != null && !hosts.isEmpty()) {
                    List<Sidecar> sorted = new ArrayList<>(hosts);
                    sorted.sort(java.util.Comparator.comparing(Sidecar::appId));
                    return sorted.get(Math.floorMod((actorType + "||" + actorId).hashCode(), sorted.size()));
                }
                long left = deadline - System.currentTimeMillis();
                if (left <= 0 || closed) {
                    return null;
                }
                actorHosts.wait(Math.min(left, 200));
            }
        }
    }

    public InMemoryPubSub inMemoryPubSub(String componentName) {
        return inMemoryPubSubs.computeIfAbsent(componentName, k -> new InMemoryPubSub(workers, scheduler));
    }

    public InMemoryStateStore inMemoryStateStore(String componentName) {
        return inMemoryStores.computeIfAbsent(componentName, k -> new InMemoryStateStore());
    }

    public Vertx vertx() {
        return vertx;
    }

    public HttpClient httpClient() {
        return httpClient;
    }

    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    public boolean isClosed() {
        return closed;
    }

    /** Stops every sidecar still registered, then the shared threads. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        for (Sidecar s : sidecars()) {
            s.stop();
        }
        closed = true;
        scheduler.shutdownNow();
        workers.shutdownNow();
        httpClient.close();
        vertx.close().toCompletionStage().toCompletableFuture().orTimeout(10, java.util.concurrent.TimeUnit.SECONDS)
                .exceptionally(e -> null).join();
    }
}
