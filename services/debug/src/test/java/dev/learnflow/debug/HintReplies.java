package dev.learnflow.debug;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The model's side of the hint contract: the JSON reply the system prompt asks for. */
final class HintReplies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private HintReplies() {
    }

    /** {@code {"hints": [{"level": 1, "text": ...}, ...]}} with one entry per text, levels from 1. */
    static String levels(String... texts) {
        List<Map<String, Object>> hints = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            hints.add(Map.of("level", i + 1, "text", texts[i]));
        }
        try {
            return JSON.writeValueAsString(Map.of("hints", hints));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
