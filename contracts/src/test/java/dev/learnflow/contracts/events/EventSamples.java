package dev.learnflow.contracts.events;

import dev.learnflow.contracts.answers.AnswerSamples;
import dev.learnflow.contracts.domain.AlertSeverity;
import dev.learnflow.contracts.domain.Difficulty;
import dev.learnflow.contracts.domain.ExerciseSource;
import dev.learnflow.contracts.domain.StruggleReason;

import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** One realistic payload per topic, shaped like what the services will publish. */
public final class EventSamples {

    public static final UUID STUDENT = UUID.fromString("5f0c7d3e-8a41-4c1e-9b0a-2b7f7e6f1a01");
    public static final UUID TEACHER = UUID.fromString("0b1e2f3a-4c5d-4e6f-8a9b-0c1d2e3f4a5b");
    public static final UUID REQUEST = UUID.fromString("c3a2b1d0-1111-4222-8333-944455556666");
    public static final UUID CONVERSATION = UUID.fromString("7d6c5b4a-aaaa-4bbb-8ccc-dddddddddddd");
    public static final UUID EXERCISE = UUID.fromString("e1e2e3e4-0000-4000-8000-000000000042");
    static final Instant AT = Instant.parse("2025-03-14T15:09:26.535897Z");

    static final String BUGGY_CODE = """
            total = 0
            for n in [1, 2, 3]:
                totl = total + n
            print(total)
            """;

    static final String TRACEBACK = """
            Traceback (most recent call last):
              File "main.py", line 3, in <module>
                print(totl)
            NameError: name 'totl' is not defined. Did you mean: 'total'?
            """;

    private EventSamples() {
    }

    public static StudentContext context() {
        Map<String, Double> mastery = new LinkedHashMap<>();
        mastery.put("for-loops", 0.42);
        mastery.put("while-loops", 0.18);
        mastery.put("if-statements", 0.91);
        return new StudentContext("control-flow", "for-loops", mastery, List.of("NameError", "IndentationError"),
                List.of(new StudentContext.Turn(Speaker.STUDENT, "what is range?", AT.minusSeconds(120)),
                        new StudentContext.Turn(Speaker.TUTOR, "`range(n)` yields 0..n-1 ...", AT.minusSeconds(118))));
    }

    public static Map<EventTopic, Record> all() {
        Map<EventTopic, Record> samples = new EnumMap<>(EventTopic.class);
        samples.put(EventTopic.LEARNING_REQUESTS, new LearningRequested(REQUEST, STUDENT, CONVERSATION,
                "Why does my loop only add the last number?", BUGGY_CODE, "for-loops", null, AT));
        samples.put(EventTopic.CONCEPTS_REQUESTS, new ConceptRequested(new LearningRequested(REQUEST, STUDENT,
                CONVERSATION, "What does range(1, 10, 2) give me?", null, "for-loops", context(), AT), "range"));
        samples.put(EventTopic.CODE_SUBMISSIONS, new CodeSubmitted(REQUEST, STUDENT,
                UUID.fromString("aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"), EXERCISE, "for-loops", BUGGY_CODE, "python",
                context(), AT));
        samples.put(EventTopic.DEBUG_REQUESTS, new DebugRequested(REQUEST, STUDENT, CONVERSATION, null, "for-loops",
                null, BUGGY_CODE, TRACEBACK, 2, StudentContext.empty(), AT));
        samples.put(EventTopic.EXERCISE_GENERATED, new ExerciseGenerated(REQUEST, STUDENT, EXERCISE, "for-loops",
                "Sum the even numbers", Difficulty.BEGINNER, ExerciseSource.TEMPLATE, AT));
        samples.put(EventTopic.LEARNING_RESPONSES, new LearningResponded(REQUEST, STUDENT, CONVERSATION,
                ResponseKind.DEBUG, "debug", "On **line 3** you assign to `totl`, but print `total`.",
                AnswerSamples.of(ResponseKind.DEBUG), AT));
        samples.put(EventTopic.PROGRESS_EVENTS, new ProgressRecorded(REQUEST, STUDENT, Verb.FAILED,
                new ActivityObject(ActivityType.EXERCISE, EXERCISE.toString(), "for-loops"),
                new ActivityResult(false, 0.5, "NameError", 1840L, null),
                Map.of("attempt", 3, "hintLevel", 2), AT));
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("errorType", "NameError");
        evidence.put("count", 4);
        evidence.put("windowMinutes", 30);
        evidence.put("pKnownBefore", 0.55);
        evidence.put("pKnownAfter", 0.31);
        samples.put(EventTopic.STRUGGLE_DETECTED, new StruggleDetected(STUDENT, TEACHER, "for-loops",
                StruggleReason.REPEATED_ERROR, AlertSeverity.HIGH, evidence, AT));
        return samples;
    }

    public static Record of(EventTopic topic) {
        return all().get(topic);
    }
}
