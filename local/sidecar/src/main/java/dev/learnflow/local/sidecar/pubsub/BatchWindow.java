package dev.learnflow.local.sidecar.pubsub;

/**
 * When a bulk subscription's buffer is handed over, as daprd's bulk subscribers decide it: as soon as
 * {@code maxMessages} are buffered, else at the next tick of a periodic ticker of {@code maxAwait} (started with the
 * subscription; a batch handed over because it was full does not move the ticks). Not thread-safe: each ordering
 * unit owns one, used under its own lock.
 */
final class BatchWindow {

    private final PubSub.Batching batching;
    private final long periodMillis;
    private long nextTick;

    BatchWindow(PubSub.Batching batching, long nowMillis) {
        this.batching = batching;
        this.periodMillis = batching.maxAwait().toMillis();
        this.nextTick = nowMillis + periodMillis;
    }

    int maxMessages() {
        return batching.maxMessages();
    }

    /** How long to wait before {@code buffered} messages are due: 0 = hand them over now. */
    long waitMillis(int buffered, long nowMillis) {
        if (buffered >= batching.maxMessages()) {
            return 0;
        }
        if (nowMillis >= nextTick) {
            return buffered > 0 ? 0 : nextTick + periodMillis - nowMillis;
        }
        return nextTick - nowMillis;
    }

    /** A batch is handed over at {@code nowMillis}: a tick that has passed is used up. */
    void handedOver(long nowMillis) {
        if (nowMillis >= nextTick) {
            nextTick += ((nowMillis - nextTick) / periodMillis + 1) * periodMillis;
        }
    }
}
