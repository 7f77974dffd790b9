package dev.learnflow.local.sidecar.pubsub;

import dev.learnflow.local.sidecar.SidecarConfigException;
import dev.learnflow.local.sidecar.config.ComponentSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * pubsub.kafka over kafka-clients. Publishing waits for the broker's acknowledgement (acks=all). Consuming: one
 * consumer per (app, component) in the component's consumer group; each partition is processed strictly in order
 * by one task at a time while the poll loop keeps the group membership alive (the partition is paused meanwhile);
 * offsets are committed only after the sidecar has decided the outcome of each message, so a restart redelivers
 * what was not decided (at-least-once).
 */
public final class KafkaPubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(KafkaPubSub.class.getName());
    private static final Set<String> NOT_HEADERS = Set.of("partitionKey", "key", "rawPayload");

    private final ComponentSpec spec;
    private final String brokers;
    private final String clientId;
    private final String consumerGroup;
    private final String initialOffset;
    private final ExecutorService executor;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private volatile KafkaProducer<byte[], byte[]> producer;

    public KafkaPubSub(ComponentSpec spec, String appId, ExecutorService executor) {
        this.spec = spec;
        this.executor = executor;
        this.brokers = spec.require("brokers");
        String authType = spec.get("authType", "");
        if (authType.isBlank()) {
            throw new SidecarConfigException(spec.describe() + ": required metadata 'authType' is missing "
                    + "(use \"none\")");
        }
        if (!authType.equalsIgnoreCase("none")) {
            throw new SidecarConfigException(spec.describe() + ": authType '" + authType
                    + "' is not supported by the local sidecar (only \"none\")");
        }
        this.clientId = spec.get("clientID", spec.get("clientId", appId));
        this.consumerGroup = spec.get("consumerGroup", spec.get("consumerID", appId));
        String offset = spec.get("initialOffset", "newest").toLowerCase(Locale.ROOT);
        if (!offset.equals("newest") && !offset.equals("oldest")) {
            throw new SidecarConfigException(spec.describe() + ": initialOffset must be 'newest' or 'oldest', got '"
                    + offset + "'");
        }
        this.initialOffset = offset.equals("oldest") ? "earliest" : "latest";
    }

    /** The consumer group from the component metadata (templates already applied). */
    public String consumerGroup() {
        return consumerGroup;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        KafkaProducer<byte[], byte[]> p = producer;
        if (p == null) {
            synchronized (this) {
                p = producer;
                if (p == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId + "-producer");
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "15000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    String maxBytes = spec.get("maxMessageBytes");
                    if (maxBytes != null && !maxBytes.isBlank()) {
                        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, maxBytes.trim());
                    }
                    p = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
                    producer = p;
                }
            }
        }
        return p;
    }

    @Override
    public void publish(String topic, byte[] data, Map<String, String> metadata) throws Exception {
        String key = metadata.getOrDefault("partitionKey", metadata.get("key"));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), data);
        metadata.forEach((k, v) -> {
            if (!NOT_HEADERS.contains(k) && v != null) {
                record.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        producer().send(record).get(30, TimeUnit.SECONDS);
    }

    @Override
    public synchronized AutoCloseable subscribe(String group, Set<String> topics, Handler handler) {
        ConsumerLoop loop = new ConsumerLoop(group == null ? consumerGroup : group, Set.copyOf(topics), handler);
        loops.add(loop);
        loop.start();
        return () -> {
            loop.stop();
            synchronized (KafkaPubSub.this) {
                loops.remove(loop);
            }
        };
    }

    @Override
    public List<String> features() {
        return List.of();
    }

    @Override
    public void close() {
        List<ConsumerLoop> copy;
        synchronized (this) {
            copy = new ArrayList<>(loops);
            loops.clear();
        }
        copy.forEach(ConsumerLoop::stop);
        KafkaProducer<byte[], byte[]> p = producer;
        if (p != null) {
            p.close(Duration.ofSeconds(5));
        }
    }

    /** The outcome of one partition batch, handed from its task back to the poll thread. */
    private record Done(TopicPartition partition, long nextOffset, Long retryFrom, PartitionTask task) {
    }

    private final class PartitionTask implements Runnable {
        final TopicPartition partition;
        final List<ConsumerRecord<byte[], byte[]>> records;
        final AtomicBoolean cancelled = new AtomicBoolean();
        final ConsumerLoop loop;

        PartitionTask(ConsumerLoop loop, TopicPartition partition, List<ConsumerRecord<byte[], byte[]>> records) {
            this.loop = loop;
            this.partition = partition;
            this.records = records;
        }

        @Override
        public void run() {
            long next = -1;
            Long retryFrom = null;
            for (ConsumerRecord<byte[], byte[]> r : records) {
                if (cancelled.get() || loop.stopping.get()) {
                    retryFrom = r.offset();
                    break;
                }
                Map<String, String> metadata = new LinkedHashMap<>();
                for (Header h : r.headers()) {
                    metadata.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
                }
                if (r.key() != null) {
                    metadata.put("__key", new String(r.key(), StandardCharsets.UTF_8));
                }
                metadata.put("__partition", Integer.toString(r.partition()));
                metadata.put("__offset", Long.toString(r.offset()));
                try {
                    loop.handler.handle(new Message(r.topic(), r.value() == null ? new byte[0] : r.value(), metadata),
                            () -> cancelled.get() || loop.stopping.get());
                    next = r.offset() + 1;
                } catch (Exception e) {
                    if (!cancelled.get() && !loop.stopping.get()) {
                        LOG.log(System.Logger.Level.WARNING, "delivery of " + partition + "@" + r.offset()
                                + " not decided; it will be delivered again", e);
                    }
                    retryFrom = r.offset();
                    break;
                }
            }
            loop.done.add(new Done(partition, next, retryFrom, this));
            // Wake the poll loop so the partition is committed and resumed now, not after the current long poll.
            try {
                loop.consumer.wakeup();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "consumer already closed", e); // stopping: nothing to resume
            }
        }
    }

    private final class ConsumerLoop implements ConsumerRebalanceListener {
        final String group;
        final Set<String> topics;
        final Handler handler;
        final AtomicBoolean stopping = new AtomicBoolean();
        final ConcurrentLinkedQueue<Done> done = new ConcurrentLinkedQueue<>();
        final Map<TopicPartition, PartitionTask> inflight = new ConcurrentHashMap<>();
        final CountDownLatch finished = new CountDownLatch(1);
        KafkaConsumer<byte[], byte[]> consumer;
        Thread thread;

        ConsumerLoop(String group, Set<String> topics, Handler handler) {
            this.group = group;
            this.topics = topics;
            this.handler = handler;
        }

        void start() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers);
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
            props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId + "-consumer");
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, initialOffset);
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "100");
            props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "true");
            // New records end a long poll at once; this only bounds how long an idle fetch is held by the broker.
            props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "100");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            thread = new Thread(this::run, "kafka-" + group + "-" + String.join(",", topics));
            thread.setDaemon(true);
            thread.start();
        }

        void stop() {
            if (stopping.compareAndSet(false, true)) {
                inflight.values().forEach(t -> t.cancelled.set(true));
                consumer.wakeup();
            }
            try {
                if (!finished.await(15, TimeUnit.SECONDS)) {
                    LOG.log(System.Logger.Level.WARNING, "kafka consumer " + group + " did not stop in time");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void run() {
            try {
                consumer.subscribe(topics, this);
                while (!stopping.get()) {
                    try {
                        dispatch(consumer.poll(Duration.ofMillis(100)));
                    } catch (WakeupException e) {
                        if (stopping.get()) {
                            break;
                        }
                        // a partition task finished: settle it below
                    }
                    settle(false);
                }
                // Let running tasks notice the stop, then commit what was decided.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (!inflight.isEmpty() && System.nanoTime() < deadline) {
                    settle(true);
                    Thread.sleep(20);
                }
                settle(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.ERROR, "kafka consumer " + group + " failed", e);
            } finally {
                try {
                    consumer.close(Duration.ofSeconds(5));
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.DEBUG, "closing kafka consumer", e);
                }
                finished.countDown();
            }
        }

        private void dispatch(ConsumerRecords<byte[], byte[]> records) {
            for (TopicPartition tp : records.partitions()) {
                List<ConsumerRecord<byte[], byte[]>> list = records.records(tp);
                if (list.isEmpty()) {
                    continue;
                }
                PartitionTask task = new PartitionTask(this, tp, list);
                inflight.put(tp, task);
                consumer.pause(List.of(tp));
                executor.execute(task);
            }
        }

        /** Commits finished partitions and resumes them; sync when partitions are about to be given away. */
        private void settle(boolean sync) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            List<Done> batch = new ArrayList<>();
            Done d;
            while ((d = done.poll()) != null) {
                batch.add(d);
            }
            for (Done r : batch) {
                if (inflight.get(r.partition()) != r.task()) {
                    continue; // revoked meanwhile: the new owner starts from the committed offset
                }
                if (r.nextOffset() >= 0) {
                    commits.put(r.partition(), new OffsetAndMetadata(r.nextOffset()));
                }
            }
            if (!commits.isEmpty()) {
                try {
                    if (sync) {
                        try {
                            consumer.commitSync(commits, Duration.ofSeconds(10));
                        } catch (WakeupException e) {
                            // a task's wake-up call was pending; it is consumed now, so the retry goes through
                            consumer.commitSync(commits, Duration.ofSeconds(10));
                        }
                    } else {
                        consumer.commitAsync(commits, (offsets, e) -> {
                            if (e != null) {
                                LOG.log(System.Logger.Level.WARNING, "offset commit failed for " + group
                                        + "; messages may be delivered again", e);
                            }
                        });
                    }
                } catch (Exception e) {
                    LOG.log(System.Logger.Level.WARNING, "offset commit failed for " + group + "; messages may be "
                            + "delivered again", e);
                }
            }
            for (Done r : batch) {
                if (inflight.get(r.partition()) != r.task()) {
                    continue;
                }
                inflight.remove(r.partition());
                if (!stopping.get() && consumer.assignment().contains(r.partition())) {
                    if (r.retryFrom() != null) {
                        consumer.seek(r.partition(), r.retryFrom());
                    }
                    consumer.resume(List.of(r.partition()));
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            Set<TopicPartition> revoked = new HashSet<>(partitions);
            for (TopicPartition tp : revoked) {
                PartitionTask t = inflight.get(tp);
                if (t != null) {
                    t.cancelled.set(true);
                }
            }
            settle(true);
            revoked.forEach(inflight::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to do: positions come from the committed offsets (or initialOffset).
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> {
                PartitionTask t = inflight.remove(tp);
                if (t != null) {
                    t.cancelled.set(true);
                }
            });
        }
    }
}
