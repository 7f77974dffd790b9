package dev.learnflow.contracts.events;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/**
 * Topic {@code concepts.requests}: triage decided the student wants an explanation and forwards the question as it
 * understood it (its wording for a follow-up, its topic, the student's context) plus the concept it named.
 * {@link #requestId()} and {@link #userId()} read through to it, the two every consumer of a payload asks first.
 *
 * @param request the question as triage forwards it; its context is always attached
 * @param concept what triage thinks the question is about, e.g. {@code list comprehension}; null if unsure
 */
@Schema(description = "A request for a concept explanation, with student context")
public record ConceptRequested(
        @NotNull @Valid @Schema(description = "The question as triage forwards it; context is always attached")
        LearningRequested request,
        @Size(max = 200) String concept) {

    /** Triage attaches the student's context to every question it forwards; concepts words its answer by it. */
    @AssertTrue(message = "request.context must be attached")
    public boolean hasContext() {
        return request == null || request.context() != null;
    }

    public UUID requestId() {
        return request.requestId();
    }

    public UUID userId() {
        return request.userId();
    }
}
