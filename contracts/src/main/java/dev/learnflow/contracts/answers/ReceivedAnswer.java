package dev.learnflow.contracts.answers;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.learnflow.contracts.json.Immutables;

import java.util.Map;

/**
 * An answer's data as a consumer read it from the wire (the websocket relay, triage's query record): kept as the
 * JSON object it was, so relaying or storing it never changes it, whatever the producer's version.
 */
public record ReceivedAnswer(@JsonValue Map<String, Object> fields) implements AnswerData {

    public static final ReceivedAnswer EMPTY = new ReceivedAnswer(Map.of());

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public ReceivedAnswer {
        fields = Immutables.map(fields);
    }
}
