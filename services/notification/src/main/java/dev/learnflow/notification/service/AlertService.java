package dev.learnflow.notification.service;

import dev.learnflow.notification.domain.NewAlert;
import dev.learnflow.notification.domain.StoredAlert;

import dev.learnflow.contracts.api.AlertAction;
import dev.learnflow.contracts.api.AlertActionRequest;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.domain.Alert;
import dev.learnflow.contracts.domain.AlertStatus;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.notification.client.AlertRepository;
import dev.learnflow.notification.client.LiveAlerts;
import dev.learnflow.notification.config.NotificationConfig;
import dev.learnflow.notification.domain.LiveMessage;
import dev.learnflow.notification.domain.Mute;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Alerts for teachers: raised from struggle signals (deduplicated, idempotent per event, silenced while muted),
 * listed and acted on by the student's teacher, and pushed live to the teacher's sockets.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

    /** What a struggle signal led to. */
    public enum Raised { CREATED, REDELIVERED, DEDUPLICATED, MUTED }

    @Inject
    AlertRepository alerts;
    @Inject
    UserDirectoryClient users;
    @Inject
    MuteWindows mutes;
    @Inject
    LiveAlerts live;
    @Inject
    NotificationConfig config;
    @Inject
    Clock clock;

    /**
     * Raises an alert for a struggle signal and pushes it to the teacher's sockets. The alert id is derived from
     * the event id, so a redelivered event finds its alert instead of making another (and pushes it again if it
     * is still open: the push may be what failed). A live alert with the same dedup key, or a mute, absorbs it.
     *
     * @throws UnknownSubjectException       the student or topic does not exist (never retry)
     * @throws UserDirectoryClient.Unavailable the gateway cannot tell who the student is right now (retry)
     * @throws LiveAlerts.PushFailedException the alert is stored but a websocket replica did not take the push
     */
    public Raised raise(String eventId, StruggleDetected signal) {
        UserFacts student = users.user(signal.userId())
                .orElseThrow(() -> new UnknownSubjectException("no student " + signal.userId()));
        if (signal.topicId() != null && !alerts.topicExists(signal.topicId())) {
            throw new UnknownSubjectException("no topic " + signal.topicId());
        }
        String dedupKey = dedupKey(signal);
        if (mutes.isMuted(dedupKey)) {
            LOG.infof("Struggle %s of %s is muted; no alert", dedupKey, student.id());
            return Raised.MUTED;
        }
        NewAlert alert = new NewAlert(alertIdFor(eventId), student.id(), student.teacherId(), signal.topicId(),
                signal.reason(), signal.severity(), signal.evidence(), dedupKey);
        AlertRepository.Insert outcome = alerts.insert(alert);
        if (outcome instanceof AlertRepository.Insert.Created created) {
            LOG.infof("Alert %s raised for teacher %s: %s %s of student %s", alert.id(), student.teacherId(),
                    signal.severity(), signal.reason(), student.id());
            pushCreated(created.stored().alert(), eventId);
            return Raised.CREATED;
        }
        if (outcome instanceof AlertRepository.Insert.Redelivered again) {
            if (again.stored().alert().status() == AlertStatus.OPEN) {
                pushCreated(again.stored().alert(), eventId);
            }
            return Raised.REDELIVERED;
        }
        LOG.debugf("Struggle %s already has a live alert; deduplicated", dedupKey);
        return Raised.DEDUPLICATED;
    }

    public List<Alert> list(UUID teacherId, Optional<AlertStatus> status, Optional<Integer> limit) {
        int wanted = limit.orElse(config.defaultListLimit());
        if (wanted < 1 || wanted > config.maxListLimit()) {
            throw ApiException.badRequest("limit must be between 1 and " + config.maxListLimit());
        }
        return alerts.listForTeacher(teacherId, status, wanted);
    }

    /** Applies a teacher's action (see {@link AlertTransitions}); the new state is pushed to their sockets. */
    public Alert act(UUID teacherId, UUID alertId, AlertActionRequest request, UUID actor) {
        if (request.muteHours() != null && request.action() != AlertAction.MUTE) {
            throw ApiException.badRequest("muteHours applies to the mute action only");
        }
        StoredAlert stored = alerts.findForTeacher(alertId, teacherId)
                .orElseThrow(() -> ApiException.notFound("Alert " + alertId));
        AlertStatus current = stored.alert().status();
        AlertStatus target = AlertTransitions.next(current, request.action())
                .orElseThrow(() -> new ApiException(409, "illegal-alert-transition", "Conflict",
                        "An alert that is " + current + " cannot be " + pastTense(request.action())));
        StoredAlert updated = stored;
        if (target != current) {
            try {
                updated = alerts.changeStatus(alertId, current, target);
            } catch (AlertRepository.ConcurrentChangeException e) {
                throw ApiException.conflict("The alert changed meanwhile; reload it and try again");
            } catch (AlertRepository.LiveDuplicateException e) {
                throw new ApiException(409, "duplicate-live-alert", "Conflict", "The student has another open "
                        + "alert for the same topic and reason; act on that one instead");
            }
        }
        applyMute(stored, current, target, request, actor);
        if (updated != stored) {
            pushQuietly(AlertMessages.updated(updated.alert()));
        }
        return updated.alert();
    }

    private void applyMute(StoredAlert stored, AlertStatus from, AlertStatus to, AlertActionRequest request,
                           UUID actor) {
        try {
            if (to == AlertStatus.MUTED) {
                int hours = request.muteHours() != null ? request.muteHours() : config.defaultMuteHours();
                mutes.mute(stored.dedupKey(), new Mute(stored.alert().id(), actor,
                        clock.instant().plus(Duration.ofHours(hours)), request.note()));
            } else if (from == AlertStatus.MUTED) {
                mutes.unmute(stored.dedupKey());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Mute window of alert %s could not be saved", stored.alert().id());
            throw ApiException.unavailable("The alert is " + to + " but its mute window could not be saved; "
                    + "send the same action again");
        }
    }

    private void pushCreated(Alert alert, String eventId) {
        if (alert.teacherId() == null) {
            return; // no class: the alert waits for an admin, nobody's socket to push to
        }
        live.push(AlertMessages.created(alert, eventId));
    }

    /** A changed status reaches the teacher's other tabs; the action itself has succeeded either way. */
    private void pushQuietly(LiveMessage message) {
        try {
            live.push(message);
        } catch (RuntimeException e) {
            LOG.warnf("Live update %s not pushed: %s", message.id(), e.getMessage());
        }
    }

    static UUID alertIdFor(String eventId) {
        return UUID.nameUUIDFromBytes(("struggle.detected|" + eventId).getBytes(StandardCharsets.UTF_8));
    }

    static String dedupKey(StruggleDetected signal) {
        return signal.userId() + ":" + (signal.topicId() == null ? "-" : signal.topicId()) + ":"
                + signal.reason().value();
    }

    private static String pastTense(AlertAction action) {
        return switch (action) {
            case ACKNOWLEDGE -> "acknowledged";
            case RESOLVE -> "resolved";
            case MUTE -> "muted";
            case REOPEN -> "reopened";
        };
    }
}
