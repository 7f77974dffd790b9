package dev.learnflow.websocket.service;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UserChannelTest {

    private static final UserChannel.ReplayLimits LIMITS = new UserChannel.ReplayLimits(60_000, 5, 10_000);
    private final UUID user = UUID.randomUUID();
    private final java.util.concurrent.atomic.AtomicLong replicaBytes = new java.util.concurrent.atomic.AtomicLong();
    private final UserChannel channel = new UserChannel(user, replicaBytes);

    private SocketSession session(FakeChannel transport) {
        return new SocketSession(transport, user, Set.of("student"), Instant.now().plusSeconds(600),
                new SocketSession.Limits(100, 1_000_000), 0, why -> { });
    }

    private static OutboundMessage message(String id, long at) {
        return new OutboundMessage(id, "t", "{\"id\":\"" + id + "\"}", 12, at);
    }

    private static OutboundMessage marker(UserChannel.Replay replay) {
        return new OutboundMessage("resumed", "resumed", "resumed:" + replay.found() + ":" + replay.replayed(), 1, 0);
    }

    private int[] out = new int[1];

    @Test
    void aMessageGoesToEverySocketOfTheUserOnce() {
        FakeChannel laptop = new FakeChannel();
        FakeChannel phone = new FakeChannel();
        channel.attach(session(laptop), message("welcome", 0), null, LIMITS, 0, 10, UserChannelTest::marker);
        channel.attach(session(phone), message("welcome", 0), null, LIMITS, 0, 10, UserChannelTest::marker);
        assertThat(channel.deliver(message("m1", 1), LIMITS, 1, out)).isEqualTo(UserChannel.Delivered.SENT);
        assertThat(out[0]).isEqualTo(2);
        assertThat(channel.deliver(message("m1", 2), LIMITS, 2, out)).isEqualTo(UserChannel.Delivered.DUPLICATE);
        assertThat(laptop.sent).hasSize(2);
        assertThat(phone.sent).hasSize(2);
    }

    @Test
    void resumeReplaysWhatFollowsTheLastSeenId() {
        for (int i = 1; i <= 4; i++) {
            channel.deliver(message("m" + i, i), LIMITS, i, out);
        }
        FakeChannel transport = new FakeChannel();
        UserChannel.Replay replay = channel.attach(session(transport), message("welcome", 5), "m2", LIMITS, 5, 10,
                UserChannelTest::marker);
        assertThat(replay.found()).isTrue();
        assertThat(replay.replayed()).isEqualTo(2);
        assertThat(transport.sent).containsExactly("{\"id\":\"welcome\"}", "{\"id\":\"m3\"}", "{\"id\":\"m4\"}",
                "resumed:true:2");
    }

    @Test
    void anUnknownIdReplaysTheWholeBuffer() {
        channel.deliver(message("m1", 1), LIMITS, 1, out);
        channel.deliver(message("m2", 2), LIMITS, 2, out);
        FakeChannel transport = new FakeChannel();
        SocketSession session = session(transport);
        channel.attach(session, message("welcome", 3), null, LIMITS, 3, 10, UserChannelTest::marker);
        UserChannel.Replay replay = channel.resume(session, "evicted", LIMITS, 3, UserChannelTest::marker);
        assertThat(replay.found()).isFalse();
        assertThat(transport.sent).containsExactly("{\"id\":\"welcome\"}", "{\"id\":\"m1\"}", "{\"id\":\"m2\"}",
                "resumed:false:2");
    }

    @Test
    void theBufferKeepsOnlyTheLastMessagesOfTheWindow() {
        for (int i = 1; i <= 7; i++) {
            channel.deliver(message("m" + i, i), LIMITS, i, out);
        }
        assertThat(channel.buffered()).isEqualTo(5);
        // A minute later everything has aged out, and a redelivery of an old id is new again.
        channel.sweep(0, Long.MAX_VALUE, Instant.now(), LIMITS, 70_000);
        assertThat(channel.buffered()).isZero();
        assertThat(channel.deliver(message("m7", 70_001), LIMITS, 70_001, out))
                .isEqualTo(UserChannel.Delivered.SENT);
    }

    @Test
    void theBufferIsBoundedInBytes() {
        UserChannel.ReplayLimits small = new UserChannel.ReplayLimits(60_000, 100, 30);
        channel.deliver(message("a", 1), small, 1, out);
        channel.deliver(message("b", 2), small, 2, out);
        channel.deliver(message("c", 3), small, 3, out);
        assertThat(channel.buffered()).isEqualTo(2);
        assertThat(replicaBytes.get()).as("the replica-wide count follows").isEqualTo(24);
        channel.sweep(0, Long.MAX_VALUE, Instant.now(), small, 70_000);
        assertThat(replicaBytes.get()).isZero();
    }

    @Test
    void tooManySocketsCloseTheOldest() {
        FakeChannel first = new FakeChannel();
        FakeChannel second = new FakeChannel();
        FakeChannel third = new FakeChannel();
        channel.attach(session(first), message("w", 0), null, LIMITS, 0, 2, UserChannelTest::marker);
        channel.attach(session(second), message("w", 0), null, LIMITS, 0, 2, UserChannelTest::marker);
        channel.attach(session(third), message("w", 0), null, LIMITS, 0, 2, UserChannelTest::marker);
        assertThat(first.closeCode).isEqualTo(1008);
        assertThat(first.closeReason).isEqualTo("too many connections");
        assertThat(second.closeCode).isNull();
        assertThat(channel.openSessions()).isEqualTo(2);
    }

    @Test
    void theSweepPingsLiveSocketsAndClosesIdleAndExpiredOnes() {
        FakeChannel live = new FakeChannel();
        FakeChannel idle = new FakeChannel();
        FakeChannel expired = new FakeChannel();
        SocketSession liveSession = session(live);
        liveSession.touch(100);
        channel.attach(liveSession, message("w", 0), null, LIMITS, 0, 10, UserChannelTest::marker);
        SocketSession idleSession = session(idle);
        channel.attach(idleSession, message("w", 0), null, LIMITS, 0, 10, UserChannelTest::marker);
        SocketSession expiredSession = new SocketSession(expired, user, Set.of(), Instant.now().minusSeconds(1),
                new SocketSession.Limits(10, 1_000), 100, why -> { });
        channel.attach(expiredSession, message("w", 0), null, LIMITS, 0, 10, UserChannelTest::marker);

        int closed = channel.sweep(150, 60, Instant.now(), LIMITS, 0);
        assertThat(closed).isEqualTo(2);
        assertThat(live.pings).isEqualTo(1);
        assertThat(idle.closeCode).isEqualTo(1001);
        assertThat(expired.closeCode).isEqualTo(4401);
        assertThat(channel.openSessions()).isEqualTo(1);
    }

    @Test
    void anEmptyChannelRetiresAndRefusesWork() {
        assertThat(channel.retireIfEmpty()).isTrue();
        assertThat(channel.deliver(message("m", 1), LIMITS, 1, out)).isEqualTo(UserChannel.Delivered.RETIRED);
        assertThat(channel.attach(session(new FakeChannel()), message("w", 0), null, LIMITS, 0, 10,
                UserChannelTest::marker)).isNull();
    }

    @Test
    void aChannelWithASocketOrMessagesStays() {
        channel.deliver(message("m", 1), LIMITS, 1, out);
        assertThat(channel.retireIfEmpty()).isFalse();
    }
}
