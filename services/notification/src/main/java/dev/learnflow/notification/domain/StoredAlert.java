package dev.learnflow.notification.domain;

import dev.learnflow.contracts.domain.Alert;

/** An alert as stored, with the deduplication key the API does not show. */
public record StoredAlert(Alert alert, String dedupKey) {
}
