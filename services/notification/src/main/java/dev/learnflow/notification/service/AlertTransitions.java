package dev.learnflow.notification.service;

import dev.learnflow.contracts.api.AlertAction;
import dev.learnflow.contracts.domain.AlertStatus;

import java.util.Optional;

/**
 * The alert lifecycle. Acting again with the same action is harmless (the status stays, a mute is extended);
 * anything else not listed is a conflict.
 *
 * <pre>
 *   acknowledge: open → acknowledged
 *   resolve:     open | acknowledged | muted → resolved
 *   mute:        open | acknowledged → muted (hides repeats for a while)
 *   reopen:      resolved | muted → open
 * </pre>
 */
public final class AlertTransitions {

    private AlertTransitions() {
    }

    /** The status after {@code action}, or empty when the action is not allowed from {@code current}. */
    public static Optional<AlertStatus> next(AlertStatus current, AlertAction action) {
        AlertStatus target = switch (action) {
            case ACKNOWLEDGE -> current == AlertStatus.OPEN || current == AlertStatus.ACKNOWLEDGED
                    ? AlertStatus.ACKNOWLEDGED : null;
            case RESOLVE -> AlertStatus.RESOLVED;
            case MUTE -> current == AlertStatus.RESOLVED ? null : AlertStatus.MUTED;
            case REOPEN -> current == AlertStatus.ACKNOWLEDGED ? null : AlertStatus.OPEN;
        };
        return Optional.ofNullable(target);
    }
}
