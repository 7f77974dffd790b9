package dev.learnflow.codeexecution;

import dev.learnflow.local.testing.ConfigOverrides;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/** One sandbox, one waiting place: the third concurrent request is told to come back later. */
@QuarkusTest
@TestProfile(BusyTest.TinyPool.class)
class BusyTest {

    public static class TinyPool extends ConfigOverrides {
        public TinyPool() {
            super(Map.of("learnflow.sandbox.pool.size", "1", "learnflow.sandbox.pool.queue", "1",
                    "learnflow.sandbox.pool.queue-timeout", "10s"));
        }
    }

    @Test
    void overflowIsA429WithRetryAfter() throws Exception {
        // Four at once: one runs, one waits, the others find the pool and its queue full.
        List<CompletableFuture<Response>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(CompletableFuture.supplyAsync(() -> Runs.run("import time\ntime.sleep(1.5)", null, 3000)));
        }
        List<Integer> statuses = new ArrayList<>();
        Response rejected = null;
        for (CompletableFuture<Response> c : calls) {
            Response r = c.get();
            statuses.add(r.statusCode());
            if (r.statusCode() == 429) {
                rejected = r;
            }
        }
        assertThat(statuses).contains(200).contains(429);
        assertThat(rejected).isNotNull();
        assertThat(rejected.header("Retry-After")).isEqualTo("1");
        assertThat(rejected.contentType()).startsWith("application/problem+json");
        assertThat(rejected.jsonPath().getString("type")).isEqualTo("https://learnflow.dev/problems/sandbox-busy");
        // Once the burst is over the service answers normally again.
        assertThat(Runs.run("print('ok')").jsonPath().getString("stdout")).isEqualTo("ok\n");
    }
}
