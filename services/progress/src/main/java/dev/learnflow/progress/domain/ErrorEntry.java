package dev.learnflow.progress.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;

/** One occurrence of an error, kept for the sliding window of the repeated-error rule. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorEntry(String errorType, String topicId, String objectId, Instant at) {
}
