package dev.learnflow.platform.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.local.testing.LocalSidecar;
import dev.learnflow.platform.dapr.JacksonDaprSerializer;
import dev.learnflow.platform.json.StrictJson;
import io.dapr.client.DaprClient;
import io.dapr.client.DaprClientBuilder;
import io.dapr.exceptions.DaprException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The typed state store against a real local sidecar with the repository's components (state.postgresql on the
 * test database), as every service uses it.
 */
class StateStoreTest {

    record Counter(int value, List<String> by) {
    }

    private static final LocalSidecar SIDECAR = new LocalSidecar();
    private static DaprClient dapr;
    private static StateStores stores;

    @BeforeAll
    static void start() {
        SIDECAR.init(Map.of("appId", "platform-state-test", "components", "real"));
        SIDECAR.start();
        ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
        new StrictJson().customize(mapper);
        JacksonDaprSerializer serializer = new JacksonDaprSerializer(mapper);
        dapr = new DaprClientBuilder().withObjectSerializer(serializer).withStateSerializer(serializer).build();
        // The sidecar sets up the state table on first use: wait for that once, not in every test.
        new StateStores(dapr, "statestore", Duration.ofSeconds(60), 1).of(String.class, "warm-up-").get("x");
        stores = new StateStores(dapr, "statestore", Duration.ofSeconds(10), 6);
    }

    @AfterAll
    static void stop() throws Exception {
        dapr.close();
        SIDECAR.stop();
    }

    private static String key() {
        return UUID.randomUUID().toString();
    }

    @Test
    void savesReadsAndDeletesTypedValuesUnderTheirPrefix() {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        StateStore<Counter> others = stores.of(Counter.class, "other-");
        String key = key();
        assertThat(counters.get(key)).isEmpty();
        assertThat(counters.read(key).exists()).isFalse();
        counters.save(key, new Counter(3, List.of("a")));
        assertThat(counters.get(key)).contains(new Counter(3, List.of("a")));
        assertThat(counters.read(key).etag()).isNotBlank();
        assertThat(others.get(key)).as("the prefix keeps kinds apart").isEmpty();
        counters.delete(key);
        assertThat(counters.get(key)).isEmpty();
    }

    @Test
    void aStaleETagOrAFirstWriteOnAnExistingKeyIsAConflict() {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        String key = key();
        counters.saveIfUnchanged(key, new Counter(1, List.of()), null);
        assertThatThrownBy(() -> counters.saveIfUnchanged(key, new Counter(2, List.of()), null))
                .as("first write on a key that exists").isInstanceOf(StateConflictException.class);
        String etag = counters.read(key).etag();
        counters.saveIfUnchanged(key, new Counter(2, List.of()), etag);
        assertThatThrownBy(() -> counters.saveIfUnchanged(key, new Counter(3, List.of()), etag))
                .as("an ETag read before the last write").isInstanceOf(StateConflictException.class);
        assertThat(counters.get(key)).contains(new Counter(2, List.of()));
        assertThat(counters.deleteIfUnchanged(key, etag)).isFalse();
        assertThat(counters.deleteIfUnchanged(key, counters.read(key).etag())).isTrue();
        assertThat(counters.get(key)).isEmpty();
    }

    @Test
    void concurrentUpdatesLoseNothing() {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        String key = key();
        List<CompletableFuture<Counter>> writers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            String writer = "w" + i;
            writers.add(CompletableFuture.supplyAsync(() -> counters.update(key, current -> {
                Counter c = current.orElse(new Counter(0, List.of()));
                List<String> by = new ArrayList<>(c.by());
                by.add(writer);
                return new Counter(c.value() + 1, by);
            })));
        }
        writers.forEach(CompletableFuture::join);
        Counter result = counters.get(key).orElseThrow();
        assertThat(result.value()).isEqualTo(4);
        assertThat(result.by()).containsExactlyInAnyOrder("w0", "w1", "w2", "w3");
    }

    @Test
    void anUpdateFromAVersionReadBeforeAppliesToTheStoredValueWhenAnotherWriteCameInBetween() {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        String key = key();
        counters.save(key, new Counter(1, List.of("first")));
        StateStore.Versioned<Counter> known = counters.read(key);
        // unchanged since it was read: the change applies to what was read (no read of its own)
        Counter second = counters.update(key, known, current -> add(current.orElseThrow(), "second"));
        assertThat(second).isEqualTo(new Counter(2, List.of("first", "second")));
        // another writer came in between: the first attempt loses its race, the next one re-reads
        StateStore.Versioned<Counter> stale = counters.read(key);
        counters.save(key, new Counter(10, List.of("other")));
        Counter after = counters.update(key, stale, current -> add(current.orElseThrow(), "late"));
        assertThat(after).isEqualTo(new Counter(11, List.of("other", "late")));
        assertThat(counters.get(key)).contains(after);
        // a key known to be absent is created only if nobody else created it meanwhile
        String fresh = key();
        StateStore.Versioned<Counter> absent = counters.read(fresh);
        counters.save(fresh, new Counter(5, List.of("racer")));
        assertThat(counters.update(fresh, absent, current -> add(current.orElse(new Counter(0, List.of())), "me")))
                .isEqualTo(new Counter(6, List.of("racer", "me")));
    }

    @Test
    void severalKeysAreReadInOneBulkGetAndMissingOnesAreLeftOut() {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        StateStore<Counter> others = stores.of(Counter.class, "other-");
        String a = key();
        String b = key();
        String missing = key();
        counters.save(a, new Counter(1, List.of("a")));
        counters.save(b, new Counter(2, List.of("b")));
        others.save(missing, new Counter(3, List.of("not this prefix")));
        assertThat(counters.getAll(List.of(a, b, missing, a)))
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(a, new Counter(1, List.of("a")),
                        b, new Counter(2, List.of("b"))));
        assertThat(counters.getAll(List.of())).isEmpty();
    }

    private static Counter add(Counter counter, String by) {
        List<String> all = new ArrayList<>(counter.by());
        all.add(by);
        return new Counter(counter.value() + 1, all);
    }

    @Test
    void updateGivesUpAfterTheConfiguredAttemptsAndDoesNotWriteAnUnchangedValue() {
        StateStores twoTries = new StateStores(dapr, "statestore", Duration.ofSeconds(10), 2);
        StateStore<Counter> counters = twoTries.of(Counter.class, "counter-");
        StateStore<Counter> sneaky = stores.of(Counter.class, "counter-");
        String key = key();
        counters.save(key, new Counter(0, List.of()));
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> counters.update(key, current -> {
            // Another writer changes the key between every read and write.
            sneaky.save(key, new Counter(100 + calls.incrementAndGet(), List.of()));
            return new Counter(-1, List.of());
        })).isInstanceOf(StateConflictException.class);
        assertThat(calls.get()).isEqualTo(2);
        String etag = counters.read(key).etag();
        Counter same = counters.update(key, current -> current.orElseThrow());
        assertThat(same.value()).isEqualTo(102);
        assertThat(counters.read(key).etag()).as("nothing written").isEqualTo(etag);
    }

    @Test
    void aValueSavedWithATtlExpires() throws Exception {
        StateStore<Counter> counters = stores.of(Counter.class, "counter-");
        String key = key();
        counters.save(key, new Counter(1, List.of()), Duration.ofSeconds(1));
        assertThat(counters.get(key)).isPresent();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (counters.get(key).isPresent() && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        assertThat(counters.get(key)).isEmpty();
    }

    @Test
    void processedEventsRememberIdsForTheirTtl() {
        ProcessedEvents processed = stores.processedEvents("platform-test-event-", Duration.ofMinutes(5));
        String id = key();
        assertThat(processed.seen(id)).isFalse();
        processed.markHandled(id);
        assertThat(processed.seen(id)).isTrue();
        assertThat(stores.processedEvents("another-consumer-", Duration.ofMinutes(5)).seen(id)).isFalse();
    }

    @Test
    void conflictsAreRecognisedInBothShapesDaprdUses() {
        assertThat(StateConflicts.isConflict(new DaprException("ABORTED",
                "ABORTED: failed saving state in state store statestore: possible etag mismatch. error from state "
                        + "store: etag mismatch", (Throwable) null))).isTrue();
        // state.postgresql v1: a first write on an existing key, passed on by daprd 1.16 as INTERNAL.
        assertThat(StateConflicts.isConflict(new DaprException("INTERNAL",
                "INTERNAL: failed saving state in state store statestore: no item was updated",
                (Throwable) null))).isTrue();
        assertThat(StateConflicts.isConflict(new RuntimeException(new DaprException("UNKNOWN",
                "UNKNOWN: failed deleting state with key k: possible etag mismatch. error from state store", (Throwable) null)))).isTrue();
        assertThat(StateConflicts.isConflict(new DaprException("INTERNAL",
                "INTERNAL: failed saving state in state store statestore: dial tcp: connection refused", (Throwable) null))).isFalse();
        assertThat(StateConflicts.isConflict(new DaprException("INVALID_ARGUMENT",
                "INVALID_ARGUMENT: failed saving state in state store statestore: invalid etag value", (Throwable) null))).isFalse();
        assertThat(StateConflicts.isConflict(new DaprException("DEADLINE_EXCEEDED", "timeout", (Throwable) null))).isFalse();
    }
}
