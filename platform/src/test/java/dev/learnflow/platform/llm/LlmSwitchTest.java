package dev.learnflow.platform.llm;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class LlmSwitchTest {

    @Test
    void onlyAnEndpointWithAKeyTurnsTheLlmOn() {
        assertTrue(new LlmSwitch(Optional.of("http://llm.local/v1"), Optional.of("sk-test")).enabled());
        assertFalse(new LlmSwitch(Optional.of("http://llm.local/v1"), Optional.empty()).enabled());
        assertFalse(new LlmSwitch(Optional.empty(), Optional.of("sk-test")).enabled());
        assertFalse(new LlmSwitch(Optional.of(" "), Optional.of("sk-test")).enabled());
        assertFalse(new LlmSwitch(Optional.of("http://llm.local/v1"), Optional.of("")).enabled());
    }
}
