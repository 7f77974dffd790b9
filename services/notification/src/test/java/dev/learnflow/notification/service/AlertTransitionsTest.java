package dev.learnflow.notification.service;

import dev.learnflow.contracts.api.AlertAction;
import dev.learnflow.contracts.domain.AlertStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class AlertTransitionsTest {

    @ParameterizedTest(name = "{0} + {1} -> {2}")
    @CsvSource({
            "open,         acknowledge, acknowledged",
            "acknowledged, acknowledge, acknowledged",
            "resolved,     acknowledge, ",
            "muted,        acknowledge, ",
            "open,         resolve,     resolved",
            "acknowledged, resolve,     resolved",
            "muted,        resolve,     resolved",
            "resolved,     resolve,     resolved",
            "open,         mute,        muted",
            "acknowledged, mute,        muted",
            "muted,        mute,        muted",
            "resolved,     mute,        ",
            "resolved,     reopen,      open",
            "muted,        reopen,      open",
            "open,         reopen,      open",
            "acknowledged, reopen,      ",
    })
    void transitions(String from, String action, String to) {
        assertThat(AlertTransitions.next(AlertStatus.fromString(from), AlertAction.fromString(action)))
                .isEqualTo(to == null ? java.util.Optional.empty() : java.util.Optional.of(AlertStatus.fromString(to)));
    }
}
