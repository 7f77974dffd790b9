package dev.learnflow.local.sidecar.pubsub;

import dev.learnflow.local.sidecar.SidecarConfigException;
import dev.learnflow.local.sidecar.SidecarThreads;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * pubsub.kafka over kafka-clients. Publishing waits for the broker's acknowledgement (acks=all). Consuming: one
 * consumer per (app, component) in the component's consumer group. As in daprd (sarama: one goroutine per claimed
 * partition), partitions are delivered concurrently and each partition strictly in order, one message at a time;
 * the poll loop keeps fetching ahead while a message is delivered (a full partition is paused) and keeps the group
 * membership alive. Offsets are committed only up to what the sidecar has decided, so a restart redelivers what
 * was not decided (at-least-once). As in daprd (the component marks each decided message and sarama commits the
 * marks every {@code Consumer.Offsets.AutoCommit.Interval}, 1 s by default), decided offsets are committed at most
 * once per {@link #COMMIT_INTERVAL_NANOS}, and at once when partitions are given away or the consumer stops: a
 * crash of the whole sidecar may redeliver up to a second's decided events, which subscribers take idempotently.
 */
public final class KafkaPubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(KafkaPubSub.class.getName());
    private static final Set<String> NOT_HEADERS = Set.of("partitionKey", "key", "rawPayload");
    /** Fetched but undelivered records per partition before the partition is paused (sarama buffers 256). */
    static final int MAX_QUEUED_PER_PARTITION = 500;
    /** sarama's default auto-commit interval, which daprd's Kafka component keeps. */
    static final long COMMIT_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final ComponentSpec spec;
    private final String brokers;
    private final String clientId;
    private final String consumerGroup;
    private final String initialOffset;
    private final ExecutorService executor;
    private final List<ConsumerLoop> loops = new ArrayList<>();
    private volatile KafkaProducer<byte[], byte[]> producer;
    /** When a send to a topic was last acknowledged (System.nanoTime): its metadata is then in the producer. */
    private final Map<String, Long> lastAcknowledged = new ConcurrentHashMap<>();
    /** Well within the producer's metadata.max.idle.ms (5 min), after which it forgets an unused topic. */
    private static final long METADATA_SURELY_CACHED_NANOS = TimeUnit.MINUTES.toNanos(1);

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
                    // As sarama's sync producer (no Flush.Frequency): a record goes out at once, not after a linger.
                    props.put(ProducerConfig.LINGER_MS_CONFIG, "0");
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
        publishAsync(topic, data, metadata, Runnable::run).get(30, TimeUnit.SECONDS);
    }

    /**
     * As daprd's sync producer: completes once the broker has acknowledged (acks=all). The record is handed to the
     * producer on the caller's thread when that cannot block (the producer knows the topic's partitions from a
     * recent send), else on {@code blocking} (the first send of a topic waits for its metadata, up to
     * max.block.ms); no thread waits for the acknowledgement, which completes on the producer's I/O thread.
     */
    @Override
    public CompletableFuture<Void> publishAsync(String topic, byte[] data, Map<String, String> metadata,
                                                Executor blocking) {
        String key = metadata.getOrDefault("partitionKey", metadata.get("key"));
        ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic, null,
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), data);
        metadata.forEach((k, v) -> {
            if (!NOT_HEADERS.contains(k) && v != null) {
                record.headers().add(k, v.getBytes(StandardCharsets.UTF_8));
            }
        });
        CompletableFuture<Void> acknowledged = new CompletableFuture<>();
        Runnable send = () -> {
            try {
                producer().send(record, (sent, e) -> {
                    if (e != null) {
                        acknowledged.completeExceptionally(e);
                    } else {
                        lastAcknowledged.put(topic, System.nanoTime());
                        acknowledged.complete(null);
                    }
                });
            } catch (RuntimeException e) {
                acknowledged.completeExceptionally(e);
            }
        };
        Long last = lastAcknowledged.get(topic);
        if (last != null && System.nanoTime() - last < METADATA_SURELY_CACHED_NANOS) {
            send.run();
        } else {
            blocking.execute(send);
        }
        return acknowledged;
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

    /** components-contrib's Kafka defaults for a bulk subscription (DefaultMaxBulkSubCount, ...AwaitDurationMs). */
    @Override
    public Batching defaultBatching() {
        return new Batching(80, Duration.ofSeconds(10));
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

    /**
     * One assigned partition: the records fetched for it, handled strictly in order by at most one task at a time.
     * The poll thread keeps fetching while the task runs (as sarama keeps a claim's channel filled), so a record
     * published meanwhile is already here when the previous one is decided, instead of waiting for a paused
     * partition to be resumed and for the next fetch round. Only a full lane is paused (back-pressure).
     */
    private final class PartitionLane implements Runnable {
        final TopicPartition partition;
        final ConsumerLoop loop;
        /** Guarded by {@code this}. */
        private final ArrayDeque<ConsumerRecord<byte[], byte[]>> queue = new ArrayDeque<>();
        /** Guarded by {@code this}: a task is scheduled or running. */
        private boolean running;
        /** Guarded by {@code this}: a record was not decided; drop what arrives until the poll thread has sought. */
        private Long retryFrom;
        /** The offset after the last decided record (what may be committed); -1 = none yet. */
        volatile long decided = -1;
        volatile boolean cancelled;
        /** Poll thread only. */
        long committed = -1;
        volatile boolean paused;

        /** Set for a bulk subscription's topic: when a batch is due. Guarded by {@code this}. */
        private final BatchWindow window;
        /** Queued records at which the partition is paused. */
        private final int capacity;

        PartitionLane(ConsumerLoop loop, TopicPartition partition) {
            this.loop = loop;
            this.partition = partition;
            Batching batching = loop.handler.batching(partition.topic());
            this.window = batching == null ? null : new BatchWindow(batching, System.currentTimeMillis());
            // Room for two full batches, so the next one fills while one is delivered.
            this.capacity = batching == null ? MAX_QUEUED_PER_PARTITION
                    : Math.max(MAX_QUEUED_PER_PARTITION, 2 * batching.maxMessages());
        }

        /** Poll thread: queues fetched records and starts a task if none runs; true when the lane is full. */
        boolean offer(List<ConsumerRecord<byte[], byte[]>> records) {
            boolean start;
            int size;
            synchronized (this) {
                if (retryFrom != null || cancelled) {
                    return false; // fetched before the seek: delivered again from retryFrom
                }
                queue.addAll(records);
                size = queue.size();
                start = !running;
                running = true;
                if (window != null) {
                    notifyAll(); // a waiting batch may be full now
                }
            }
            if (start) {
                executor.execute(this);
            }
            return size >= capacity;
        }

        synchronized int queued() {
            return queue.size();
        }

        /** Poll thread: the offset to seek to once, if a record was left undecided. */
        synchronized Long takeRetry() {
            Long r = retryFrom;
            retryFrom = null;
            return r;
        }

        synchronized boolean idle() {
            return !running;
        }

        @Override
        public void run() {
            if (window != null) {
                runBatches();
                return;
            }
            while (true) {
                ConsumerRecord<byte[], byte[]> r;
                synchronized (this) {
                    r = queue.poll();
                    if (r == null) {
                        running = false;
                        break;
                    }
                }
                if (cancelled || loop.stopping.get()) {
                    undecided(r);
                    break;
                }
                try {
                    loop.handler.handle(message(r), () -> cancelled || loop.stopping.get());
                    decided = r.offset() + 1;
                } catch (Exception e) {
                    if (!cancelled && !loop.stopping.get()) {
                        LOG.log(System.Logger.Level.WARNING, "delivery of " + partition + "@" + r.offset()
                                + " not decided; it will be delivered again", e);
                    }
                    undecided(r);
                    break;
                }
                if (paused && queued() <= capacity / 2) {
                    loop.wake(); // room again: the poll thread resumes the partition
                }
            }
        }

        /**
         * A bulk subscription's partition: as the Kafka component's bulk consumer, hands the handler up to
         * maxMessagesCount records at once, or what is buffered when the maxAwaitDuration ticker fires; the next
         * batch only once this one is decided (the partition's order holds across batches).
         */
        private void runBatches() {
            while (true) {
                List<ConsumerRecord<byte[], byte[]>> batch = new ArrayList<>();
                synchronized (this) {
                    while (true) {
                        if (queue.isEmpty()) {
                            running = false;
                            return;
                        }
                        if (cancelled || loop.stopping.get()) {
                            break;
                        }
                        long now = System.currentTimeMillis();
                        long wait = window.waitMillis(queue.size(), now);
                        if (wait == 0) {
                            window.handedOver(now);
                            while (batch.size() < window.maxMessages() && !queue.isEmpty()) {
                                batch.add(queue.poll());
                            }
                            break;
                        }
                        try {
                            wait(Math.min(wait, 50)); // wakes for a full batch, or to notice a stop
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            break;
                        }
                    }
                }
                if (batch.isEmpty()) {
                    ConsumerRecord<byte[], byte[]> first;
                    synchronized (this) {
                        first = queue.peek();
                    }
                    if (first != null) {
                        undecided(first);
                    } else {
                        synchronized (this) {
                            running = false;
                        }
                    }
                    return;
                }
                try {
                    loop.handler.handleBatch(batch.stream().map(this::message).toList(),
                            () -> cancelled || loop.stopping.get());
                    decided = batch.get(batch.size() - 1).offset() + 1;
                } catch (Exception e) {
                    if (!cancelled && !loop.stopping.get()) {
                        LOG.log(System.Logger.Level.WARNING, "delivery of " + partition + "@" + batch.get(0).offset()
                                + ".." + batch.get(batch.size() - 1).offset() + " not decided; it will be delivered "
                                + "again", e);
                    }
                    undecided(batch.get(0));
                    return;
                }
                if (paused && queued() <= capacity / 2) {
                    loop.wake();
                }
            }
        }

        /** Stops at {@code r}: it and everything after it are fetched again from its offset. */
        private void undecided(ConsumerRecord<byte[], byte[]> r) {
            synchronized (this) {
                queue.clear();
                retryFrom = r.offset();
                running = false;
            }
            loop.wake();
        }

        private Message message(ConsumerRecord<byte[], byte[]> r) {
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Header h : r.headers()) {
                metadata.put(h.key(), h.value() == null ? "" : new String(h.value(), StandardCharsets.UTF_8));
            }
            if (r.key() != null) {
                metadata.put("__key", new String(r.key(), StandardCharsets.UTF_8));
            }
            metadata.put("__partition", Integer.toString(r.partition()));
            metadata.put("__offset", Long.toString(r.offset()));
            metadata.put("__topic", r.topic());
            metadata.put("__timestamp", Long.toString(r.timestamp()));
            return new Message(r.topic(), r.value() == null ? new byte[0] : r.value(), metadata);
        }
    }

    private final class ConsumerLoop implements ConsumerRebalanceListener {
        final String group;
        final Set<String> topics;
        final Handler handler;
        final AtomicBoolean stopping = new AtomicBoolean();
        final Map<TopicPartition, PartitionLane> lanes = new ConcurrentHashMap<>();
        final CountDownLatch finished = new CountDownLatch(1);
        KafkaConsumer<byte[], byte[]> consumer;
        Thread thread;
        /** When decided offsets were last committed (System.nanoTime; only the poll thread reads and writes it). */
        long lastCommitNanos = System.nanoTime();

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
            // Partitions added to a subscribed topic (KafkaTopics grows older topics) are noticed within seconds,
            // not after the 5 minutes default; one metadata request per interval is all this costs.
            props.put(ConsumerConfig.METADATA_MAX_AGE_CONFIG, "5000");
            consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            thread = SidecarThreads.daemon("kafka-" + group + "-" + String.join(",", topics), this::run);
            thread.start();
        }

        /** Ends the current poll early (a lane needs a seek or a resume). */
        void wake() {
            try {
                consumer.wakeup();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.DEBUG, "consumer already closed", e); // stopping: nothing to resume
            }
        }

        void stop() {
            if (stopping.compareAndSet(false, true)) {
                lanes.values().forEach(l -> l.cancelled = true);
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
                        // a lane needs a seek or a resume: settled below
                    }
                    settle(false);
                }
                // Let running tasks notice the stop, then commit what was decided.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                while (lanes.values().stream().anyMatch(l -> !l.idle()) && System.nanoTime() < deadline) {
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
                PartitionLane lane = lanes.computeIfAbsent(tp, p -> new PartitionLane(this, p));
                if (lane.offer(list) && !lane.paused) {
                    lane.paused = true;
                    consumer.pause(List.of(tp));
                }
            }
        }

        /**
         * Commits what the lanes decided since the last commit, seeks lanes that left a record undecided and resumes
         * lanes that have room again; sync when partitions are about to be given away.
         */
        private void settle(boolean sync) {
            Map<TopicPartition, OffsetAndMetadata> commits = new HashMap<>();
            long now = System.nanoTime();
            if (sync || now - lastCommitNanos >= COMMIT_INTERVAL_NANOS) {
                for (PartitionLane lane : lanes.values()) {
                    long decided = lane.decided;
                    if (decided > lane.committed) {
                        commits.put(lane.partition, new OffsetAndMetadata(decided));
                        lane.committed = decided;
                    }
                }
            }
            if (!commits.isEmpty()) {
                lastCommitNanos = now;
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
            if (stopping.get()) {
                return;
            }
            Set<TopicPartition> assigned = consumer.assignment();
            for (PartitionLane lane : lanes.values()) {
                if (!assigned.contains(lane.partition)) {
                    continue;
                }
                Long retryFrom = lane.idle() ? lane.takeRetry() : null;
                if (retryFrom != null) {
                    consumer.seek(lane.partition, retryFrom);
                }
                if (lane.paused && (retryFrom != null || lane.queued() <= lane.capacity / 2)) {
                    lane.paused = false;
                    consumer.resume(List.of(lane.partition));
                }
            }
        }

        @Override
        public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
            for (TopicPartition tp : partitions) {
                PartitionLane lane = lanes.get(tp);
                if (lane != null) {
                    lane.cancelled = true;
                }
            }
            settle(true);
            partitions.forEach(lanes::remove);
        }

        @Override
        public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
            // Nothing to do: positions come from the committed offsets (or initialOffset).
        }

        @Override
        public void onPartitionsLost(Collection<TopicPartition> partitions) {
            partitions.forEach(tp -> {
                PartitionLane lane = lanes.remove(tp);
                if (lane != null) {
                    lane.cancelled = true;
                }
            });
        }
    }
}
