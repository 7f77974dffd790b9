package dev.learnflow.contracts.answers;

import dev.learnflow.contracts.api.ProgramFeedback;
import dev.learnflow.contracts.events.ResponseKind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One answer's data per shape, with the values of the fixtures the services' tests captured from the code that
 * built these as maps ({@code services/<service>/src/test/resources/answer-data/<fixture>.json}).
 */
public final class AnswerSamples {

    /** A shape's sample, the fixture it reproduces and the kind whose schema it must meet. */
    public record Sample(String fixture, ResponseKind kind, AnswerData data) {
        @Override
        public String toString() {
            return fixture;
        }
    }

    private static final String STUDENT = "00000000-0000-0000-0000-000000000001";
    private static final List<String> INTENTS = List.of("concept_explanation", "debug_help", "code_review",
            "exercise_request", "progress_question");

    private AnswerSamples() {
    }

    public static AnswerData of(ResponseKind kind) {
        return all().stream().filter(s -> s.kind() == kind).findFirst().orElseThrow().data();
    }

    public static List<Sample> all() {
        return List.of(
                new Sample("concepts/concept-documentation", ResponseKind.CONCEPT, documentation()),
                new Sample("concepts/concept-abstention", ResponseKind.CONCEPT, abstention()),
                new Sample("debug/diagnosis-wrong-result", ResponseKind.DEBUG, wrongResult()),
                new Sample("debug/debug-explained", ResponseKind.DEBUG, explained()),
                new Sample("code-review/review-mixed", ResponseKind.REVIEW, review()),
                new Sample("triage/exercise-any", ResponseKind.EXERCISE, new ExercisePointers(null, links(
                        "modules", "/api/v1/curriculum/modules", "generate", "/api/v1/exercises"), null)),
                new Sample("triage/progress-empty", ResponseKind.PROGRESS, new ProgressPointers(links(
                        "progress", "/api/v1/students/" + STUDENT + "/progress",
                        "streak", "/api/v1/students/" + STUDENT + "/streak",
                        "activity", "/api/v1/students/" + STUDENT + "/activity"), null, Map.of(), null)),
                new Sample("triage/clarification", ResponseKind.CLARIFICATION,
                        Clarification.between(List.of("debug_help", "code_review"), 0.412, null)),
                new Sample("triage/clarification-code", ResponseKind.CLARIFICATION, Clarification.needs("code",
                        List.of("correctness", "readability", "style", "simplicity"), null)),
                new Sample("triage/off-topic-language", ResponseKind.OFF_TOPIC,
                        new OffTopicReply("other_language", "JavaScript", INTENTS, null)),
                new Sample("code-review/error-unsupported", ResponseKind.ERROR,
                        new ErrorReply("unsupported_language", "java")));
    }

    private static ConceptDocumentation documentation() {
        String section = "The \"del\" statement";
        return new ConceptDocumentation(section, "beginner", "topic:del:0",
                "Python Language Reference, “The \"del\" statement” (pydoc topic 'del')",
                new ConceptDocumentation.Source("Python Language Reference", section, "pydoc topic 'del'",
                        "Python documentation © Python Software Foundation, PSF License"),
                new Illustration(null, null, null, "none", null), 0.572, Provenance.offline(), "python-docs");
    }

    private static ConceptAbstention abstention() {
        return new ConceptAbstention("no-match", null, List.of(
                new ConceptAbstention.TopicChoice("gui-with-tkinter",
                        "GUI Windows with tkinter: Widgets, Callbacks and mainloop()"),
                new ConceptAbstention.TopicChoice("map-and-filter", "map(), filter() and reduce()"),
                new ConceptAbstention.TopicChoice("code-style", "Code Style and Naming: PEP 8")), "none", "beginner");
    }

    private static DebugExplanation explained() {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("type", "TypeError");
        facts.put("name", "age");
        return new DebugExplanation(new DebugExplanation.Explained("TypeError-concat", "error", "TypeError"),
                "Python cannot add age to text.",
                List.of(new DebugExplanation.Cause("A number read as text", "input() gives text.", "n = input()\n")),
                "Print type(age).", facts, "code", false, Provenance.OFFLINE);
    }

    /** Only the diagnosis is pinned by the fixture; the hints around it are an all-passed answer's. */
    private static Diagnosis diagnosis() {
        Diagnosis.Case wrong = new Diagnosis.Case("total([1, 2])", "3", "1", false, false, "student");
        Diagnosis.Case passed = new Diagnosis.Case("4\n", "8", "8", true, false, "test");
        return new Diagnosis("wrong_result",
                new Diagnosis.FailingCase("total([1, 2])", null, "3", "1", null, false, "student", null),
                List.of(wrong, passed), List.of(new Diagnosis.SuspiciousLine(4, 0.9, "return in loop")),
                "early-return", List.of(new Diagnosis.Finding("early-return", 4, true, "returns inside the loop")),
                new Diagnosis.Trace("total([1, 2])", List.of(
                        new Diagnosis.Step(2, 0, Map.of("s", "0"), null, "line"),
                        new Diagnosis.Step(4, 0, Map.of(), "1", "return")), false), null);
    }

    private static DebugHints wrongResult() {
        return DebugHints.allPassed(diagnosis(), 1, Provenance.offline());
    }

    /** The fixture of a diagnosis is the {@code diagnosis} part of a debug answer. */
    public static Object fixtureValue(Sample sample) {
        return sample.data() instanceof DebugHints hints && hints.error() == null ? hints.diagnosis() : sample.data();
    }

    private static ReviewResult review() {
        return new ReviewResult(List.of(new ReviewResult.Finding("mutable-default-argument", 3, 12, "warning",
                "`items=[]` is shared", "The list is made once.", "Use None.")), 94, "Looks fine.", true,
                new Provenance("mixed", List.of(new Provenance.Replaced("summary", List.of("code block")))),
                "00000000-0000-0000-0000-000000000003");
    }

    private static Map<String, String> links(String... pairs) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            links.put(pairs[i], pairs[i + 1]);
        }
        return links;
    }

    static ProgramFeedback.Hint hint(int level) {
        return new ProgramFeedback.Hint(level, "Where to look", "Look at line " + level + ".");
    }
}
