package dev.learnflow.platform.dapr;

/** What a subscriber tells the sidecar about one delivered event, as Dapr's pub/sub API defines. */
public enum Delivery {
    /** Processed (or already processed before): acknowledge. */
    SUCCESS,
    /** A transient failure: the sidecar redelivers with backoff. */
    RETRY,
    /** A poison message: the sidecar drops it, to the dead-letter topic when one is set. */
    DROP
}
