package dev.learnflow.notification.service;

import dev.learnflow.notification.domain.NewAlert;
import dev.learnflow.notification.domain.StoredAlert;

import dev.learnflow.contracts.api.AlertAction;
import dev.learnflow.contracts.api.AlertActionRequest;
import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.domain.Alert;
import dev.learnflow.contracts.domain.AlertStatus;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.notification.client.AlertRepository;
import dev.learnflow.notification.client.LiveAlerts;
import dev.learnflow.notification.config.NotificationConfig;
import dev.learnflow.notification.domain.LiveMessage;
import dev.learnflow.notification.domain.Mute;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.errors.ApiException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.stream.Collectors;

/**
 * Alerts for teachers: raised from struggle signals (deduplicated, idempotent per event, silenced while muted),
 * listed and acted on by the student's teacher, and pushed live to the teacher's sockets.
 */
@ApplicationScoped
public class AlertService {

    private static final Logger LOG = Logger.getLogger(AlertService.class);

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
     * Raises the alerts of a delivered batch of struggle signals (Dapr bulk subscribe), one after the other in
     * delivery order (the topics of the whole batch are looked up in one query), and pushes them to the teachers'
     * sockets, all at once. The alert id is derived from the event id, so a redelivered event finds its alert
     * instead of making another (and pushes it again if it is still open: the push may be what failed). A live
     * alert with the same dedup key, or a mute, absorbs a signal. One status per signal: DROP for one that can
     * never become an alert (unknown student or topic), RETRY for one whose alert was not stored (database, state
     * store, the gateway not telling who the student is) or not pushed (a websocket replica did not take it),
     * SUCCESS otherwise.
     */
    public List<Delivery> raiseAll(List<CloudEvent<StruggleDetected>> events) {
        Set<String> knownTopics = alerts.existingTopics(events.stream().map(e -> e.data().topicId())
                .filter(Objects::nonNull).collect(Collectors.toSet()));
        // the batch's mute windows in one round trip; when the state store cannot say, no signal is raised unmuted
        Set<String> muted;
        try {
            muted = mutes.mutedAmong(events.stream().map(CloudEvent::data).filter(AlertService::complete)
                    .map(AlertService::dedupKey).toList());
        } catch (RuntimeException e) {
            LOG.warnf("Mute windows of %d struggle signals not read (%s); asking the sidecar to retry them",
                    events.size(), e.toString());
            muted = null;
        }
        Delivery[] statuses = new Delivery[events.size()];
        List<CompletableFuture<Void>> pushes = new ArrayList<>(Collections.nCopies(events.size(), null));
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<StruggleDetected> event = events.get(i);
            StruggleDetected signal = event.data();
            if (!complete(signal)) {
                LOG.warnf("Struggle signal %s without userId, reason or severity dropped", event.id());
                statuses[i] = Delivery.DROP;
                continue;
            }
            try {
                Optional<LiveMessage> toPush = store(event.id(), signal, knownTopics, muted);
                if (toPush.isPresent()) {
                    pushes.set(i, live.pushAsync(toPush.get()));
                }
                statuses[i] = Delivery.SUCCESS;
            } catch (UnknownSubjectException e) {
                LOG.warnf("Struggle signal %s dropped: %s", event.id(), e.getMessage());
                statuses[i] = Delivery.DROP;
            } catch (RuntimeException e) {
                LOG.warnf("Struggle signal %s not raised (%s); asking the sidecar to retry it", event.id(),
                        e.toString());
                statuses[i] = Delivery.RETRY;
            }
        }
        for (int i = 0; i < events.size(); i++) {
            if (pushes.get(i) == null) {
                continue;
            }
            try {
                pushes.get(i).join();
            } catch (CompletionException e) {
                LOG.warnf("Alert of struggle signal %s stored, not pushed (%s); retrying the signal",
                        events.get(i).id(), e.getCause() == null ? e.toString() : e.getCause().getMessage());
                statuses[i] = Delivery.RETRY;
            }
        }
        return List.of(statuses);
    }

    /**
     * Stores the signal's alert as {@link #raiseAll} describes it and returns the socket message to push for it
     * (none when muted, deduplicated, no longer open or without a teacher); the push is the caller's.
     *
     * @throws UnknownSubjectException the student or topic does not exist (never retry)
     */
    private Optional<LiveMessage> store(String eventId, StruggleDetected signal, Set<String> knownTopics,
                                        Set<String> muted) {
        UserFacts student = users.user(signal.userId())
                .orElseThrow(() -> new UnknownSubjectException("no student " + signal.userId()));
        if (signal.topicId() != null && !knownTopics.contains(signal.topicId())) {
            throw new UnknownSubjectException("no topic " + signal.topicId());
        }
        String dedupKey = dedupKey(signal);
        if (muted == null) {
            throw new IllegalStateException("mute windows unknown");
        }
        if (muted.contains(dedupKey)) {
            LOG.infof("Struggle %s of %s is muted; no alert", dedupKey, student.id());
            return Optional.empty();
        }
        NewAlert alert = new NewAlert(alertIdFor(eventId), student.id(), student.teacherId(), signal.topicId(),
                signal.reason(), signal.severity(), signal.evidence(), dedupKey);
        AlertRepository.Insert outcome = alerts.insert(alert);
        if (outcome instanceof AlertRepository.Insert.Created created) {
            LOG.infof("Alert %s raised for teacher %s: %s %s of student %s", alert.id(), student.teacherId(),
                    signal.severity(), signal.reason(), student.id());
            return createdMessage(created.stored().alert(), eventId);
        }
        if (outcome instanceof AlertRepository.Insert.Redelivered again) {
            return again.stored().alert().status() == AlertStatus.OPEN
                    ? createdMessage(again.stored().alert(), eventId) : Optional.empty();
        }
        LOG.debugf("Struggle %s already has a live alert; deduplicated", dedupKey);
        return Optional.empty();
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

    /** The push of a new alert; none without a teacher (the alert waits for an admin, nobody's socket). */
    private static Optional<LiveMessage> createdMessage(Alert alert, String eventId) {
        return alert.teacherId() == null ? Optional.empty() : Optional.of(AlertMessages.created(alert, eventId));
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

    private static boolean complete(StruggleDetected signal) {
        return signal.userId() != null && signal.reason() != null && signal.severity() != null;
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
