package dev.learnflow.progress.domain;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a student's read routes are answered from: the part of the StudentActor's state they need (a JSON object,
 * the actor's own state format without what only the actor uses), as one turn left it. {@code revision} grows with
 * every save of the actor's state, so a copy never replaces a newer one.
 */
public record StudentReadModel(long revision, JsonNode state) {
}
