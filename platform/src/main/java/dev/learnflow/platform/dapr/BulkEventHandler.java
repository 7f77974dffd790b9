package dev.learnflow.platform.dapr;

import dev.learnflow.contracts.events.CloudEvent;

import java.util.List;

/**
 * A subscriber that takes its topic's events in batches (Dapr bulk subscribe): the platform declares the
 * subscription with {@link #bulkSubscribe()} and hands each delivered batch (one partition's events, in order) to
 * {@link #handleBatch}. One delivery status per event: a batch can be partly done, and only its RETRY events come
 * back. Like every handler it must be idempotent by event id: a batch may be delivered again, whole.
 */
public interface BulkEventHandler<T> extends EventHandler<T> {

    BulkSubscribe bulkSubscribe();

    /** Handles a batch; one status per event, in the events' order. Throwing means RETRY for all of them. */
    List<Delivery> handleBatch(List<CloudEvent<T>> events) throws Exception;
}
