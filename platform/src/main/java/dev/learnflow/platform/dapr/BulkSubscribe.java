package dev.learnflow.platform.dapr;

/**
 * Dapr's {@code bulkSubscribe} of a programmatic subscription, as {@code GET /dapr/subscribe} declares it: the
 * sidecar (daprd 1.16, or the local one) then delivers up to {@code maxMessagesCount} events of one partition in one
 * request, or what it has buffered every {@code maxAwaitDurationMs}.
 */
public record BulkSubscribe(boolean enabled, int maxMessagesCount, int maxAwaitDurationMs) {

    public BulkSubscribe {
        if (maxMessagesCount < 1 || maxAwaitDurationMs < 1) {
            throw new IllegalArgumentException("bulkSubscribe needs maxMessagesCount and maxAwaitDurationMs >= 1");
        }
    }

    public static BulkSubscribe of(int maxMessagesCount, int maxAwaitDurationMs) {
        return new BulkSubscribe(true, maxMessagesCount, maxAwaitDurationMs);
    }
}
