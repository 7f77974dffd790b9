package dev.learnflow.local.sidecar;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.local.sidecar.support.ActorApp;
import dev.learnflow.local.sidecar.support.Clients;
import dev.learnflow.local.sidecar.support.CounterActor;
import dev.learnflow.local.sidecar.support.CounterActorImpl;
import dev.learnflow.local.sidecar.support.Fixtures;
import dev.learnflow.local.sidecar.support.TestApp;
import io.dapr.actors.ActorId;
import io.dapr.actors.client.ActorClient;
import io.dapr.actors.client.ActorProxyBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Actors with real Dapr SDK actors (ActorRuntime in the test app) and the SDK's ActorClient/ActorProxy as callers,
 * through two sidecars ("caller" without actors, "host" hosting TestCounter) on state.postgresql as the actor
 * state store: turn-based concurrency, parallelism across ids, state and reminders surviving a sidecar restart,
 * timers, idle deactivation, errors.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActorConformanceTest {

    static SidecarRegistry registry;
    static Path components;
    static TestApp app;
    static Sidecar caller;
    static Sidecar host;
    static final int HOST_HTTP = Fixtures.freePort();
    static final String TABLE = "dapr_actor_state";

    @BeforeAll
    static void start() throws Exception {
        registry = new SidecarRegistry();
        components = Fixtures.components(Files.createTempDirectory("actor-components"),
                "statestore.yaml", Fixtures.postgresState("statestore", TABLE, true));
        app = ActorApp.newHost();
        host = startHost();
        caller = Sidecar.start(SidecarOptions.builder("caller").daprHttpPort(0).daprGrpcPort(0).registry(registry)
                .actorPlacementWait(Duration.ofSeconds(1))
                .componentsDir(components).env(Map.of()).build());
    }

    static Sidecar startHost() throws Exception {
        Sidecar s = Sidecar.start(SidecarOptions.builder("actor-host").appPort(app.port()).daprHttpPort(HOST_HTTP)
                .daprGrpcPort(ActorApp.SIDECAR_GRPC_PORT).registry(registry).componentsDir(components).env(Map.of())
                .actorIdleTimeout(Duration.ofSeconds(2)).actorScanInterval(Duration.ofMillis(200)).build());
        s.appReady().get(30, TimeUnit.SECONDS);
        return s;
    }

    @AfterAll
    static void stop() {
        CLIENTS.forEach(ActorClient::close);
        registry.close();
        app.close();
    }

    static final List<ActorClient> CLIENTS = new java.util.concurrent.CopyOnWriteArrayList<>();

    static CounterActor proxy(Sidecar via, String id) {
        ActorClient client = Clients.actors(via);
        CLIENTS.add(client);
        return new ActorProxyBuilder<>(CounterActor.class, client).build(new ActorId(id));
    }

    static String id(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    @Order(1)
    void concurrentCallsToOneActorAreSerialisedAcrossCallers() throws Exception {
        String id = id("serial");
        CounterActor viaCaller = proxy(caller, id);
        CounterActor viaHost = proxy(host, id);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                CounterActor p = i % 2 == 0 ? viaCaller : viaHost;
                calls.add(CompletableFuture.supplyAsync(() -> p.increment(5), pool));
            }
            List<Integer> results = calls.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(results).containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, 50).boxed().toList());
        } finally {
            pool.shutdownNow();
        }
        assertThat(CounterActorImpl.OVERLAPS.get()).isZero();
        assertThat(viaCaller.get()).isEqualTo(50);
    }

    @Test
    @Order(2)
    void differentActorsRunInParallel() {
        List<CounterActor> actors = List.of(proxy(caller, id("par")), proxy(caller, id("par")),
                proxy(caller, id("par")), proxy(caller, id("par")));
        actors.forEach(CounterActor::get); // activate first
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            long start = System.nanoTime();
            List<CompletableFuture<Integer>> calls = actors.stream()
                    .map(a -> CompletableFuture.supplyAsync(() -> a.increment(600), pool)).toList();
            calls.forEach(CompletableFuture::join);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertThat(millis).as("4 × 600 ms on 4 different actors").isLessThan(1_800);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @Order(3)
    void actorStateAndRemindersSurviveASidecarRestart() throws Exception {
        String id = id("durable");
        CounterActor actor = proxy(caller, id);
        actor.increment(0);
        actor.increment(0);
        assertThat(actor.increment(0)).isEqualTo(3);
        // A reminder due in 1.5 s, every 1 s: registered, then the host's sidecar goes down before it is due.
        actor.remindMe(new long[] {1_500, 1_000});
        // Each reminder is its own record: registering another actor's leaves this one's untouched (the cost of a
        // registration does not grow with the reminders already there).
        String reminderKey = "actors||TestCounter||reminder||" + id + "||tick";
        String xminBefore = xmin(reminderKey);
        String other = id("legacy");
        proxy(caller, other).remindMe(new long[] {1_500, 1_000});
        assertThat(xmin(reminderKey)).isEqualTo(xminBefore);
        int deactivationsBefore = (int) CounterActorImpl.DEACTIVATIONS.stream().filter(id::equals).count();

        host.stop();
        // daprd deactivates its actors when it shuts down: the app drops its cached state.
        assertThat(CounterActorImpl.DEACTIVATIONS.stream().filter(id::equals).count()).isGreaterThan(deactivationsBefore);
        Thread.sleep(2_000);
        assertThat(CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(id + ":"))).isEmpty();

        // State and reminder are in PostgreSQL: the state under daprd's key, the reminder as its own record.
        try (Connection c = Fixtures.db(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM " + TABLE
                    + " WHERE key = 'actor-host||TestCounter||" + id + "||count'");
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            rs = st.executeQuery("SELECT value::text FROM " + TABLE + " WHERE key = '" + reminderKey + "'");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).contains(id).contains("tick");
            // The other reminder as an older local sidecar stored reminders (one list per type): read and moved.
            String otherKey = "actors||TestCounter||reminder||" + other + "||tick";
            st.executeUpdate("INSERT INTO " + TABLE + " (key, value, isbinary) SELECT 'actors||TestCounter', "
                    + "jsonb_build_array(value), false FROM " + TABLE + " WHERE key = '" + otherKey + "'");
            assertThat(st.executeUpdate("DELETE FROM " + TABLE + " WHERE key = '" + otherKey + "'")).isEqualTo(1);
        }

        long restartedAt = System.currentTimeMillis();
        host = startHost();
        // The missed reminders fire soon after the restart, then keep their period.
        Fixtures.await("reminder after restart", Duration.ofSeconds(10),
                () -> CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(id + ":tick:" + id)).count() >= 2);
        Fixtures.await("moved reminder after restart", Duration.ofSeconds(10),
                () -> CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(other + ":tick:" + other)).count()
                        >= 2);
        String firstFire = CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(id + ":")).findFirst().orElseThrow();
        assertThat(Long.parseLong(firstFire.substring(firstFire.indexOf('@') + 1))).isGreaterThanOrEqualTo(restartedAt);
        assertThat(xmin("actors||TestCounter")).as("the old list is gone").isNull();
        assertThat(xmin("actors||TestCounter||reminder||" + other + "||tick")).isNotNull();
        proxy(caller, other).forget("tick");
        assertThat(xmin("actors||TestCounter||reminder||" + other + "||tick")).as("unregistered").isNull();

        // The state is read back from the store by a fresh activation.
        assertThat(proxy(caller, id).increment(0)).isEqualTo(4);
        HttpResponse<String> raw = Clients.http(host, "GET", "/v1.0/actors/TestCounter/" + id + "/state/count", null);
        assertThat(raw.statusCode()).isEqualTo(200);
        assertThat(raw.body().trim()).isEqualTo("4");

        actor.forget("tick");
        int fired = (int) CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(id + ":")).count();
        Thread.sleep(1_500);
        assertThat(CounterActorImpl.REMINDERS.stream().filter(r -> r.startsWith(id + ":")).count()).isEqualTo(fired);
    }

    /** The row version of a stored key, or null when there is no such row. */
    private static String xmin(String key) throws Exception {
        try (Connection c = Fixtures.db(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT xmin::text FROM " + TABLE + " WHERE key = '" + key + "'")) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    @Test
    @Order(4)
    void timersFireAndIdleActorsAreDeactivated() {
        String id = id("idle");
        CounterActor actor = proxy(caller, id);
        actor.timeMe(300);
        Fixtures.await("timer", Duration.ofSeconds(5),
                () -> CounterActorImpl.TIMERS.stream().anyMatch(t -> t.startsWith(id + ":timer-data@")));
        assertThat(host.actors().isActive("TestCounter", id)).isTrue();
        // Idle timeout 2 s (scan every 200 ms): DELETE /actors/TestCounter/{id} reaches the app.
        Fixtures.await("idle deactivation", Duration.ofSeconds(6), () -> CounterActorImpl.DEACTIVATIONS.contains(id));
        assertThat(host.actors().isActive("TestCounter", id)).isFalse();
        assertThat(app.requests("/actors/TestCounter/" + id).stream().anyMatch(r -> r.method().equals("DELETE"))).isTrue();
        // The next call activates it again.
        int activations = (int) CounterActorImpl.ACTIVATIONS.stream().filter(id::equals).count();
        actor.increment(0);
        assertThat(CounterActorImpl.ACTIVATIONS.stream().filter(id::equals).count()).isEqualTo(activations + 1);
    }

    @Test
    @Order(5)
    void actorErrorsAndHttpActorApi() throws Exception {
        String id = id("errors");
        CounterActor actor = proxy(caller, id);
        assertThatThrownBy(() -> actor.fail("boom")).hasMessageContaining("boom");

        // HTTP actor API: invoke, state transaction, reminders.
        HttpResponse<String> inv = Clients.http(caller, "POST", "/v1.0/actors/TestCounter/" + id + "/method/increment", "0");
        assertThat(inv.statusCode()).isEqualTo(200);
        assertThat(inv.body().trim()).isEqualTo("1");
        HttpResponse<String> tx = Clients.http(host, "POST", "/v1.0/actors/TestCounter/" + id + "/state",
                "[{\"operation\":\"upsert\",\"request\":{\"key\":\"note\",\"value\":{\"n\":1}}}]");
        assertThat(tx.statusCode()).isEqualTo(204);
        JsonNode note = Json.parse(Clients.http(host, "GET", "/v1.0/actors/TestCounter/" + id + "/state/note", null)
                .body().getBytes());
        assertThat(note.path("n").asInt()).isEqualTo(1);
        HttpResponse<String> rem = Clients.http(caller, "PUT", "/v1.0/actors/TestCounter/" + id + "/reminders/r2",
                "{\"dueTime\":\"PT1H\",\"period\":\"R5/PT10M\",\"data\":\"x\"}");
        assertThat(rem.statusCode()).isEqualTo(204);
        JsonNode got = Json.parse(Clients.http(host, "GET", "/v1.0/actors/TestCounter/" + id + "/reminders/r2", null)
                .body().getBytes());
        assertThat(got.path("period").asText()).isEqualTo("R5/PT10M");
        assertThat(Clients.http(caller, "DELETE", "/v1.0/actors/TestCounter/" + id + "/reminders/r2", null).statusCode())
                .isEqualTo(204);
        assertThat(Clients.http(caller, "GET", "/v1.0/actors/NoSuchType/x/method/m", null).statusCode()).isEqualTo(500);

        JsonNode md = Json.parse(Clients.http(host, "GET", "/v1.0/metadata", null).body().getBytes());
        assertThat(md.path("actorRuntime").path("activeActors").toString()).contains("TestCounter");
    }
}
