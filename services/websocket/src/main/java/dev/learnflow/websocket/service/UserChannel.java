package dev.learnflow.websocket.service;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Everything this replica holds for one user: their open sockets and the recent messages meant for them (so a
 * client that reconnects, here or after switching replicas, can resume). All methods are synchronized: a message
 * is buffered and queued to the sockets in one step, so a socket that opens concurrently gets it exactly once,
 * either live or in its replay. Sends never block, so holding the lock while sending is cheap.
 *
 * <p>A channel that has emptied is retired by the sweeper; callers that find a retired channel take a fresh one.
 */
final class UserChannel {

    /** Bounds of the replay buffer. */
    record ReplayLimits(long windowMillis, int maxMessages, long maxBytes) {
    }

    /** Outcome of buffering and sending one message. */
    enum Delivered { SENT, DUPLICATE, RETIRED }

    /** What a resume found. */
    record Replay(boolean found, int replayed) {
    }

    private final UUID userId;
    private final AtomicLong replicaBytes;
    private final ArrayDeque<OutboundMessage> recent = new ArrayDeque<>();
    private final Set<String> recentIds = new HashSet<>();
    private final List<SocketSession> sessions = new ArrayList<>(2);
    private long recentBytes;
    private boolean retired;

    /** @param replicaBytes what all channels of this replica buffer together; kept up to date by this one */
    UserChannel(UUID userId, AtomicLong replicaBytes) {
        this.userId = userId;
        this.replicaBytes = replicaBytes;
    }

    UUID userId() {
        return userId;
    }

    /**
     * Buffers the message (unless its id was seen within the window: a redelivery) and queues it to every open
     * socket of the user. {@code connections} receives the number of sockets it was queued to.
     */
    synchronized Delivered deliver(OutboundMessage message, ReplayLimits limits, long nowMillis, int[] connections) {
        if (retired) {
            return Delivered.RETIRED;
        }
        trim(limits, nowMillis);
        if (!recentIds.add(message.id())) {
            return Delivered.DUPLICATE;
        }
        recent.addLast(message);
        recentBytes += message.bytes();
        replicaBytes.addAndGet(message.bytes());
        trim(limits, nowMillis);
        int sent = 0;
        for (Iterator<SocketSession> it = sessions.iterator(); it.hasNext(); ) {
            SocketSession session = it.next();
            if (session.send(message)) {
                sent++;
            } else if (session.isClosed()) {
                it.remove();
            }
        }
        connections[0] = sent;
        return Delivered.SENT;
    }

    /**
     * Adds a socket: sends {@code welcome}, then, when the client asked to resume, what it missed and a
     * {@code resumed} marker built by {@code resumed}. Returns null when the channel was retired meanwhile.
     * Over {@code maxSessions}, the oldest sockets of the user are closed.
     */
    synchronized Replay attach(SocketSession session, OutboundMessage welcome, String resumeFrom,
                               ReplayLimits limits, long nowMillis, int maxSessions,
                               java.util.function.Function<Replay, OutboundMessage> resumed) {
        if (retired) {
            return null;
        }
        sessions.removeIf(SocketSession::isClosed);
        sessions.add(session);
        while (sessions.size() > maxSessions) {
            sessions.remove(0).close(CloseCodes.TOO_MANY_CONNECTIONS);
        }
        session.send(welcome);
        if (resumeFrom == null) {
            return new Replay(false, 0);
        }
        return replayTo(session, resumeFrom, limits, nowMillis, resumed);
    }

    /** Sends the messages after {@code lastId} (all buffered ones when it is unknown), then the marker. */
    synchronized Replay resume(SocketSession session, String lastId, ReplayLimits limits, long nowMillis,
                               java.util.function.Function<Replay, OutboundMessage> resumed) {
        if (retired) {
            return null;
        }
        return replayTo(session, lastId, limits, nowMillis, resumed);
    }

    private Replay replayTo(SocketSession session, String lastId, ReplayLimits limits, long nowMillis,
                            java.util.function.Function<Replay, OutboundMessage> resumed) {
        trim(limits, nowMillis);
        boolean found = recentIds.contains(lastId);
        boolean after = !found;
        int replayed = 0;
        for (OutboundMessage m : recent) {
            if (after) {
                if (!session.send(m)) {
                    break;
                }
                replayed++;
            } else if (m.id().equals(lastId)) {
                after = true;
            }
        }
        Replay replay = new Replay(found, replayed);
        session.send(resumed.apply(replay));
        return replay;
    }

    synchronized void detach(SocketSession session) {
        sessions.remove(session);
    }

    /** Heartbeat work for this user's sockets; returns the sockets it closed. */
    synchronized int sweep(long nowNanos, long idleTimeoutNanos, java.time.Instant now, ReplayLimits limits,
                           long nowMillis) {
        int closed = 0;
        for (Iterator<SocketSession> it = sessions.iterator(); it.hasNext(); ) {
            SocketSession session = it.next();
            if (session.isClosed()) {
                it.remove();
            } else if (session.isIdle(nowNanos, idleTimeoutNanos)) {
                session.close(CloseCodes.IDLE);
                it.remove();
                closed++;
            } else if (session.tokenExpiresAt() != null && !now.isBefore(session.tokenExpiresAt())) {
                session.close(CloseCodes.TOKEN_EXPIRED);
                it.remove();
                closed++;
            } else {
                session.ping();
            }
        }
        trim(limits, nowMillis);
        return closed;
    }

    /** Retires the channel when it holds nothing any more (no socket, nothing buffered). */
    synchronized boolean retireIfEmpty() {
        if (sessions.isEmpty() && recent.isEmpty()) {
            retired = true;
        }
        return retired;
    }

    synchronized int openSessions() {
        sessions.removeIf(SocketSession::isClosed);
        return sessions.size();
    }

    synchronized boolean hasSessions() {
        return !sessions.isEmpty();
    }

    synchronized List<SocketSession> sessions() {
        return List.copyOf(sessions);
    }

    synchronized int buffered() {
        return recent.size();
    }

    private void trim(ReplayLimits limits, long nowMillis) {
        long oldestAllowed = nowMillis - limits.windowMillis();
        while (!recent.isEmpty() && (recent.size() > limits.maxMessages() || recentBytes > limits.maxBytes()
                || recent.peekFirst().atMillis() < oldestAllowed)) {
            OutboundMessage dropped = recent.removeFirst();
            recentIds.remove(dropped.id());
            recentBytes -= dropped.bytes();
            replicaBytes.addAndGet(-dropped.bytes());
        }
    }
}
