package dev.learnflow.progress.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.platform.errors.ApiException;
import dev.learnflow.progress.client.EventLog;
import dev.learnflow.progress.client.StudentActors;
import dev.learnflow.progress.client.StudentSnapshots;
import dev.learnflow.progress.domain.StudentReadModel;
import dev.learnflow.progress.domain.StudentSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * A student's snapshot for the read routes, without an actor turn: from the copy the student's active StudentActor
 * keeps in memory ({@link LiveReadModels}, no round trip), else from the read model stored (Dapr state store)
 * before the student's events are marked done in {@code event_log}, so a read sees every event {@code event_log}
 * holds and queues behind no write. Days that ended since are closed here on the copy, by the same rules the actor
 * and its midnight reminder apply, so the streak is as of today whatever was stored. Two cases ask the actor
 * instead: a student with events but no stored copy (recorded before copies existed; the copy is stored then) and a
 * state store that cannot be read.
 */
@ApplicationScoped
public class StudentReads {

    private static final Logger LOG = Logger.getLogger(StudentReads.class);

    @Inject
    LiveReadModels live;
    @Inject
    StudentSnapshots snapshots;
    @Inject
    EventLog eventLog;
    @Inject
    StudentActors actors;
    @Inject
    StudentLedger ledger;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    /** The student's snapshot as of now; 503 when neither the state store nor the actor answers. */
    public StudentSnapshot snapshot(UUID studentId) {
        return snapshotOf(state(studentId), clock.instant());
    }

    private StudentState state(UUID studentId) {
        Optional<StudentReadModel> held = live.find(studentId);
        if (held.isPresent()) {
            return parse(studentId, held.get());
        }
        boolean hasEvents;
        try {
            Optional<StudentReadModel> stored = snapshots.find(studentId);
            if (stored.isPresent()) {
                return parse(studentId, stored.get());
            }
            hasEvents = eventLog.hasAny(studentId);
        } catch (RuntimeException e) {
            LOG.warnf("Read model of %s not read (%s): asking the actor", studentId, e.toString());
            return parse(studentId, fromActor(studentId));
        }
        if (!hasEvents) {
            return ledger.newState(); // nothing recorded: what the actor holds for a student it never saw
        }
        StudentReadModel model = fromActor(studentId);
        try {
            snapshots.save(studentId, model);
        } catch (RuntimeException e) {
            LOG.warnf("Read model of %s not stored (%s)", studentId, e.toString());
        }
        return parse(studentId, model);
    }

    private StudentReadModel fromActor(UUID studentId) {
        try {
            return actors.of(studentId).readModel();
        } catch (RuntimeException e) {
            LOG.warnf("StudentActor %s could not be read: %s", studentId, e.toString());
            throw ApiException.unavailable("The student's progress cannot be read right now");
        }
    }

    private StudentSnapshot snapshotOf(StudentState state, Instant now) {
        ledger.closeDays(state, ledger.today(state, now));
        return ledger.snapshot(state, now);
    }

    private StudentState parse(UUID studentId, StudentReadModel model) {
        try {
            return mapper.treeToValue(model.state(), StudentState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable read model of student " + studentId, e);
        }
    }
}
