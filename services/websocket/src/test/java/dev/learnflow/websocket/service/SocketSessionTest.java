package dev.learnflow.websocket.service;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class SocketSessionTest {

    private final List<CloseCodes> closes = new ArrayList<>();
    private final FakeChannel channel = new FakeChannel();

    private SocketSession session(int maxMessages, long maxBytes) {
        return new SocketSession(channel, UUID.randomUUID(), Set.of("student"), null,
                new SocketSession.Limits(maxMessages, maxBytes), 0, closes::add);
    }

    /** A session whose writes stay pending until the test completes them (a slow reader). */
    private SocketSession stalledSession(int maxMessages, long maxBytes) {
        channel.completeWritesAtOnce = false;
        return session(maxMessages, maxBytes);
    }

    private static OutboundMessage message(String id, int size) {
        String json = "x".repeat(size);
        return new OutboundMessage(id, "t", json, size, 0);
    }

    /** Sends {@code count} messages of {@code size} bytes; the session takes every one. */
    private static void sendsAccepted(SocketSession session, int count, int size) {
        for (int i = 0; i < count; i++) {
            assertThat(session.send(message("m" + i, size))).as("message %d", i).isTrue();
        }
    }

    @Test
    void aReaderThatKeepsUpIsNeverDropped() {
        SocketSession session = session(3, 1_000);
        sendsAccepted(session, 100, 100);
        assertThat(channel.sent).hasSize(100);
        assertThat(session.pendingMessages()).isZero();
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void unwrittenMessagesOverTheCountBoundDropTheSocket() {
        SocketSession session = stalledSession(3, 1_000_000);
        sendsAccepted(session, 3, 10);
        assertThat(session.send(message("d", 10))).isFalse();
        assertThat(channel.sent).containsExactly("x".repeat(10), "x".repeat(10), "x".repeat(10));
        assertThat(channel.closeCode).isEqualTo(1008);
        assertThat(channel.closeReason).isEqualTo("send queue full");
        assertThat(session.closedBecause()).isEqualTo(CloseCodes.SLOW_CONSUMER);
        assertThat(closes).containsExactly(CloseCodes.SLOW_CONSUMER);
        // Nothing more is handed to a dropped socket.
        assertThat(session.send(message("e", 10))).isFalse();
        assertThat(channel.sent).hasSize(3);
    }

    @Test
    void unwrittenBytesOverTheByteBoundDropTheSocket() {
        SocketSession session = stalledSession(1_000, 250);
        sendsAccepted(session, 2, 100);
        assertThat(session.send(message("c", 100))).isFalse();
        assertThat(session.closedBecause()).isEqualTo(CloseCodes.SLOW_CONSUMER);
    }

    @Test
    void writesThatCompleteFreeTheQueue() {
        SocketSession session = stalledSession(2, 1_000);
        session.send(message("a", 10));
        session.send(message("b", 10));
        channel.completeAll();
        assertThat(session.pendingMessages()).isZero();
        assertThat(session.send(message("c", 10))).isTrue();
        assertThat(session.isClosed()).isFalse();
    }

    @Test
    void aFailedWriteMarksTheSocketClosed() {
        SocketSession session = stalledSession(10, 1_000);
        session.send(message("a", 10));
        channel.writes.get(0).completeExceptionally(new IllegalStateException("connection reset"));
        assertThat(session.isClosed()).isTrue();
        assertThat(session.pendingMessages()).isZero();
        assertThat(session.send(message("b", 10))).isFalse();
    }

    @Test
    void idleIsMeasuredFromTheLastFrameTheClientSent() {
        SocketSession session = session(10, 1_000);
        assertThat(session.isIdle(5, 10)).isFalse();
        assertThat(session.isIdle(11, 10)).isTrue();
        session.touch(11);
        assertThat(session.isIdle(20, 10)).isFalse();
    }

    @Test
    void closingTwiceClosesOnce() {
        SocketSession session = session(10, 1_000);
        session.close(CloseCodes.IDLE);
        session.close(CloseCodes.SLOW_CONSUMER);
        assertThat(channel.closeCode).isEqualTo(1001);
        assertThat(closes).containsExactly(CloseCodes.IDLE);
    }
}
