package dev.learnflow.contracts.events;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The eight pub/sub topics: the one place that ties a topic name to its CloudEvent type, payload record, schema
 * and dead-letter topic, so publishers and subscribers cannot disagree about any of them. The CloudEvent type is
 * named after the payload record ({@code LearningRequested} → {@code learnflow.learning.requested}).
 */
public enum EventTopic {
    LEARNING_REQUESTS("learning.requests", LearningRequested.class,
            "A student's question with context"),
    CONCEPTS_REQUESTS("concepts.requests", ConceptRequested.class,
            "Question plus enhanced context, for the concepts service"),
    CODE_SUBMISSIONS("code.submissions", CodeSubmitted.class,
            "Code submitted for review"),
    DEBUG_REQUESTS("debug.requests", DebugRequested.class,
            "Code, traceback and context, for the debug service"),
    EXERCISE_GENERATED("exercise.generated", ExerciseGenerated.class,
            "Summary of an exercise generated for a student"),
    LEARNING_RESPONSES("learning.responses", LearningResponded.class,
            "An answer, correlated by request id"),
    PROGRESS_EVENTS("progress.events", ProgressRecorded.class,
            "xAPI-shaped learning activity: actor, verb, object, result"),
    STRUGGLE_DETECTED("struggle.detected", StruggleDetected.class,
            "A struggling student: topic, reason, evidence");

    /** Name of the Dapr pub/sub component, the same in Kubernetes and in the local runtime. */
    public static final String PUBSUB_NAME = "kafka-pubsub";
    /** Suffix of the dead-letter topic that receives messages a consumer answered with DROP. */
    public static final String DEAD_LETTER_SUFFIX = ".dlq";
    /** Classpath folder (and folder under {@code contracts/}) holding the generated JSON Schemas. */
    public static final String SCHEMA_FOLDER = "schemas";
    /** Base of the schemas' {@code $id}s; a schema refers to another by its file name relative to it. */
    public static final String SCHEMA_ID_BASE = "https://learnflow.dev/schemas/";

    private static final Map<String, EventTopic> BY_TOPIC = index(EventTopic::topic);
    private static final Map<String, EventTopic> BY_TYPE = index(EventTopic::type);

    private final String topic;
    private final Class<? extends Record> payloadType;
    private final String description;

    EventTopic(String topic, Class<? extends Record> payloadType, String description) {
        this.topic = topic;
        this.payloadType = payloadType;
        this.description = description;
    }

    /** Topic name on the broker, e.g. {@code learning.requests}. */
    public String topic() {
        return topic;
    }

    /** CloudEvent {@code type} attribute, e.g. {@code learnflow.learning.requested}. */
    public String type() {
        return "learnflow." + payloadType.getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", ".")
                .toLowerCase(Locale.ROOT);
    }

    /** The record carried as the CloudEvent's {@code data}. */
    public Class<? extends Record> payloadType() {
        return payloadType;
    }

    public String description() {
        return description;
    }

    /** {@code <topic>.dlq}. */
    public String deadLetterTopic() {
        return topic + DEAD_LETTER_SUFFIX;
    }

    /** Name of the payload's schema file, e.g. {@code learning.requests.schema.json}. */
    public String schemaFileName() {
        return topic + ".schema.json";
    }

    /** Classpath resource of the payload's schema, e.g. {@code schemas/learning.requests.schema.json}. */
    public String schemaResource() {
        return SCHEMA_FOLDER + "/" + schemaFileName();
    }

    /** Looks a topic up by its broker name ({@code learning.requests}). */
    public static Optional<EventTopic> byTopic(String topic) {
        return Optional.ofNullable(topic).map(BY_TOPIC::get);
    }

    /** Looks a topic up by CloudEvent type ({@code learnflow.learning.requested}). */
    public static Optional<EventTopic> byType(String type) {
        return Optional.ofNullable(type).map(BY_TYPE::get);
    }

    /** The topic a payload record belongs to. */
    public static Optional<EventTopic> byPayloadType(Class<?> payloadType) {
        return Arrays.stream(values()).filter(t -> t.payloadType.equals(payloadType)).findFirst();
    }

    private static Map<String, EventTopic> index(Function<EventTopic, String> key) {
        return Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(key, Function.identity()));
    }
}
