package dev.learnflow.progress.service;

import dev.learnflow.contracts.api.UserFacts;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.StruggleDetected;
import dev.learnflow.platform.clients.UserDirectoryClient;
import dev.learnflow.platform.concurrent.DaemonThreads;
import dev.learnflow.platform.dapr.Delivery;
import dev.learnflow.platform.dapr.BulkPublisher;
import dev.learnflow.platform.dapr.PoisonEventException;
import dev.learnflow.progress.client.Curriculum;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.ReportingRows;
import dev.learnflow.progress.client.StudentActors;
import dev.learnflow.progress.domain.Activity;
import dev.learnflow.progress.domain.ActivityBatch;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.RecordOutcomes;
import dev.learnflow.progress.domain.StruggleSignal;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Records {@code progress.events} CloudEvents, a delivered batch at a time (Dapr bulk subscribe; a single delivery
 * is a batch of one), one status per event. Per batch: one event_log query finds what was recorded before
 * (SUCCESS, nothing else); each student's events go to their actor in one turn, in delivery order (the actor
 * applies each event id once; a redelivery answers what the first application produced; the turn stores the
 * student's read model), all students' turns at once; the batch's struggle signals are published in one bulk
 * request;
 * then the reporting rows of the whole batch (progress mirror, event_log) are committed in one transaction. The
 * event_log row goes last: its
 * presence means everything before it was done, so a redelivery after that is acknowledged without touching
 * anything. Whatever fails is answered RETRY for the events it concerns (a student whose actor call failed, an event
 * whose signal was not published, all of them when the transaction fails); the sidecar redelivers those and the
 * actor answers from what it remembers.
 */
@ApplicationScoped
public class ProgressRecorder {

    private static final Logger LOG = Logger.getLogger(ProgressRecorder.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(15);
    private static final int LOOKUP_PARALLELISM = 8;

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
    BulkPublisher signalBus;
    @Inject
    Clock clock;
    /** Account lookups of a batch's students, several at a time (each blocks while it asks the gateway). */
    private final ExecutorService lookups = Executors.newFixedThreadPool(LOOKUP_PARALLELISM,
            DaemonThreads.named("progress-account-lookups"));

    /** One event of the batch on its way: where it sits in the batch and what recording it produced. */
    private static final class Pending {
        final int index;
        final CloudEvent<ProgressRecorded> event;
        final UUID statementId;
        Delivery status;
        RecordOutcome outcome;
        CompletableFuture<Void> signalsPublished = CompletableFuture.completedFuture(null);

        Pending(int index, CloudEvent<ProgressRecorded> event, UUID statementId) {
            this.index = index;
            this.event = event;
            this.statementId = statementId;
        }
    }

    /** Records a delivered batch; one status per event, in order. */
    public List<Delivery> recordAll(List<CloudEvent<ProgressRecorded>> events) {
        Delivery[] statuses = new Delivery[events.size()];
        // The same event twice in one batch (a publisher's retry) is recorded once; the copies share its status.
        Map<String, Pending> byEventId = new LinkedHashMap<>();
        int[] firstCopy = new int[events.size()];
        for (int i = 0; i < events.size(); i++) {
            CloudEvent<ProgressRecorded> event = events.get(i);
            Pending seen = byEventId.get(event.id());
            if (seen != null) {
                firstCopy[i] = seen.index;
                continue;
            }
            firstCopy[i] = i;
            try {
                requireValid(event.id(), event.data());
                byEventId.put(event.id(), new Pending(i, event, XapiStatements.statementId(event.id())));
            } catch (PoisonEventException e) {
                LOG.warnf("Event %s dropped: %s", event.id(), e.getMessage());
                statuses[i] = Delivery.DROP;
            }
        }
        List<Pending> pending = new ArrayList<>(byEventId.values());
        Set<UUID> recordedBefore = eventLog.recorded(pending.stream().map(p -> p.statementId).toList());
        for (Pending p : pending) {
            if (recordedBefore.contains(p.statementId)) {
                LOG.debugf("Event %s was recorded before: nothing to do", p.event.id());
                p.status = Delivery.SUCCESS;
            }
        }

        Map<UUID, List<Pending>> byStudent = new LinkedHashMap<>();
        pending.stream().filter(p -> p.status == null)
                .forEach(p -> byStudent.computeIfAbsent(p.event.data().userId(), u -> new ArrayList<>()).add(p));
        Instant now = clock.instant();
        // Every student's account at once: one not cached is a round trip through two sidecars to the gateway,
        // and a batch holds up to a few dozen students (all of them new after a quiet half minute).
        Map<UUID, CompletableFuture<Optional<UserFacts>>> accounts = new LinkedHashMap<>();
        for (UUID student : byStudent.keySet()) {
            accounts.put(student, CompletableFuture.supplyAsync(() -> users.user(student), lookups));
        }
        // Every student's actor turn at once (each actor still takes its own calls one at a time, in order).
        List<StudentTurn> turns = new ArrayList<>();
        for (Map.Entry<UUID, List<Pending>> e : byStudent.entrySet()) {
            StudentTurn turn = startTurn(e.getKey(), accounts.get(e.getKey()), e.getValue());
            if (turn != null) {
                turns.add(turn);
            }
        }
        List<StudentTurn> applied = new ArrayList<>();
        for (StudentTurn turn : turns) {
            if (finishTurn(turn)) {
                applied.add(turn);
            }
        }
        // Then every struggle signal of the batch in one bulk publish; an event whose signal was not published is
        // retried (the actor answers its redelivery with the same signals, so none is lost).
        publishSignals(applied, now);
        // The turns stored the read models, so once an event is marked done in event_log every read shows it.
        List<ReportingRows.Write> writes = new ArrayList<>();
        List<Pending> written = new ArrayList<>();
        for (StudentTurn turn : applied) {
            for (Pending p : turn.events) {
                try {
                    p.signalsPublished.get(PUBLISH_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
                } catch (Exception failure) {
                    LOG.warnf("Struggle signal of event %s not published (%s); retrying the event", p.event.id(),
                            failure);
                    p.status = Delivery.RETRY;
                    continue;
                }
                writes.add(reportingRow(turn.student, p, now));
                written.add(p);
            }
        }
        // The reporting rows of the whole batch in one transaction; the event_log rows mark the events done.
        Delivery afterWrite = Delivery.SUCCESS;
        try {
            reportingRows.writeAll(writes);
        } catch (RuntimeException failure) {
            LOG.warnf(failure, "Reporting rows of %d events not written; retrying them", writes.size());
            afterWrite = Delivery.RETRY;
        }
        for (Pending p : written) {
            p.status = afterWrite;
            if (p.outcome.duplicate()) {
                LOG.debugf("Event %s was applied by the actor before: reporting rows completed", p.event.id());
            }
        }
        for (Pending p : pending) {
            statuses[p.index] = p.status == null ? Delivery.RETRY : p.status;
        }
        for (int i = 0; i < statuses.length; i++) {
            statuses[i] = statuses[firstCopy[i]];
        }
        return List.of(statuses);
    }

    /** One student's events of the batch in their actor's turn: started, then finished with its outcomes. */
    private static final class StudentTurn {
        final UserFacts student;
        final List<Pending> events;
        final CompletableFuture<RecordOutcomes> call;

        StudentTurn(UserFacts student, List<Pending> events, CompletableFuture<RecordOutcomes> call) {
            this.student = student;
            this.events = events;
            this.call = call;
        }
    }

    /**
     * Takes the student's account (looked up meanwhile), looks the events' topics up and starts the student's actor
     * turn on those events.
     * Unknown students or topics: DROP; the gateway not answering: RETRY (nothing recorded yet). Returns null when
     * none of the events goes to the actor.
     */
    private StudentTurn startTurn(UUID studentId, CompletableFuture<Optional<UserFacts>> account,
                                  List<Pending> events) {
        UserFacts student;
        try {
            student = account.join().orElse(null);
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.warnf("User %s not looked up (%s); retrying %d events", studentId, cause.getMessage(),
                    events.size());
            events.forEach(p -> p.status = Delivery.RETRY);
            return null;
        }
        if (student == null) {
            LOG.warnf("%d events of unknown user %s dropped", events.size(), studentId);
            events.forEach(p -> p.status = Delivery.DROP);
            return null;
        }
        List<Pending> known = new ArrayList<>();
        for (Pending p : events) {
            String topicId = p.event.data().object().topicId();
            if (topicId != null && curriculum.topic(topicId).isEmpty()) {
                LOG.warnf("Event %s dropped: unknown topic %s", p.event.id(), topicId);
                p.status = Delivery.DROP;
            } else {
                known.add(p);
            }
        }
        if (known.isEmpty()) {
            return null;
        }
        List<Activity> activities = known.stream().map(p -> Activities.of(p.event, student.timezone())).toList();
        CompletableFuture<RecordOutcomes> call;
        try {
            call = actors.recordAllAsync(student.id(), new ActivityBatch(activities));
        } catch (RuntimeException e) {
            call = CompletableFuture.failedFuture(e);
        }
        return new StudentTurn(student, known, call);
    }

    /** Waits for the turn's outcomes; false (the events to be retried) when the actor did not record them. */
    private boolean finishTurn(StudentTurn turn) {
        RecordOutcomes recorded;
        try {
            recorded = turn.call.join();
        } catch (RuntimeException e) {
            Throwable cause = e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
            LOG.warnf("StudentActor %s did not record %d events (%s); retrying them", turn.student.id(),
                    turn.events.size(), cause.toString());
            turn.events.forEach(p -> p.status = Delivery.RETRY);
            return false;
        }
        for (int i = 0; i < turn.events.size(); i++) {
            turn.events.get(i).outcome = recorded.outcomes().get(i);
        }
        return true;
    }

    /**
     * Publishes the struggle signals of the recorded events (those of its first application for a redelivery) in
     * one bulk request, in batch order (so each student's in the order of their events); each event learns whether
     * all of its own signals were published.
     */
    private void publishSignals(List<StudentTurn> applied, Instant now) {
        List<StruggleDetected> signals = new ArrayList<>();
        List<Pending> signalOf = new ArrayList<>();
        for (StudentTurn turn : applied) {
            for (Pending p : turn.events) {
                for (StruggleSignal s : p.outcome.signals()) {
                    signals.add(new StruggleDetected(turn.student.id(), turn.student.teacherId(), s.topicId(),
                            s.reason(), s.severity(), s.evidence(), now));
                    signalOf.add(p);
                    LOG.infof("Student %s struggles (%s, topic %s): publishing", turn.student.id(), s.reason(),
                            s.topicId());
                }
            }
        }
        if (signals.isEmpty()) {
            return;
        }
        List<CompletableFuture<CloudEvent<StruggleDetected>>> sent;
        try {
            sent = signalBus.publishAll(EventTopic.STRUGGLE_DETECTED, signals);
        } catch (RuntimeException e) {
            sent = signals.stream().map(s -> CompletableFuture.<CloudEvent<StruggleDetected>>failedFuture(e))
                    .toList();
        }
        Map<Pending, List<CompletableFuture<?>>> byEvent = new LinkedHashMap<>();
        for (int i = 0; i < signals.size(); i++) {
            byEvent.computeIfAbsent(signalOf.get(i), p -> new ArrayList<>()).add(sent.get(i));
        }
        byEvent.forEach((p, futures) ->
                p.signalsPublished = CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)));
    }

    private ReportingRows.Write reportingRow(UserFacts student, Pending p, Instant now) {
        ProgressRecorded data = p.event.data();
        String source = p.event.source() == null ? "unknown" : p.event.source();
        return new ReportingRows.Write(student.id(), p.outcome.topic(), new EventLog.Entry(p.statementId,
                student.id(), data.verb().value(), data.object().type().value(), data.object().id(),
                data.object().topicId(), xapi.resultColumn(data.result()), xapi.contextColumn(source, data),
                xapi.statement(p.statementId, source, data, now), data.occurredAt(), now), now);
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

    @PreDestroy
    void stop() {
        lookups.shutdownNow();
    }
}
