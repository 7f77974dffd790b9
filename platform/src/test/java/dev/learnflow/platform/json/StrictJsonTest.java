package dev.learnflow.platform.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;

import java.util.List;

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

    @Test
    void textThatNoStoreCanKeepIsRefused() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        new StrictJson().customize(mapper);
        for (String bad : List.of("print(1)\\u0000", "x = '\\ud83d'", "\\ude00 alone", "end \\ud83d")) {
            InvalidFormatException e = assertThrows(InvalidFormatException.class, () -> mapper.readValue(
                    "{\"code\": \"" + bad + "\"}", ExerciseSubmission.class), bad);
            assertEquals(400, new ProblemMappers().unreadableJson(e).getStatus());
        }
        assertEquals("smile 😀 é \u202e ok", mapper.readValue(
                "{\"code\": \"smile \\ud83d\\ude00 é \\u202e ok\"}", ExerciseSubmission.class).code());
        assertEquals(java.util.Map.of("k", "v"), mapper.readValue("{\"k\": \"v\"}", java.util.Map.class));
    }
}
