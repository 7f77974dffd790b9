package dev.learnflow.concepts.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.client.ExplanationWriter;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.concepts.config.ConceptsConfig;
import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.concepts.domain.Wording;
import dev.learnflow.contracts.answers.ConceptAbstention;
import dev.learnflow.contracts.answers.ConceptData;
import dev.learnflow.contracts.answers.ConceptDocumentation;
import dev.learnflow.contracts.answers.ConceptLesson;
import dev.learnflow.contracts.answers.ExampleTrace;
import dev.learnflow.contracts.answers.Illustration;
import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.answers.StudentCodeRun;
import dev.learnflow.contracts.events.ActivityObject;
import dev.learnflow.contracts.events.ActivityType;
import dev.learnflow.contracts.events.ConceptRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ProgressRecorded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.Verb;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.platform.embedding.SentenceEncoder;
import dev.learnflow.platform.state.ProcessedEvents;
import dev.learnflow.platform.state.StateStores;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * Answers a concept question: retrieve the lesson, word it for the student's level (the LLM may reword it; its text
 * is published only if it passes the output guard, see {@link ExplanationGuard}), attach the runnable example with
 * its execution trace and a diagram, publish it on learning.responses and record the activity on progress.events.
 * Each request is answered once (request ids remembered in the state store for the dedup window).
 */
@ApplicationScoped
public class ConceptAgent {

    private static final Logger LOG = Logger.getLogger(ConceptAgent.class);
    static final String RESPONDER = "concepts";
    /** What an answer rests on ({@code data.basis}); {@code data.source} says whether a model worded it. */
    static final String KNOWLEDGE_BASE = "knowledge-base";
    static final String PYTHON_DOCS = "python-docs";
    static final String NONE = "none";

    private final SentenceEncoder encoder;
    private final TraceRunner traces;
    private final ExplanationWriter llm;
    private final ProcessedEvents answered;
    private final EventBus events;
    private final ConceptsConfig config;
    private final ObjectMapper mapper;
    private final Clock clock;
    private volatile KnowledgeBase knowledgeBase;
    private volatile LessonRetriever retriever;
    private volatile DocIndex docIndex;
    private volatile AnswerPlanner planner;

    public ConceptAgent(SentenceEncoder encoder, TraceRunner traces, ExplanationWriter llm, StateStores stateStores,
                        EventBus events, ConceptsConfig config, ObjectMapper mapper, Clock clock) {
        this.encoder = encoder;
        this.traces = traces;
        this.llm = llm;
        this.answered = stateStores.processedEvents("answered-", config.dedupWindow());
        this.events = events;
        this.config = config;
        this.mapper = mapper;
        this.clock = clock;
    }

    /** Loads the model and embeds the lessons during startup: ready means able to answer at full speed. */
    void warmUp(@Observes StartupEvent start) {
        long started = System.nanoTime();
        retriever();
        LOG.infof("Knowledge base ready: %d lessons, %d documentation sections in %d ms",
                knowledgeBase.lessons().size(), docIndex.size(), (System.nanoTime() - started) / 1_000_000);
    }

    public KnowledgeBase knowledgeBase() {
        retriever();
        return knowledgeBase;
    }

    LessonRetriever retriever() {
        LessonRetriever loaded = retriever;
        if (loaded == null) {
            synchronized (this) {
                if (retriever == null) {
                    knowledgeBase = KnowledgeBase.fromClasspath(ConceptAgent.class.getClassLoader());
                    docIndex = DocIndex.fromClasspath(ConceptAgent.class.getClassLoader(), encoder, mapper);
                    LessonRetriever lessons = new LessonRetriever(encoder, knowledgeBase,
                            config.minLessonSimilarity());
                    planner = new AnswerPlanner(lessons, docIndex, encoder);
                    retriever = lessons;
                }
                loaded = retriever;
            }
        }
        return loaded;
    }

    /** The answer as published; also what the benchmark measures. */
    public record Answer(String text, ConceptData data) {
    }

    public void answerAndPublish(ConceptRequested request) {
        if (answered.seen(request.requestId().toString())) {
            return;
        }
        Instant now = clock.instant();
        Answer answer = answer(request);
        events.publish(EventTopic.LEARNING_RESPONSES, new LearningResponded(request.requestId(), request.userId(),
                request.request().conversationId(), ResponseKind.CONCEPT, RESPONDER, answer.text(), answer.data(),
                now));
        String topicId = answer.data().topicId();
        // Progress knows the course's topics only: a lesson beyond the course counts for its curriculum topic.
        String curriculumTopicId = answer.data().curriculumTopicId();
        String viewed = topicId != null ? topicId
                : answer.data() instanceof ConceptDocumentation doc ? doc.passageId() : "unknown";
        events.publish(EventTopic.PROGRESS_EVENTS, new ProgressRecorded(request.requestId(), request.userId(),
                Verb.VIEWED, new ActivityObject(ActivityType.CONCEPT, viewed, curriculumTopicId),
                null, Map.of("wording", answer.data().level()), now));
        answered.markHandled(request.requestId().toString());
    }

    public Answer answer(ConceptRequested request) {
        retriever();
        String question = request.request().question();
        String code = request.request().code();
        boolean hasCode = code != null && !code.isBlank();
        // "what is the output of [x * 2 for x in xs]": what the code gives is asked, so its run comes first
        boolean outputAsked = AnswerPlanner.asksWhatCodeGives(question, code);
        AnswerPlanner.Plan plan = planner.plan(question, code, request.request().topicId());
        boolean runIt = hasCode && (!(plan instanceof AnswerPlanner.Abstain a)
                || AnswerPlanner.ABOUT_THE_CODE.contains(a.reason()));
        // the code the question holds ("what does this print: ...") is run step by step beside the explanation
        StudentCodeRun yourCode = runIt ? yourCode(code) : null;
        Answer answer;
        if (plan instanceof AnswerPlanner.Abstain abstain) {
            answer = abstention(abstain, yourCode);
        } else if (plan instanceof AnswerPlanner.DocPlan doc) {
            answer = documentationAnswer(doc.hit(), yourCode);
        } else {
            AnswerPlanner.LessonPlan lessonPlan = (AnswerPlanner.LessonPlan) plan;
            answer = lessonAnswer(request, lessonPlan.hit(), lessonPlan.reference(), yourCode);
        }
        String text = outputAsked && yourCode != null ? YourCodeText.before(answer.text(), yourCode)
                : YourCodeText.after(answer.text(), yourCode);
        return new Answer(text, answer.data());
    }

    /** The student's code run under the tracer (never kept: it is theirs and seldom asked twice). */
    private StudentCodeRun yourCode(String code) {
        TraceRunner.Outcome run = traces.traceOnce(code);
        return new StudentCodeRun(code, traceData(run.trace()), run.trace() == null ? run.unavailableBecause() : null);
    }

    private Answer lessonAnswer(ConceptRequested request, LessonRetriever.Hit hit, DocIndex.Hit reference,
                                StudentCodeRun yourCode) {
        Lesson lesson = hit.lesson();
        Wording wording = Wording.forStudent(request.request().context(), lesson.topicId());
        TraceRunner.Outcome trace = traces.trace(lesson.example());
        String mermaid = Diagrams.of(lesson.diagram(), trace.trace(), lesson.example());

        String lessonText = wording == Wording.ADVANCED ? lesson.inDepth() : lesson.idea();
        ExplanationGuard.Published explanation = ExplanationGuard.choose(
                llm.explain(request.request().question(), lesson, wording).orElse(null), lessonText,
                request.request().code());
        Illustration illustration = new Illustration(lesson.example(), traceData(trace.trace()),
                trace.trace() == null ? trace.unavailableBecause() : null,
                mermaid == null ? "none" : lesson.diagram(), mermaid);
        ConceptLesson data = new ConceptLesson(lesson.topicId(), lesson.curriculumTopicId(), lesson.title(),
                wording.label(), illustration, rounded(hit.similarity()), explanation.provenance(), KNOWLEDGE_BASE,
                lesson.source(), reference == null ? null : sourceOf(reference.passage()), yourCode);
        String text = ExplanationText.compose(lesson, explanation.text(), wording,
                trace.trace() == null ? null : trace.trace().path("stdout").asText(null));
        text = reference == null ? text : text + "\n\n" + DocAnswerText.reference(reference.passage());
        return new Answer(text, data);
    }

    private static ConceptDocumentation.Source sourceOf(DocPassage passage) {
        return new ConceptDocumentation.Source(passage.source(), passage.section(), passage.doc(),
                DocAnswerText.LICENSE);
    }

    private Answer documentationAnswer(DocIndex.Hit hit, StudentCodeRun yourCode) {
        DocPassage passage = hit.passage();
        TraceRunner.Outcome trace = passage.example() == null ? null : traces.trace(passage.example());
        JsonNode traced = trace == null ? null : trace.trace();
        String diagram = passage.example() == null ? "none" : "flow";
        String mermaid = traced == null ? null : Diagrams.of(diagram, traced, passage.example());
        Illustration illustration = new Illustration(passage.example(), traceData(traced),
                trace != null && traced == null ? trace.unavailableBecause() : null,
                mermaid == null ? "none" : diagram, mermaid);
        ConceptDocumentation data = new ConceptDocumentation(null, null, passage.section(), Wording.BEGINNER.label(),
                passage.id(), passage.citation(), sourceOf(passage), illustration, rounded(hit.similarity()),
                Provenance.offline(), PYTHON_DOCS, yourCode);
        return new Answer(DocAnswerText.documentation(passage,
                traced == null ? null : traced.path("stdout").asText(null)), data);
    }

    private Answer abstention(AnswerPlanner.Abstain abstain, StudentCodeRun yourCode) {
        ConceptAbstention data = new ConceptAbstention(abstain.reason(),
                abstain.domain() == null ? null : abstain.domain().name(), abstain.choices().stream()
                .map(l -> new ConceptAbstention.TopicChoice(l.topicId(), l.title())).toList(), NONE,
                Wording.BEGINNER.label(), yourCode);
        return new Answer(DocAnswerText.abstention(abstain.reason(), abstain.choices(), abstain.domain(),
                abstain.madeUp()), data);
    }

    /** The tracer's output as the answer's data carries it. */
    private ExampleTrace traceData(JsonNode trace) {
        return trace == null ? null : mapper.convertValue(trace, ExampleTrace.class);
    }

    private static double rounded(double similarity) {
        return Math.round(similarity * 1000) / 1000.0;
    }
}
