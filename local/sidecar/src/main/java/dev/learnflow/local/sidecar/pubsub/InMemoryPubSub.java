package dev.learnflow.local.sidecar.pubsub;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * pubsub.in-memory. Unlike daprd's (one bus per sidecar), one bus is shared by all sidecars of a registry, so apps
 * in one process can talk through it; each consumer group gets every message once, in publish order per topic, and
 * keeps messages published while its sidecar is restarting (messages published to a topic no group has subscribed
 * to yet are dropped, as in daprd).
 */
public final class InMemoryPubSub implements PubSub {

    private static final System.Logger LOG = System.getLogger(InMemoryPubSub.class.getName());

    private final Executor executor;
    private final ScheduledExecutorService scheduler;
    private final Map<String, Map<String, GroupQueue>> topics = new ConcurrentHashMap<>();

    public InMemoryPubSub(Executor executor, ScheduledExecutorService scheduler) {
        this.executor = executor;
        this.scheduler = scheduler;
    }

    private final class GroupQueue {
        final String topic;
        final Deque<Message> queue = new ArrayDeque<>();
        Handler handler;
        AtomicBoolean cancelled = new AtomicBoolean();
        boolean running;
        /** The current handler's batching for this topic (null: one at a time) and its ticker. */
        BatchWindow window;

        GroupQueue(String topic) {
            this.topic = topic;
        }

        synchronized void offer(Message m) {
            queue.addLast(m);
            notifyAll(); // a waiting batch may be full now
            kick();
        }

        synchronized void kick() {
            if (!running && handler != null && !queue.isEmpty()) {
                running = true;
                Handler h = handler;
                AtomicBoolean c = cancelled;
                executor.execute(() -> drain(h, c));
            }
        }

        private void drain(Handler h, AtomicBoolean c) {
            if (window != null) {
                drainBatches(h, c);
                return;
            }
            while (true) {
                Message next;
                synchronized (this) {
                    next = queue.peekFirst();
                    if (next == null || handler != h || c.get()) {
                        running = false;
                        kick();
                        return;
                    }
                }
                try {
                    h.handle(next, c::get);
                    synchronized (this) {
                        if (queue.peekFirst() == next) {
                            queue.pollFirst();
                        }
                    }
                } catch (Exception e) {
                    undecided(h, c, e);
                    return;
                }
            }
        }

        /** The handler left its message (or batch) undecided: it stays first; a live handler gets it again. */
        private synchronized void undecided(Handler h, AtomicBoolean c, Exception e) {
            running = false;
            if (handler == h && !c.get()) {
                LOG.log(System.Logger.Level.WARNING, "in-memory delivery on " + topic + " failed; retrying", e);
                scheduler.schedule(this::kick, 1, TimeUnit.SECONDS);
            } else {
                kick();
            }
        }

        /** A bulk subscription: batches as daprd's default bulk subscriber cuts them (count, or the ticker). */
        private void drainBatches(Handler h, AtomicBoolean c) {
            while (true) {
                List<Message> batch = new ArrayList<>();
                synchronized (this) {
                    while (true) {
                        if (queue.isEmpty() || handler != h || c.get()) {
                            running = false;
                            kick();
                            return;
                        }
                        long now = System.currentTimeMillis();
                        long wait = window.waitMillis(queue.size(), now);
                        if (wait == 0) {
                            window.handedOver(now);
                            for (Message m : queue) {
                                if (batch.size() == window.maxMessages()) {
                                    break;
                                }
                                batch.add(m);
                            }
                            break;
                        }
                        try {
                            wait(Math.min(wait, 50));
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            running = false;
                            return;
                        }
                    }
                }
                try {
                    h.handleBatch(batch, c::get);
                    synchronized (this) {
                        if (queue.peekFirst() == batch.get(0)) {
                            for (int i = 0; i < batch.size(); i++) {
                                queue.pollFirst();
                            }
                        }
                    }
                } catch (Exception e) {
                    undecided(h, c, e);
                    return;
                }
            }
        }
    }

    @Override
    public void publish(String topic, byte[] data, Map<String, String> metadata) {
        Map<String, GroupQueue> groups = topics.get(topic);
        if (groups == null) {
            return;
        }
        Message m = new Message(topic, data, Map.copyOf(metadata));
        for (GroupQueue q : groups.values()) {
            q.offer(m);
        }
    }

    @Override
    public AutoCloseable subscribe(String consumerGroup, Set<String> topicNames, Handler handler) {
        List<GroupQueue> mine = new ArrayList<>();
        for (String t : topicNames) {
            GroupQueue q = topics.computeIfAbsent(t, k -> new ConcurrentHashMap<>())
                    .computeIfAbsent(consumerGroup, g -> new GroupQueue(t));
            synchronized (q) {
                q.cancelled.set(true);
                q.cancelled = new AtomicBoolean();
                q.handler = handler;
                Batching batching = handler.batching(t);
                q.window = batching == null ? null : new BatchWindow(batching, System.currentTimeMillis());
                q.kick();
            }
            mine.add(q);
        }
        return () -> {
            for (GroupQueue q : mine) {
                synchronized (q) {
                    if (q.handler == handler) {
                        q.handler = null;
                        q.cancelled.set(true);
                    }
                }
            }
        };
    }

    @Override
    public List<String> features() {
        return List.of();
    }
}
