package dev.learnflow.progress.actor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.progress.domain.Activity;
import dev.learnflow.progress.domain.ActivityBatch;
import dev.learnflow.progress.domain.RecordOutcome;
import dev.learnflow.progress.domain.RecordOutcomes;
import dev.learnflow.progress.client.StudentSnapshots;
import dev.learnflow.progress.domain.StudentReadModel;
import dev.learnflow.progress.service.LiveReadModels;
import dev.learnflow.progress.service.StudentLedger;
import dev.learnflow.progress.service.StudentState;
import io.dapr.actors.ActorId;
import io.dapr.actors.runtime.AbstractActor;
import io.dapr.actors.runtime.ActorRuntimeContext;
import io.dapr.actors.runtime.Remindable;
import io.dapr.utils.TypeRef;
import org.jboss.logging.Logger;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

/**
 * The StudentActor: loads the student's state from the actor state store (through the sidecar; one JSON value
 * under key {@code student}), lets the {@link StudentLedger} change it, and saves it at the end of the turn (the SDK
 * does, only when the method succeeded; a failed turn leaves the stored state as it was). Keeps a reminder armed
 * for the student's next local midnight while there is a streak to keep.
 * <p>A recording turn also stores the student's read model (the copy the read routes answer from), after its own
 * state: turns run one at a time, so the copy a turn writes is never older than what is stored, and it never runs
 * ahead of the actor's saved state.
 */
public class StudentActorImpl extends AbstractActor implements StudentActor, Remindable<String> {

    static final String STATE_KEY = "student";
    /** The midnight reminder; its data is the local day it closes. */
    public static final String DAY_CLOSE_REMINDER = "day-close";
    private static final Logger LOG = Logger.getLogger(StudentActorImpl.class);
    private static final Duration SIDECAR_TIMEOUT = Duration.ofSeconds(30);

    private final StudentLedger ledger;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final StudentSnapshots readModels;
    private final LiveReadModels live;
    /** The state's JSON as this activation last loaded or saved it (null: none stored yet). */
    private JsonNode stored;
    /**
     * What the last turn of this activation saved, as objects ({@link #stored} is its JSON): the next turn starts
     * from it instead of reading the state back through the sidecar and deserializing it (the SDK empties its own
     * cache at the start of every call). Safe because only this activation writes the student's state (Dapr
     * activates an actor once, turns run one at a time, a reminder is a turn too). A turn takes it and gives it
     * back only once its save succeeded; after a failed turn the next one reads the stored state.
     */
    private StudentState spare;
    /** The revision whose read model this activation stored (-1: none yet, e.g. stored by an earlier one). */
    private long readModelRevision = -1;

    public StudentActorImpl(ActorRuntimeContext<StudentActorImpl> context, ActorId id, StudentLedger ledger,
                            Clock clock, ObjectMapper mapper, StudentSnapshots readModels,
                            LiveReadModels live) {
        super(context, id);
        this.ledger = ledger;
        this.clock = clock;
        this.mapper = mapper;
        this.readModels = readModels;
        this.live = live;
    }

    @Override
    public RecordOutcomes recordAll(ActivityBatch batch) {
        StudentState state = load();
        Instant now = clock.instant();
        List<RecordOutcome> outcomes = new ArrayList<>(batch.activities().size());
        boolean changed = false;
        for (Activity activity : batch.activities()) {
            RecordOutcome outcome = ledger.record(state, activity, now);
            outcomes.add(outcome);
            changed |= !outcome.duplicate();
        }
        if (changed) { // a batch of redeliveries changes nothing and writes no actor state
            armReminder(state, ledger.today(state, now), false);
            save(state);
            saveState().block(SIDECAR_TIMEOUT); // now, not after the turn: the read model must not run ahead of it
            spare = state;
        }
        // Also after a batch of redeliveries, when an earlier turn failed before its copy was stored.
        if (state.revision() != readModelRevision) {
            UUID student = UUID.fromString(getId().toString());
            StudentReadModel model = readModel(state);
            readModels.store(student, model);
            readModelRevision = state.revision();
            live.put(student, model); // only once stored: the memory copy never runs ahead of storage
        }
        return new RecordOutcomes(outcomes);
    }

    @Override
    public StudentReadModel readModel() {
        StudentState state = load();
        LocalDate today = ledger.today(state, clock.instant());
        if (ledger.closeDays(state, today)) {
            armReminder(state, today, false);
            save(state);
            spare = state;
        }
        return readModel(state);
    }

    private StudentReadModel readModel(StudentState state) {
        JsonNode tree = stored != null ? stored : mapper.valueToTree(state);
        return new StudentReadModel(state.revision(), StudentState.readPart(tree));
    }

    /** From now on the state may change in another activation (or host): reads go to storage again. */
    @Override
    protected Mono<Void> onDeactivate() {
        live.drop(UUID.fromString(getId().toString()));
        return Mono.empty();
    }

    @Override
    public TypeRef<String> getStateType() {
        return TypeRef.STRING;
    }

    /**
     * The student's local midnight passed: judge the day that ended (and any before it), then arm the next one.
     * The reminder's data names the day it closes, so a firing a few milliseconds early still closes it.
     */
    @Override
    public Mono<Void> receiveReminder(String reminderName, String closesDay, Duration dueTime, Duration period) {
        if (!DAY_CLOSE_REMINDER.equals(reminderName)) {
            return Mono.empty();
        }
        if (!hasState()) { // nothing to close (state removed): stop firing
            unregisterReminder(DAY_CLOSE_REMINDER).block(SIDECAR_TIMEOUT);
            return Mono.empty();
        }
        StudentState state = load();
        LocalDate today = ledger.today(state, clock.instant());
        LocalDate closing = parseDay(closesDay);
        if (closing != null && !today.isAfter(closing)) {
            today = closing.plusDays(1);
        }
        ledger.closeDays(state, today);
        armReminder(state, today, true);
        save(state);
        spare = state;
        LOG.debugf("Student %s: day closed through %s, streak %d", getId(), state.streak().closedThrough(),
                state.streak().current());
        return Mono.empty();
    }

    /**
     * Keeps exactly one reminder, due at the next local midnight, while the streak is alive; none otherwise.
     * Re-registers only when the due time changes, because every registration is a write in the sidecar.
     */
    private void armReminder(StudentState state, LocalDate today, boolean force) {
        Optional<Instant> due = ledger.nextDayClose(state, today);
        Instant armed = state.streak().reminderDueAt();
        if (due.isPresent()) {
            if (force || !due.get().equals(armed)) {
                Duration in = Duration.between(clock.instant(), due.get());
                registerReminder(DAY_CLOSE_REMINDER, today.toString(), in.isNegative() ? Duration.ZERO : in,
                        ledger.settings().streak().reminderPeriod()).block(SIDECAR_TIMEOUT);
                ledger.reminderArmed(state, due.get());
            }
        } else if (armed != null || force) {
            unregisterReminder(DAY_CLOSE_REMINDER).block(SIDECAR_TIMEOUT);
            ledger.reminderArmed(state, null);
        }
    }

    private boolean hasState() {
        return Boolean.TRUE.equals(getActorStateManager().contains(STATE_KEY).block(SIDECAR_TIMEOUT));
    }

    /** The student's state: what the last turn saved (see {@link #spare}), else one sidecar read. */
    private StudentState load() {
        StudentState previous = spare;
        spare = null;
        if (previous != null) {
            return previous;
        }
        JsonNode saved;
        try {
            saved = getActorStateManager().get(STATE_KEY, JsonNode.class).block(SIDECAR_TIMEOUT);
        } catch (NoSuchElementException none) { // not stored yet (or removed)
            stored = null;
            return ledger.newState();
        }
        stored = saved;
        try {
            return mapper.treeToValue(saved, StudentState.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable state of student " + getId(), e);
        }
    }

    private void save(StudentState state) {
        state.nextRevision();
        JsonNode tree = mapper.valueToTree(state);
        getActorStateManager().set(STATE_KEY, tree).block(SIDECAR_TIMEOUT);
        stored = tree;
    }

    private static LocalDate parseDay(String text) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
