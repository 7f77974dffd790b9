package dev.learnflow.websocket.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One authenticated socket of a user, with its bounded send queue. Sending never waits: a frame is handed to the
 * transport and counted until the transport reports it written to the network. A client that stops reading makes
 * that count grow; over the bound (messages or bytes) the socket is dropped, so a slow consumer can never hold up
 * the relay or anyone else's messages.
 */
public final class SocketSession {

    /** Bounds of the send queue. */
    public record Limits(int maxMessages, long maxBytes) {
    }

    private final SocketChannel channel;
    private final UUID userId;
    private final Set<String> roles;
    private final Instant tokenExpiresAt;
    private final Limits limits;
    private final long openedAtNanos;
    private final AtomicInteger pendingMessages = new AtomicInteger();
    private final AtomicLong pendingBytes = new AtomicLong();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<CloseCodes> onServerClose;
    private volatile long lastSeenNanos;
    private volatile CloseCodes closedBecause;

    /**
     * @param onServerClose told once when the server closes the socket (counts slow consumers, idle sockets...)
     */
    public SocketSession(SocketChannel channel, UUID userId, Set<String> roles, Instant tokenExpiresAt,
                         Limits limits, long nowNanos, Consumer<CloseCodes> onServerClose) {
        this.channel = channel;
        this.onServerClose = onServerClose;
        this.userId = userId;
        this.roles = Set.copyOf(roles);
        this.tokenExpiresAt = tokenExpiresAt;
        this.limits = limits;
        this.openedAtNanos = nowNanos;
        this.lastSeenNanos = nowNanos;
    }

    public String id() {
        return channel.id();
    }

    public UUID userId() {
        return userId;
    }

    public Set<String> roles() {
        return roles;
    }

    public Instant tokenExpiresAt() {
        return tokenExpiresAt;
    }

    long openedAtNanos() {
        return openedAtNanos;
    }

    public boolean isClosed() {
        return closed.get();
    }

    /** Why the server closed it, if it did. */
    public CloseCodes closedBecause() {
        return closedBecause;
    }

    public int pendingMessages() {
        return pendingMessages.get();
    }

    /**
     * Queues one frame. Returns false when the socket is closed or was just dropped for going over its bound.
     */
    public boolean send(OutboundMessage message) {
        return send(message.json(), message.bytes());
    }

    boolean send(String json, long bytes) {
        if (closed.get()) {
            return false;
        }
        int messages = pendingMessages.incrementAndGet();
        long queuedBytes = pendingBytes.addAndGet(bytes);
        if (messages > limits.maxMessages() || queuedBytes > limits.maxBytes()) {
            release(bytes);
            if (!closed.get()) {
                close(CloseCodes.SLOW_CONSUMER);
            }
            return false;
        }
        try {
            channel.sendText(json).whenComplete((ok, failure) -> {
                release(bytes);
                if (failure != null) {
                    // The transport is gone (client vanished); the endpoint's close callback detaches us.
                    closed.set(true);
                }
            });
        } catch (RuntimeException e) {
            release(bytes);
            closed.set(true);
            return false;
        }
        return true;
    }

    private void release(long bytes) {
        pendingMessages.decrementAndGet();
        pendingBytes.addAndGet(-bytes);
    }

    /** Any frame from the client (message or pong) shows it is alive. */
    public void touch(long nowNanos) {
        lastSeenNanos = nowNanos;
    }

    boolean isIdle(long nowNanos, long idleTimeoutNanos) {
        return nowNanos - lastSeenNanos > idleTimeoutNanos;
    }

    void ping() {
        if (!closed.get()) {
            channel.ping();
        }
    }

    /** Closes the socket once; later calls do nothing. */
    public void close(CloseCodes why) {
        if (closed.compareAndSet(false, true)) {
            closedBecause = why;
            channel.close(why.code(), why.reason());
            onServerClose.accept(why);
        }
    }

    /** The transport closed (client went away): stop sending without a closing handshake of our own. */
    public void markClosed() {
        closed.set(true);
    }
}
