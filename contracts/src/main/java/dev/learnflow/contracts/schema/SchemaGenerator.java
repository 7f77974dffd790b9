package dev.learnflow.contracts.schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.github.victools.jsonschema.generator.CustomDefinition;
import com.github.victools.jsonschema.generator.MemberScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.generator.naming.DefaultSchemaDefinitionNamingStrategy;
import com.github.victools.jsonschema.module.jackson.JacksonModule;
import com.github.victools.jsonschema.module.jackson.JacksonOption;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationModule;
import com.github.victools.jsonschema.module.jakarta.validation.JakartaValidationOption;
import dev.learnflow.contracts.answers.AnswerData;
import dev.learnflow.contracts.events.CloudEvent;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.ResponseKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Generates the JSON Schema (draft 2020-12) of every event payload, of the CloudEvent envelope, and of each answer
 * kind's {@code data} ({@code answer.<kind>.schema.json}, which learning.responses refers to by kind) from the
 * records themselves: Jackson annotations decide names and enum values, Bean Validation constraints become
 * {@code required}, {@code maxLength}, {@code pattern}, {@code minimum}..., and OpenAPI {@code @Schema}
 * descriptions become {@code description}. One source of truth, so the schemas cannot drift from the code.
 *
 * <p>Run by the build ({@code exec:java} in {@code process-classes}) as
 * {@code SchemaGenerator <classesSchemaDir> [<publishedDir> <update>]}: always writes the classpath copy; rewrites
 * the committed copy under {@code contracts/schemas} only when {@code update} is {@code true}, otherwise just
 * warns when it is stale (a test then fails, so drift cannot be committed unnoticed).
 */
public final class SchemaGenerator {

    /** Base of the schemas' {@code $id}s. */
    public static final String ID_BASE = EventTopic.SCHEMA_ID_BASE;
    /** File name of the envelope schema. */
    public static final String ENVELOPE_FILE = "cloudevent.schema.json";
    private static final String SUFFIX = ".schema.json";
    private static final String DATA_PROPERTY = "data";

    private static final ObjectMapper JSON = new ObjectMapper();

    private SchemaGenerator() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            System.err.println("usage: SchemaGenerator <classesSchemaDir> [<publishedDir> <update:true|false>]");
            System.exit(2);
        }
        SortedMap<String, String> schemas = generateAll();
        Path classes = Path.of(args[0]);
        writeAll(classes, schemas);
        System.out.println("[schemas] wrote " + schemas.size() + " schemas to " + classes);
        if (args.length == 3) {
            Path published = Path.of(args[1]);
            if (Boolean.parseBoolean(args[2])) {
                writeAll(published, schemas);
                System.out.println("[schemas] updated the published copy in " + published);
            } else if (!schemas.equals(readAll(published))) {
                System.out.println("[schemas] WARNING: " + published + " differs from the generated schemas; run "
                        + "`mvn -pl contracts process-classes -Dlearnflow.schemas.update=true` and commit the result");
            }
        }
    }

    /** The schema file of an answer kind's {@code data}, e.g. {@code answer.off_topic.schema.json}. */
    public static String answerFileName(ResponseKind kind) {
        return kind.dataSchemaFileName();
    }

    /** File name → schema text (pretty-printed, LF, trailing newline) for every topic, answer kind and envelope. */
    public static SortedMap<String, String> generateAll() {
        com.github.victools.jsonschema.generator.SchemaGenerator generator = newGenerator(false);
        SortedMap<String, String> files = new TreeMap<>();
        for (EventTopic topic : EventTopic.values()) {
            JsonNode schema = generator.generateSchema(topic.payloadType());
            if (topic == EventTopic.LEARNING_RESPONSES) {
                schema = withDataByKind((ObjectNode) schema);
            }
            files.put(topic.schemaFileName(), render(withHeader(schema, topic.schemaFileName(),
                    topic.payloadType().getSimpleName(),
                    topic.description() + ". Payload (CloudEvent data) of topic " + topic.topic()
                            + ", CloudEvent type " + topic.type() + ".")));
        }
        com.github.victools.jsonschema.generator.SchemaGenerator answers = newGenerator(true);
        for (ResponseKind kind : ResponseKind.values()) {
            JsonNode schema = withDistinctAllOf(answers.generateSchema(kind.dataType()));
            files.put(answerFileName(kind), render(withHeader(schema, answerFileName(kind),
                    kind.dataType().getSimpleName(), "The data of an answer of kind " + kind.value()
                            + " (learning.responses, and GET /api/v1/queries/{id} once answered).")));
        }
        JsonNode envelope = generator.generateSchema(CloudEvent.class);
        files.put(ENVELOPE_FILE, render(withHeader(envelope, ENVELOPE_FILE, "CloudEvent",
                "CloudEvents 1.0 envelope (structured JSON mode) around every LearnFlow event; data is the topic's "
                        + "payload, described by <topic>" + SUFFIX + ".")));
        return files;
    }

    /**
     * @param namedParts true for the answers' data: every record becomes a named definition (its enclosing record's
     *                   name first, e.g. {@code DiagnosisStep}), so the types generated from the schema have names
     */
    static com.github.victools.jsonschema.generator.SchemaGenerator newGenerator(boolean namedParts) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule(JacksonOption.FLATTENED_ENUMS_FROM_JSONVALUE,
                        JacksonOption.RESPECT_JSONPROPERTY_REQUIRED))
                .with(new JakartaValidationModule(JakartaValidationOption.NOT_NULLABLE_FIELD_IS_REQUIRED,
                        JakartaValidationOption.INCLUDE_PATTERN_EXPRESSIONS))
                .with(Option.STANDARD_FORMATS, Option.NULLABLE_FIELDS_BY_DEFAULT, Option.PLAIN_DEFINITION_KEYS,
                        Option.MAP_VALUES_AS_ADDITIONAL_PROPERTIES);
        config.forFields()
                .withDescriptionResolver(SchemaGenerator::describeMember)
                // Jackson always writes a primitive, so it is always present.
                .withRequiredCheck(field -> field.getType() != null && field.getType().isPrimitive());
        if (namedParts) {
            config.with(Option.DEFINITIONS_FOR_ALL_OBJECTS);
            // A part left out when null is never null when present.
            config.forFields().withNullableCheck(field -> {
                JsonInclude include = field.getAnnotationConsideringFieldAndGetter(JsonInclude.class);
                return include != null && include.value() == JsonInclude.Include.NON_NULL ? false : null;
            });
            DefaultSchemaDefinitionNamingStrategy plain = new DefaultSchemaDefinitionNamingStrategy();
            config.forTypesInGeneral().withDefinitionNamingStrategy((key, context) -> {
                Class<?> type = key.getType().getErasedType();
                return type.isRecord() || type.isInterface() && type.isSealed() ? qualifiedName(type)
                        : plain.getDefinitionNameForKey(key, context).replaceAll("[^A-Za-z0-9]+", "");
            });
        }
        config.forTypesInGeneral()
                .withDescriptionResolver(scope -> describe(scope.getType().getErasedType().getAnnotation(Schema.class)))
                .withPropertySorter(SchemaGenerator::recordComponentOrder)
                // A kind with several shapes (a sealed interface) is any one of its records.
                .withSubtypeResolver((declared, context) -> {
                    Class<?> type = declared.getErasedType();
                    if (!type.isSealed() || type == AnswerData.class) {
                        return null;
                    }
                    return Arrays.stream(type.getPermittedSubclasses())
                            .map(sub -> context.getTypeContext().resolveSubtype(declared, sub)).toList();
                })
                // learning.responses' data: an object, whose shape withDataByKind picks by kind.
                .withCustomDefinitionProvider((type, context) -> type.getErasedType() != AnswerData.class ? null
                        : new CustomDefinition(context.getGeneratorConfig().createObjectNode().put("type", "object"),
                        CustomDefinition.DefinitionType.INLINE, CustomDefinition.AttributeInclusion.YES));
        return new com.github.victools.jsonschema.generator.SchemaGenerator(config.build());
    }

    /**
     * Adds to learning.responses one rule per kind: its {@code data} is that kind's answer schema (a reference to
     * {@code answer.<kind>.schema.json}, resolved against this schema's {@code $id}).
     */
    private static ObjectNode withDataByKind(ObjectNode schema) {
        ArrayNode rules = schema.putArray("allOf");
        for (ResponseKind kind : ResponseKind.values()) {
            ObjectNode rule = rules.addObject();
            ObjectNode condition = rule.putObject("if");
            condition.putObject("properties").putObject("kind").put("const", kind.value());
            condition.putArray("required").add("kind");
            rule.putObject("then").putObject("properties").putObject(DATA_PROPERTY)
                    .put("$ref", answerFileName(kind));
        }
        return schema;
    }

    /**
     * An {@code @JsonUnwrapped} record component is seen on the record's field and on its accessor, so its part can
     * come twice in an {@code allOf}, depending on reflection order: keep each part once, in a stable order.
     */
    private static JsonNode withDistinctAllOf(JsonNode node) {
        node.forEach(SchemaGenerator::withDistinctAllOf);
        if (node.get("allOf") instanceof ArrayNode parts) {
            SortedMap<String, JsonNode> distinct = new TreeMap<>();
            parts.forEach(part -> distinct.put(part.toString(), part));
            parts.removeAll();
            parts.addAll(distinct.values());
        }
        return node;
    }

    private static String qualifiedName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : qualifiedName(type.getEnclosingClass()) + type.getSimpleName();
    }

    private static String describeMember(MemberScope<?, ?> member) {
        if (member.isFakeContainerItemScope()) {
            return null; // describe the list, not each of its items again
        }
        return describe(member.getAnnotationConsideringFieldAndGetter(Schema.class));
    }

    private static String describe(Schema annotation) {
        return Optional.ofNullable(annotation).map(Schema::description).filter(d -> !d.isBlank()).orElse(null);
    }

    /** Keeps properties in declaration order (the order a reader of the record expects). */
    private static int recordComponentOrder(MemberScope<?, ?> a, MemberScope<?, ?> b) {
        Class<?> owner = a.getDeclaringType().getErasedType();
        if (!owner.isRecord() || !owner.equals(b.getDeclaringType().getErasedType())) {
            return 0;
        }
        List<String> names = Arrays.stream(owner.getRecordComponents()).map(RecordComponent::getName).toList();
        return Comparator.<MemberScope<?, ?>>comparingInt(m -> {
            int index = names.indexOf(m.getDeclaredName());
            return index < 0 ? Integer.MAX_VALUE : index;
        }).compare(a, b);
    }

    private static ObjectNode withHeader(JsonNode generated, String fileName, String title, String description) {
        ObjectNode schema = JSON.createObjectNode();
        schema.set("$schema", generated.get("$schema"));
        schema.put("$id", ID_BASE + fileName);
        schema.put("title", title);
        schema.put("description", description);
        schema.put("$comment", "Generated by " + SchemaGenerator.class.getName() + " from the contracts records; "
                + "do not edit by hand.");
        generated.fields().forEachRemaining(field -> {
            if (!schema.has(field.getKey())) {
                schema.set(field.getKey(), field.getValue());
            }
        });
        return schema;
    }

    private static String render(JsonNode schema) {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        try {
            return JSON.writer(printer).writeValueAsString(schema) + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the files and removes stale {@code *.schema.json} that no longer correspond to a topic. */
    private static void writeAll(Path dir, Map<String, String> files) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> existing = Files.list(dir)) {
            for (Path stale : existing.filter(p -> p.getFileName().toString().endsWith(SUFFIX))
                    .filter(p -> !files.containsKey(p.getFileName().toString())).toList()) {
                Files.delete(stale);
            }
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path target = dir.resolve(file.getKey());
            byte[] bytes = file.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(target) || !Arrays.equals(Files.readAllBytes(target), bytes)) {
                Files.write(target, bytes);
            }
        }
    }

    /** The {@code *.schema.json} files of a directory, by name; empty if the directory does not exist. */
    public static SortedMap<String, String> readAll(Path dir) throws IOException {
        SortedMap<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.list(dir)) {
            for (Path path : paths.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).toList()) {
                files.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
