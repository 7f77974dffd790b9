package dev.learnflow.bench.mesh;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop virtual users: each is one registered student with its own token and thread, sends its next request
 * as soon as the previous one is answered (think time 0), and picks it from a read-heavy mix.
 */
final class Load {

    static final String MIX = "progress 30 %, streak 25 %, curriculum modules 20 %, exercises of a random topic 23 %, "
            + "a question (`POST /api/v1/questions` → 202) 2 %; error = non-2xx, timeout (10 s) or I/O error";

    /** One level's outcome. */
    record Result(Stats all, Map<String, Stats> byRoute, double seconds) {
        double throughput() {
            return all.calls() / seconds;
        }

        String describe(int users) {
            StringBuilder sb = new StringBuilder(String.format(Locale.ROOT, "Load, %d user%s, per route (p50 / p99 ms, "
                    + "errors):", users, users == 1 ? "" : "s"));
            byRoute.forEach((route, s) -> sb.append(String.format(Locale.ROOT, " %s %s / %s%s;", route,
                    Stats.fmt(s.ms(50)), Stats.fmt(s.ms(99)), s.errorCount() == 0 ? "" : ", " + s.errorSummary()
                            + " (first: " + s.firstError + ")")));
            return sb.toString();
        }
    }

    private final Http http = new Http(java.time.Duration.ofSeconds(10));
    private final List<MeshBench.User> users;

    Load(List<MeshBench.User> users) {
        this.users = users;
    }

    Result run(int count, int seconds) throws InterruptedException {
        Map<String, Stats> byRoute = new LinkedHashMap<>();
        for (String route : List.of("progress", "streak", "curriculum", "exercises", "question")) {
            byRoute.put(route, new Stats());
        }
        Stats all = new Stats();
        CountDownLatch go = new CountDownLatch(1);
        AtomicLong lastDone = new AtomicLong();
        List<Thread> threads = new ArrayList<>();
        long[] window = new long[2];
        for (int i = 0; i < count; i++) {
            MeshBench.User user = users.get(i);
            Thread t = new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                while (System.nanoTime() < window[1]) {
                    call(user, all, byRoute);
                }
                lastDone.accumulateAndGet(System.nanoTime(), Math::max);
            }, "vu-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + TimeUnit.SECONDS.toNanos(seconds);
        go.countDown();
        for (Thread t : threads) {
            t.join(TimeUnit.SECONDS.toMillis(seconds + 60));
        }
        return new Result(all, byRoute, (lastDone.get() - window[0]) / 1e9);
    }

    private void call(MeshBench.User user, Stats all, Map<String, Stats> byRoute) {
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int pick = r.nextInt(100);
        String route;
        Http.Reply reply;
        String base = MeshBench.GATEWAY + "/api/v1";
        if (pick < 30) {
            route = "progress";
            reply = http.get(base + "/students/" + user.id() + "/progress", user.token());
        } else if (pick < 55) {
            route = "streak";
            reply = http.get(base + "/students/" + user.id() + "/streak", user.token());
        } else if (pick < 75) {
            route = "curriculum";
            reply = http.get(base + "/curriculum/modules", user.token());
        } else if (pick < 98) {
            route = "exercises";
            reply = http.get(base + "/exercises?topicId=" + MeshBench.TOPICS.get(r.nextInt(MeshBench.TOPICS.size())),
                    user.token());
        } else {
            route = "question";
            HttpRequest q = http.postRequest(base + "/questions", java.util.Map.of("Authorization", "Bearer "
                    + user.token()), "application/json", java.util.Map.of("question",
                    MeshBench.QUESTIONS.get(r.nextInt(MeshBench.QUESTIONS.size()))));
            reply = http.send(q);
        }
        for (Stats s : List.of(all, byRoute.get(route))) {
            if (reply.ok()) {
                s.record(reply.micros());
            } else {
                s.error(reply.errorKind(), reply.toString(), reply.micros());
            }
        }
    }
}
