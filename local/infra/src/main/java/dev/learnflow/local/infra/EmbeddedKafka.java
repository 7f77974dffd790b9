package dev.learnflow.local.infra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;

/**
 * A real single-node Apache Kafka broker (KRaft, one combined broker+controller node) running inside this JVM.
 *
 * <pre>{@code
 * try (EmbeddedKafka kafka = EmbeddedKafka.builder().dataDir(dir).start()) {
 *     kafka.createTopics(Topics.all());
 *     String bootstrap = kafka.bootstrapServers();
 *     kafka.stop();     // broker gone, clients see connection errors
 *     kafka.restart();  // same port, same data: committed records are still there
 * }
 * }</pre>
 *
 * The broker is tuned for a laptop: one partition for internal topics, small cleaner buffer, few threads.
 * Its log output is sent to WARN or to a file (see {@link InfraLogging}) unless {@link Builder#quietLogging(boolean)}
 * is turned off.
 */
public final class EmbeddedKafka implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedKafka.class);
    private static final int NODE_ID = 1;
    private static final String CONTROLLER_LISTENER = "CONTROLLER";
    private static final Duration TOPIC_TIMEOUT = Duration.ofSeconds(30);

    private final int port;
    private final int controllerPort;
    private final Path dataDir;
    private final boolean temporaryDataDir;
    private final int defaultPartitions;
    private final Map<String, String> extraProperties;

    private KafkaRaftServer server;
    private Admin admin;
    private boolean closed;

    private EmbeddedKafka(Builder b) throws IOException {
        this.port = b.port > 0 ? b.port : Ports.freePort();
        int cport = b.controllerPort > 0 ? b.controllerPort : Ports.freePort();
        while (cport == this.port) {
            cport = Ports.freePort();
        }
        this.controllerPort = cport;
        if (b.dataDir != null) {
            Files.createDirectories(b.dataDir);
            this.dataDir = b.dataDir.toAbsolutePath();
            this.temporaryDataDir = false;
        } else {
            this.dataDir = Files.createTempDirectory("learnflow-kafka-");
            this.temporaryDataDir = true;
        }
        this.defaultPartitions = b.defaultPartitions;
        this.extraProperties = Map.copyOf(b.settings);
    }

    /** A builder: random ports and a temporary data dir unless told otherwise. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts a broker on random ports with a temporary data directory (deleted by {@link #close()}). */
    public static EmbeddedKafka start() {
        return builder().start();
    }

    /** {@code 127.0.0.1:port} of the PLAINTEXT listener. */
    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public int controllerPort() {
        return controllerPort;
    }

    public Path dataDir() {
        return dataDir;
    }

    public int defaultPartitions() {
        return defaultPartitions;
    }

    public synchronized boolean isRunning() {
        return server != null;
    }

    /**
     * Creates the topics that do not exist yet, with {@link #defaultPartitions()} partitions and replication factor
     * 1, and waits until each has a leader. Existing topics are left as they are.
     */
    public void createTopics(Collection<String> names) {
        createTopics(names, defaultPartitions);
    }

    /** As {@link #createTopics(Collection)} with an explicit partition count for the topics created now. */
    public synchronized void createTopics(Collection<String> names, int partitions) {
        requireRunning();
        KafkaTopics.create(admin(), names, partitions, (short) 1, TOPIC_TIMEOUT);
    }

    /** Names of the non-internal topics. */
    public synchronized java.util.Set<String> listTopics() {
        requireRunning();
        try {
            return admin().listTopics().names().get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("listing topics failed", e);
        }
    }

    /** Partition count of each named topic (only existing topics are in the result). */
    public synchronized Map<String, Integer> partitionCounts(Collection<String> names) {
        requireRunning();
        Map<String, Integer> out = new LinkedHashMap<>();
        try {
            Map<String, TopicDescription> d = admin().describeTopics(names).allTopicNames()
                    .get(TOPIC_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            d.forEach((k, v) -> out.put(k, v.partitions().size()));
        } catch (Exception e) {
            throw new IllegalStateException("describing topics failed", e);
        }
        return out;
    }

    /**
     * Stops the broker but keeps its data directory and ports, so {@link #restart()} brings the same broker back
     * (as when Kafka crashes and comes back). Does nothing if already stopped.
     */
    public synchronized void stop() {
        if (admin != null) {
            try {
                admin.close(Duration.ofSeconds(2));
            } catch (RuntimeException e) {
                LOG.debug("closing admin client", e);
            }
            admin = null;
        }
        if (server != null) {
            KafkaRaftServer s = server;
            server = null;
            long t0 = System.nanoTime();
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException e) {
                LOG.warn("Kafka shutdown reported an error", e);
            }
            LOG.info("Kafka on {} stopped in {} ms", bootstrapServers(), (System.nanoTime() - t0) / 1_000_000);
        }
    }

    /** Starts the broker again on the same ports with the same data directory. */
    public synchronized EmbeddedKafka restart() {
        if (closed) {
            throw new IllegalStateException("closed");
        }
        stop();
        startServer();
        return this;
    }

    /** Stops the broker; a temporary data directory is deleted. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        stop();
        closed = true;
        if (temporaryDataDir) {
            Files2.deleteRecursively(dataDir);
        }
    }

    @Override
    public String toString() {
        return "EmbeddedKafka[" + bootstrapServers() + ", dataDir=" + dataDir + (isRunning() ? "" : ", stopped") + "]";
    }

    // ------------------------------------------------------------------------------------------------------------

    private synchronized void startServer() {
        long t0 = System.nanoTime();
        InfraLogging.installKafkaExitGuard();
        Path logDir = dataDir;
        Map<String, Object> props = brokerProperties(logDir);
        KafkaConfig config = new KafkaConfig(props, false);
        try {
            formatIfNeeded(config, logDir);
        } catch (Exception e) {
            throw new IllegalStateException("formatting Kafka storage in " + logDir + " failed", e);
        }
        KafkaRaftServer s = new KafkaRaftServer(config, Time.SYSTEM);
        try {
            s.startup();
        } catch (RuntimeException e) {
            try {
                s.shutdown();
                s.awaitShutdown();
            } catch (RuntimeException ignored) {
                // best effort
            }
            throw new IllegalStateException("Kafka failed to start on port " + port + " (data " + dataDir + ")", e);
        }
        server = s;
        awaitBrokerReady();
        LOG.info("Kafka started on {} in {} ms (data {})", bootstrapServers(), (System.nanoTime() - t0) / 1_000_000,
                dataDir);
    }

    private Map<String, Object> brokerProperties(Path logDir) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("process.roles", "broker,controller");
        p.put("node.id", String.valueOf(NODE_ID));
        p.put("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + "," + CONTROLLER_LISTENER + "://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT");
        p.put("controller.listener.names", CONTROLLER_LISTENER);
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", logDir.toString());
        p.put("metadata.log.dir", logDir.toString());
        p.put("num.partitions", String.valueOf(defaultPartitions));
        p.put("default.replication.factor", "1");
        p.put("min.insync.replicas", "1");
        p.put("auto.create.topics.enable", "true");
        // Internal topics: one replica, one partition (quick group coordination on a laptop).
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("transaction.state.log.num.partitions", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("share.coordinator.state.topic.num.partitions", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        // Light on a 2-core machine.
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        p.put("background.threads", "2");
        p.put("num.recovery.threads.per.data.dir", "1");
        p.put("num.replica.fetchers", "1");
        p.put("log.cleaner.threads", "1");
        p.put("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024));
        p.put("log.cleaner.io.buffer.size", String.valueOf(256 * 1024));
        p.put("log.index.size.max.bytes", String.valueOf(1024 * 1024));
        p.put("log.segment.bytes", String.valueOf(64 * 1024 * 1024));
        p.put("server.max.startup.time.ms", String.valueOf(60_000));
        // Quick clean shutdown.
        p.put("controlled.shutdown.enable", "true");
        p.putAll(extraProperties);
        return p;
    }

    private void formatIfNeeded(KafkaConfig config, Path logDir) throws Exception {
        if (Files.exists(logDir.resolve("meta.properties"))) {
            return;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Formatter formatter = new Formatter()
                .setPrintStream(new PrintStream(out, true, StandardCharsets.UTF_8))
                .setNodeId(NODE_ID)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(logDir.toString()))
                .setMetadataLogDirectory(logDir.toString())
                .setReleaseVersion(MetadataVersion.latestProduction())
                .setControllerListenerName(CONTROLLER_LISTENER)
                .setIgnoreFormatted(true);
        formatter.run();
        LOG.debug("formatted Kafka storage: {}", out.toString(StandardCharsets.UTF_8).trim());
    }

    private void awaitBrokerReady() {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            try {
                admin().describeCluster().nodes().get(5, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                sleep(100);
            }
        }
        throw new IllegalStateException("Kafka on " + bootstrapServers() + " did not become ready", last);
    }

    private Admin admin() {
        if (admin == null) {
            Map<String, Object> cfg = KafkaTopics.adminConfig(bootstrapServers(), "learnflow-embedded-kafka-admin");
            admin = Admin.create(cfg);
        }
        return admin;
    }

    private void requireRunning() {
        if (server == null) {
            throw new IllegalStateException("Kafka is not running: " + this);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Configures and starts an {@link EmbeddedKafka}. */
    public static final class Builder extends EmbeddedServerBuilder<Builder> {
        private int controllerPort;
        private int defaultPartitions = 1;

        private Builder() {
        }

        /** The KRaft controller port; 0 (default) picks a free one. */
        public Builder controllerPort(int controllerPort) {
            this.controllerPort = controllerPort;
            return this;
        }

        /** Partitions for topics made by {@link #createTopics(Collection)} and auto-created ones (default 1). */
        public Builder defaultPartitions(int partitions) {
            if (partitions < 1) {
                throw new IllegalArgumentException("partitions must be >= 1");
            }
            this.defaultPartitions = partitions;
            return this;
        }

        /** Starts the broker and waits until it answers (a few seconds). */
        public EmbeddedKafka start() {
            routeLogging(InfraLogging::kafkaToFile, InfraLogging::quietKafka);
            EmbeddedKafka k;
            try {
                k = new EmbeddedKafka(this);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return completeOrClose(k, EmbeddedKafka::startServer);
        }
    }
}
