package dev.learnflow.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.learnflow.contracts.api.ExerciseSubmission;
import dev.learnflow.platform.errors.ProblemMappers;

class StrictJsonTest {

    @Test
    void aKeyGivenTwiceIsMalformedNotAGuess() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        JsonParseException e = assertThrows(JsonParseException.class, () -> mapper.readValue(
                "{\"code\": \"print(1)\", \"code\": \"import os\"}", ExerciseSubmission.class));
        assertEquals(400, new ProblemMappers().unreadableJson(e).getStatus());
        assertEquals("print(1)", mapper.readValue("{\"code\": \"print(1)\"}", ExerciseSubmission.class).code());
    }
}
