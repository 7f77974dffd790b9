package dev.learnflow.contracts.events;

import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.answers.Clarification;
import dev.learnflow.contracts.answers.ConceptData;
import dev.learnflow.contracts.answers.DebugData;
import dev.learnflow.contracts.answers.ErrorReply;
import dev.learnflow.contracts.answers.ExercisePointers;
import dev.learnflow.contracts.answers.OffTopicReply;
import dev.learnflow.contracts.answers.ProgressPointers;
import dev.learnflow.contracts.answers.ReviewResult;
import dev.learnflow.contracts.json.WireValue;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an answer on learning.responses is, so clients can render it (a review has findings, a debug answer has
 * hints, ...). Each kind has the shape of its {@code data} ({@link #dataType()}).
 */
@Schema(description = "What kind of answer this is")
public enum ResponseKind implements WireValue {
    CONCEPT("concept", ConceptData.class),
    DEBUG("debug", DebugData.class),
    REVIEW("review", ReviewResult.class),
    EXERCISE("exercise", ExercisePointers.class),
    CLARIFICATION("clarification", Clarification.class),
    PROGRESS("progress", ProgressPointers.class),
    OFF_TOPIC("off_topic", OffTopicReply.class),
    ERROR("error", ErrorReply.class);

    private final String value;
    private final Class<? extends AnswerData> dataType;

    ResponseKind(String value, Class<? extends AnswerData> dataType) {
        this.value = value;
        this.dataType = dataType;
    }

    /** The shape of an answer's {@code data} for this kind (a record, or a sealed interface of records). */
    public Class<? extends AnswerData> dataType() {
        return dataType;
    }

    @JsonValue
    @Override
    public String value() {
        return value;
    }

    /** File name of the JSON Schema of this kind's data, e.g. {@code answer.off_topic.schema.json}. */
    public String dataSchemaFileName() {
        return "answer." + value + ".schema.json";
    }

    /** Parses the wire value; JAX-RS uses this for query and path parameters. */
    public static ResponseKind fromString(String value) {
        return WireValue.parse(ResponseKind.class, value);
    }

    @Override
    public String toString() {
        return value;
    }
}
