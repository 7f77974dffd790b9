package dev.learnflow.local.infra;

import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewPartitions;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.errors.TopicExistsException;

/** Idempotent topic creation on any Kafka (embedded or external). */
public final class KafkaTopics {

    private KafkaTopics() {
    }

    /**
     * Creates the topics that do not exist yet on {@code bootstrapServers} ({@code partitions} partitions, replication
     * factor {@code replicationFactor}), grows existing ones that have fewer partitions, and waits until each has a
     * leader.
     */
    public static void ensure(String bootstrapServers, Collection<String> names, int partitions, short replicationFactor,
            Duration timeout) {
        try (Admin admin = Admin.create(adminConfig(bootstrapServers, "learnflow-topics"))) {
            create(admin, names, partitions, replicationFactor, timeout);
        }
    }

    static Map<String, Object> adminConfig(String bootstrapServers, String clientId) {
        Map<String, Object> cfg = new LinkedHashMap<>();
        cfg.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        cfg.put(AdminClientConfig.CLIENT_ID_CONFIG, clientId);
        cfg.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        cfg.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        cfg.put(AdminClientConfig.RETRY_BACKOFF_MS_CONFIG, 50);
        cfg.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50);
        cfg.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1000);
        return cfg;
    }

    static void create(Admin admin, Collection<String> names, int partitions, short replicationFactor,
            Duration timeout) {
        if (names.isEmpty()) {
            return;
        }
        List<NewTopic> wanted = names.stream().distinct()
                .map(n -> new NewTopic(n, partitions, replicationFactor)).toList();
        Set<String> existing = new HashSet<>();
        for (Map.Entry<String, KafkaFuture<Void>> e : admin.createTopics(wanted).values().entrySet()) {
            try {
                e.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException ex) {
                if (!(ex.getCause() instanceof TopicExistsException)) {
                    throw new IllegalStateException("creating topic " + e.getKey() + " failed: "
                            + ex.getCause().getMessage(), ex.getCause());
                }
                existing.add(e.getKey());
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while creating topics", ex);
            } catch (TimeoutException ex) {
                throw new IllegalStateException("creating topic " + e.getKey() + " timed out", ex);
            }
        }
        if (!existing.isEmpty()) {
            growPartitions(admin, existing, partitions, timeout);
        }
        awaitLeaders(admin, names, timeout);
    }

    /**
     * Topics made with fewer partitions (an older data directory) get more, never fewer. Keys map to partitions
     * by hash modulo count, so a student's events published before and after the change may sit on two partitions:
     * their order holds again once the older partition is consumed (at start-up nothing is usually pending).
     */
    static void growPartitions(Admin admin, Collection<String> names, int partitions, Duration timeout) {
        try {
            Map<String, NewPartitions> grow = new LinkedHashMap<>();
            admin.describeTopics(names).allTopicNames().get(timeout.toMillis(), TimeUnit.MILLISECONDS)
                    .forEach((name, d) -> {
                        if (d.partitions().size() < partitions) {
                            grow.put(name, NewPartitions.increaseTo(partitions));
                        }
                    });
            if (!grow.isEmpty()) {
                admin.createPartitions(grow).all().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
                awaitPartitionCount(admin, grow.keySet(), partitions, timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while adding partitions", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("adding partitions to " + names + " failed: " + e.getMessage(), e);
        }
    }

    /** The broker acknowledges new partitions before its metadata shows them: wait until it does. */
    private static void awaitPartitionCount(Admin admin, Collection<String> names, int partitions, Duration timeout)
            throws InterruptedException, ExecutionException, TimeoutException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean grown = admin.describeTopics(names).allTopicNames().get(5, TimeUnit.SECONDS).values().stream()
                    .allMatch(d -> d.partitions().size() >= partitions);
            if (grown) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("partitions of " + names + " not visible after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    static void awaitLeaders(Admin admin, Collection<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Set<String> pending = new HashSet<>(names);
        Exception last = null;
        while (!pending.isEmpty() && System.nanoTime() < deadline) {
            try {
                Map<String, TopicDescription> d = admin.describeTopics(pending).allTopicNames()
                        .get(5, TimeUnit.SECONDS);
                for (TopicDescription td : d.values()) {
                    boolean ok = td.partitions().stream()
                            .allMatch(pi -> pi.leader() != null && !pi.leader().isEmpty());
                    if (ok) {
                        pending.remove(td.name());
                    }
                }
            } catch (Exception e) {
                last = e;
            }
            if (!pending.isEmpty()) {
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted", e);
                }
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalStateException("topics without leader after " + timeout + ": " + pending, last);
        }
    }
}
