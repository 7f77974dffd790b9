package dev.learnflow.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.json.ContractsJson;
import dev.learnflow.local.infra.EmbeddedKafka;
import dev.learnflow.local.infra.Ports;
import dev.learnflow.local.infra.Topics;
import dev.learnflow.local.sidecar.Sidecar;
import dev.learnflow.local.sidecar.SidecarOptions;
import dev.learnflow.local.sidecar.SidecarRegistry;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivery latency of the websocket service, end to end as in production: a producer publishes a
 * {@code learning.responses} CloudEvent through its own sidecar onto Kafka; the websocket service's sidecar
 * consumes it and delivers it to the service, which relays it to the one socket of the student it is for.
 * Measured from just before the publish call until the client has the message (same JVM, same clock).
 *
 * <p>Everything runs on this machine: embedded Kafka, two local sidecars (publisher "concepts" without an app,
 * and "websocket"), the service from its packaged jar in a child JVM, and the clients (java.net.http WebSocket).
 * Events go to a random connected student each, at a fixed rate. Prints a Markdown table.
 *
 * <p>Usage: {@code WebsocketBench <quarkus-run.jar> [events] [eventsPerSecond] [clientCounts...]}.
 */
public final class WebsocketBench {

    private static final ObjectMapper JSON = ContractsJson.newObjectMapper();

    /** Where an event enters. */
    private enum Entry {
        /** As in production: publisher's sidecar → Kafka → websocket's sidecar → service → socket. */
        KAFKA("publish → sidecar → Kafka → sidecar → socket"),
        /** The service alone: POST /internal/notifications straight to it (what a sidecar delivers) → socket. */
        PUSH("POST /internal/notifications → socket");

        final String label;

        Entry(String label) {
            this.label = label;
        }
    }
    private static final Duration DRAIN = Duration.ofSeconds(30);
    /**
     * Partitions per topic. The sidecar delivers one partition's messages one at a time (as daprd does), so
     * partitions are the delivery parallelism; events are keyed by student, which keeps each student's order.
     */
    private static final int PARTITIONS = Integer.getInteger("partitions", 4);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .version(HttpClient.Version.HTTP_1_1).executor(Executors.newFixedThreadPool(4)).build();
    private volatile String firstPublishError;
    private final Map<String, Long> sentAt = new ConcurrentHashMap<>();
    private final KeyPair keys;
    private final URI publishUri;
    private final URI pushUri;
    private final int relayPort;
    private volatile Histogram histogram;
    private volatile Histogram accepted;
    private volatile CountDownLatch received;

    private WebsocketBench(KeyPair keys, int publisherHttpPort, int relayPort) {
        this.keys = keys;
        this.publishUri = URI.create("http://127.0.0.1:" + publisherHttpPort + "/v1.0/publish/"
                + EventTopic.PUBSUB_NAME + "/" + EventTopic.LEARNING_RESPONSES.topic());
        this.relayPort = relayPort;
        this.pushUri = URI.create("http://127.0.0.1:" + relayPort + "/internal/notifications");
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args.length > 0 ? args[0] : "services/websocket/target/quarkus-app/quarkus-run.jar");
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        int rate = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        List<Integer> clientCounts = args.length > 3
                ? Arrays.stream(args, 3, args.length).map(Integer::valueOf).toList() : List.of(100, 1000);
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: mvn -pl services/websocket -am package -DskipTests");
        }
        Path work = Files.createTempDirectory("learnflow-ws-bench");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Path publicKey = work.resolve("jwt-public.pem");
        Files.writeString(publicKey, "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64,
                "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(keys.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");

        System.out.printf(Locale.ROOT, "websocket delivery bench: %d CPUs, load average %s%n",
                Runtime.getRuntime().availableProcessors(), loadAverage());
        try (EmbeddedKafka kafka = EmbeddedKafka.builder().start(); SidecarRegistry registry = new SidecarRegistry()) {
            kafka.createTopics(Topics.all(), PARTITIONS);
            Path components = pubsubOnly(work);
            Path config = repoFile("dapr/config.yaml");
            Map<String, String> env = Map.of("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
            int relayPort = Ports.freePort();
            Sidecar relaySidecar = Sidecar.start(SidecarOptions.builder("websocket").appPort(relayPort)
                    .daprHttpPort(0).daprGrpcPort(0).componentsDir(components).configFile(config).env(env)
                    .registry(registry).build());
            Sidecar publisher = Sidecar.start(SidecarOptions.builder("concepts").appPort(-1)
                    .daprHttpPort(0).daprGrpcPort(0).componentsDir(components).configFile(config).env(env)
                    .registry(registry).build());
            Path log = Path.of("bench/websocket/target/websocket.log").toAbsolutePath();
            Files.createDirectories(log.getParent());
            Process relay = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m", "-Dquarkus.http.host=127.0.0.1", "-Dquarkus.http.port=" + relayPort,
                    "-Ddapr.http.port=" + relaySidecar.httpPort(), "-Ddapr.grpc.port=" + relaySidecar.grpcPort(),
                    "-Dmp.jwt.verify.publickey.location=" + publicKey, "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            try {
                relaySidecar.appReady().get(180, TimeUnit.SECONDS);
                WebsocketBench bench = new WebsocketBench(keys, publisher.httpPort(), relayPort);
                System.out.printf(Locale.ROOT, "warming up (JIT on both sides, Kafka consumer group joined)...%n");
                bench.run(100, 1000, Math.max(rate, 200), Entry.KAFKA, false);
                bench.run(100, 1000, Math.max(rate, 200), Entry.PUSH, false);
                System.out.printf(Locale.ROOT, "%n%d events per run, %d/s, one random student per event, %d "
                        + "partitions keyed by student, load average now %s%n%n", events, rate, PARTITIONS,
                        loadAverage());
                System.out.println("| path | clients | events | rate/s | accepted p50 / p99 ms | p50 ms | p90 ms "
                        + "| p99 ms | max ms | lost |");
                System.out.println("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
                for (Entry path : Entry.values()) {
                    for (int clients : clientCounts) {
                        bench.run(clients, events, rate, path, true);
                    }
                }
            } finally {
                relay.destroy();
                relay.waitFor(15, TimeUnit.SECONDS);
                publisher.stop();
                relaySidecar.stop();
            }
        }
        System.exit(0);
    }

    private void run(int clients, int events, int rate, Entry path, boolean print) throws Exception {
        List<UUID> students = new ArrayList<>();
        List<WebSocket> sockets = connect(clients, students);
        histogram = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        accepted = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
        received = new CountDownLatch(events);
        sentAt.clear();
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long start = System.nanoTime();
        AtomicInteger publishErrors = new AtomicInteger();
        for (int i = 0; i < events; i++) {
            long due = start + i * interval;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            UUID student = students.get(ThreadLocalRandom.current().nextInt(students.size()));
            UUID requestId = UUID.randomUUID();
            LearningResponded answer = new LearningResponded(requestId, student, null, ResponseKind.CONCEPT,
                    "concepts", "A list is an ordered, mutable sequence.", ReceivedAnswer.EMPTY, Instant.now());
            HttpRequest request;
            if (path == Entry.KAFKA) {
                request = HttpRequest.newBuilder(URI.create(publishUri + "?metadata.partitionKey=" + student))
                        .header("Content-Type", CloudEvent.MEDIA_TYPE)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(
                                CloudEvent.of(EventTopic.LEARNING_RESPONSES, "concepts", answer)))).build();
            } else {
                Map<String, Object> push = Map.of("id", UUID.randomUUID().toString(), "type", "learning.response",
                        "correlationId", requestId.toString(), "recipients", List.of(student), "payload", answer);
                request = HttpRequest.newBuilder(pushUri).header("Content-Type", "application/json")
                        .header("dapr-caller-app-id", "notification")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(push))).build();
            }
            long sent = System.nanoTime();
            sentAt.put(requestId.toString(), sent);
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                    .whenComplete((r, e) -> {
                        accepted.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - sent),
                                accepted.getHighestTrackableValue()));
                        if (e != null || r.statusCode() / 100 != 2) {
                            publishErrors.incrementAndGet();
                            if (firstPublishError == null) {
                                firstPublishError = e != null ? e.toString() : "HTTP " + r.statusCode();
                            }
                        }
                    });
        }
        received.await(DRAIN.toSeconds(), TimeUnit.SECONDS);
        long lost = received.getCount();
        if (print) {
            Histogram h = histogram;
            System.out.printf(Locale.ROOT, "| %s | %d | %d | %d | %.1f / %.1f | %.1f | %.1f | %.1f | %.1f | %d |%n",
                    path.label, clients, events, rate, accepted.getValueAtPercentile(50) / 1000.0,
                    accepted.getValueAtPercentile(99) / 1000.0,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(90) / 1000.0,
                    h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0, lost);
            if (publishErrors.get() > 0) {
                System.out.printf(Locale.ROOT, "  (%d publish calls failed, first: %s)%n", publishErrors.get(),
                        firstPublishError);
            }
        }
        for (WebSocket socket : sockets) {
            socket.abort();
        }
    }

    private List<WebSocket> connect(int clients, List<UUID> students) throws Exception {
        List<WebSocket> sockets = new ArrayList<>();
        for (int batch = 0; batch < clients; batch += 50) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = batch; i < Math.min(clients, batch + 50); i++) {
                UUID student = UUID.randomUUID();
                students.add(student);
                opening.add(http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + relayPort
                        + "/ws?access_token=" + token(student)), new Listener()));
            }
            for (CompletableFuture<WebSocket> socket : opening) {
                sockets.add(socket.get(30, TimeUnit.SECONDS));
            }
        }
        return sockets;
    }

    /** Records the latency of each relayed answer, identified by its correlation id (the request id). */
    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                long now = System.nanoTime();
                try {
                    JsonNode message = JSON.readTree(partial.toString());
                    Long sent = sentAt.remove(message.path("correlationId").asText(""));
                    if (sent != null) {
                        histogram.recordValue(Math.min(TimeUnit.NANOSECONDS.toMicros(now - sent),
                                histogram.getHighestTrackableValue()));
                        received.countDown();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                } finally {
                    partial.setLength(0);
                }
            }
            socket.request(1);
            return null;
        }
    }

    /** An access token as the gateway issues it, signed with this run's key. */
    private String token(UUID user) throws Exception {
        long now = Instant.now().getEpochSecond();
        String header = b64("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String claims = b64(("{\"iss\":\"https://learnflow.dev\",\"aud\":\"learnflow-api\",\"sub\":\"" + user
                + "\",\"groups\":[\"student\"],\"iat\":" + now + ",\"exp\":" + (now + 3600) + "}")
                .getBytes(StandardCharsets.UTF_8));
        Signature rsa = Signature.getInstance("SHA256withRSA");
        rsa.initSign(keys.getPrivate());
        rsa.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + b64(rsa.sign());
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The repository's kafka-pubsub component (and its secret store) without the PostgreSQL state store. */
    private static Path pubsubOnly(Path work) throws Exception {
        Path dir = Files.createDirectories(work.resolve("components"));
        for (String file : List.of("pubsub.yaml", "secrets.yaml")) {
            Files.copy(repoFile("dapr/components/" + file), dir.resolve(file));
        }
        return dir;
    }

    private static Path repoFile(String relative) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            if (Files.exists(dir.resolve(relative)) && Files.exists(dir.resolve("pom.xml"))) {
                return dir.resolve(relative);
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException(relative + " not found");
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "n/a";
        }
    }
}
