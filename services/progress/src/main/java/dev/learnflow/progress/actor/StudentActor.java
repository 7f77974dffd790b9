package dev.learnflow.progress.actor;

import dev.learnflow.progress.domain.ActivityBatch;
import dev.learnflow.progress.domain.RecordOutcomes;
import dev.learnflow.progress.domain.StudentReadModel;
import io.dapr.actors.ActorMethod;
import io.dapr.actors.ActorType;

/**
 * One actor per student (id = the student's UUID), hosted by the progress service. Dapr runs one call at a time
 * per actor, so updates to a student never interleave, whoever sends them.
 */
@ActorType(name = StudentActor.TYPE)
public interface StudentActor {

    String TYPE = "StudentActor";
    String RECORD_ALL = "recordAll";
    String READ_MODEL = "readModel";

    /**
     * Applies a batch of this student's activities in one turn, in order (each event id once): one state read and
     * at most one write however many activities there are, none when all were applied before. Stores the
     * student's read model as the turn left it before answering.
     */
    @ActorMethod(name = RECORD_ALL)
    RecordOutcomes recordAll(ActivityBatch batch);

    /**
     * The student's read model as of now (closes streak days that have ended). Reads are answered from the copy
     * each recording turn stores; this serves a student whose copy is missing (recorded before it existed)
     * or cannot be read.
     */
    @ActorMethod(name = READ_MODEL)
    StudentReadModel readModel();
}
