package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.progress.client.Curriculum;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.ReportingRows;
import dev.learnflow.progress.client.StudentActors;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.StruggleSignal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Records one {@code progress.events} CloudEvent: the student's actor applies it (once per event id), struggle
 * signals are published, then the reporting rows (progress mirror and event_log) are committed together. The
 * event_log row goes last: its presence means everything before it was done, so a redelivery after that is acknowledged without touching anything. A failure
 * on the way throws, the sidecar redelivers, and the actor answers the redelivery from what it remembers.
 */
@ApplicationScoped
public class ProgressRecorder {

    private static final Logger LOG = Logger.getLogger(ProgressRecorder.class);

    @Inject
    Validator validator;
    @Inject
    UserDirectoryClient users;
    @Inject
    Curriculum curriculum;
    @Inject
    StudentActors actors;
    @Inject
    ReportingRows reportingRows;
    @Inject
    EventLog eventLog;
    @Inject
    XapiStatements xapi;
    @Inject
    EventBus bus;
    @Inject
    Clock clock;

    public void record(CloudEvent<ProgressRecorded> event) {
        ProgressRecorded p = event.data();
        requireValid(event.id(), p);
        UUID statementId = XapiStatements.statementId(event.id());
        if (eventLog.contains(statementId)) {
            LOG.debugf("Event %s was recorded before: nothing to do", event.id());
            return;
        }
        UserFacts student = users.user(p.userId())
                .orElseThrow(() -> new PoisonEventException("unknown user " + p.userId()));
        String topicId = p.object().topicId();
        if (topicId != null && curriculum.topic(topicId).isEmpty()) {
            throw new PoisonEventException("unknown topic " + topicId);
        }

        RecordOutcome outcome = actors.of(student.id()).record(Activities.of(event, student.timezone()));
        Instant now = clock.instant();
        for (StruggleSignal s : outcome.signals()) {
            bus.publish(EventTopic.STRUGGLE_DETECTED, new StruggleDetected(student.id(), student.teacherId(),
                    s.topicId(), s.reason(), s.severity(), s.evidence(), now));
            LOG.infof("Student %s struggles (%s, topic %s): published", student.id(), s.reason(), s.topicId());
        }
        String source = event.source() == null ? "unknown" : event.source();
        // The progress mirror and the event_log row in one transaction (shared with concurrent deliveries); the
        // event_log row marks the event done, so it commits only with everything before it.
        reportingRows.write(new ReportingRows.Write(student.id(), outcome.topic(), new EventLog.Entry(statementId,
                student.id(), p.verb().value(), p.object().type().value(), p.object().id(), topicId,
                xapi.resultColumn(p.result()), xapi.contextColumn(source, p), xapi.statement(statementId, source, p,
                now), p.occurredAt(), now), now));
        if (outcome.duplicate()) {
            LOG.debugf("Event %s was applied by the actor before: reporting rows completed", event.id());
        }
    }

    private void requireValid(String eventId, ProgressRecorded p) {
        Set<ConstraintViolation<ProgressRecorded>> violations = validator.validate(p);
        if (!violations.isEmpty()) {
            String detail = violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> v.getPropertyPath() + " " + v.getMessage())
                    .collect(Collectors.joining("; "));
            throw new PoisonEventException("invalid progress event " + eventId + ": " + detail);
        }
    }
}
