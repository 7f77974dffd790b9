package dev.learnflow.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.answers.ReceivedAnswer;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.LearningResponded;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import dev.learnflow.triage.service.Understanding;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Triage through its internal API and its real sidecar (Kafka, PostgreSQL state): what it forwards on which topic,
 * with which context (progress played by a WireMock peer speaking GET /internal/students/{id}/context), what it
 * answers itself, and what GET /internal/queries/{id} shows to whom.
 */
@QuarkusTest
class QueryFlowTest {

    @Inject
    EventBus events;
    @Inject
    ObjectMapper mapper;
    @Inject
    Understanding understanding;

    SubscriberApp sink;
    WireMockServer progress;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("triage-test-sink", "concepts.requests", "debug.requests", "code.submissions",
                "learning.responses", "progress.events");
        progress = MeshPeers.peer("progress");
    }

    @Test
    void aConceptQuestionGoesToConceptsWithProgressContextAndRecentTurns() throws Exception {
        UUID student = UUID.randomUUID();
        progressKnows(student, Map.of("currentModuleId", "control-flow", "currentTopicId", "for-loops",
                "mastery", Map.of("for-loops", 0.62, "while-loops", 0.81),
                "recentErrorTypes", List.of("NameError", "IndexError")));

        String requestId = ask(student, Map.of("question", "What is a list comprehension?"));

        JsonNode concept = forwardedOn("concepts.requests", requestId);
        assertThat(concept.path("concept").asText()).isEqualTo("Comprehensions");
        JsonNode forwarded = concept.path("request");
        assertThat(forwarded.path("userId").asText()).isEqualTo(student.toString());
        assertThat(forwarded.path("topicId").asText()).isEqualTo("comprehensions");
        JsonNode context = forwarded.path("context");
        assertThat(context.path("currentTopicId").asText()).isEqualTo("for-loops");
        assertThat(context.path("mastery").path("for-loops").asDouble()).isEqualTo(0.62);
        assertThat(context.path("recentErrorTypes").get(0).asText()).isEqualTo("NameError");
        progress.verify(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/internal/students/" + student + "/context"))
                .withHeader("x-learnflow-user", com.github.tomakehurst.wiremock.client.WireMock.equalTo(
                        student.toString())));

        String followUp = ask(student, Map.of("question", "How do for loops work with range?",
                "conversationId", requestId));

        JsonNode second = forwardedOn("concepts.requests", followUp).path("request");
        assertThat(second.path("conversationId").asText()).isEqualTo(requestId);
        assertThat(second.path("context").path("recentTurns").get(0).path("speaker").asText()).isEqualTo("student");
        assertThat(second.path("context").path("recentTurns").get(0).path("text").asText())
                .isEqualTo("What is a list comprehension?");
        JsonNode asked = forwardedOn("progress.events", requestId);
        assertThat(asked.path("verb").asText()).isEqualTo("asked");
        assertThat(asked.path("context").path("intent").asText()).isEqualTo("concept_explanation");
    }

    @Test
    void progressBeingDownLeavesTheContextEmptyButTheQuestionGoesOn() {
        UUID student = UUID.randomUUID();
        progress.stubFor(get(urlPathEqualTo("/internal/students/" + student + "/context"))
                .willReturn(aResponse().withStatus(503)));

        String requestId = ask(student, Map.of("question", "Explain what a dictionary is"));

        JsonNode context = forwardedOn("concepts.requests", requestId).path("request").path("context");
        assertThat(context.path("mastery").size()).isZero();
        assertThat(context.path("currentTopicId").isNull() || context.path("currentTopicId").isMissingNode()).isTrue();
    }

    @Test
    void anUnsureClassificationGetsAClarifyingQuestionStoredForItsOwnerOnly() {
        String question = LlmRefineTest.UNSURE;
        assertThat(understanding.classifier().classify(question, null).confident())
                .as("this test needs a question the offline classifier is unsure about").isFalse();
        UUID student = UUID.randomUUID();

        String requestId = ask(student, Map.of("question", question));

        JsonNode answer = awaitAnswered(student, requestId);
        assertThat(answer.path("kind").asText()).isEqualTo("clarification");
        assertThat(answer.path("responder").asText()).isEqualTo("triage");
        assertThat(answer.path("text").asText()).contains("Do you want");
        given().header("x-learnflow-user", UUID.randomUUID().toString()).header("x-learnflow-roles", "student")
                .when().get("/internal/queries/" + requestId)
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void debugQuestionsInOneConversationEscalateHintLevelsUpToThree() {
        UUID student = UUID.randomUUID();
        String code = "total = 0\nprint(totl)\n";
        String first = askFirstDebugQuestion(student, "My code crashes and I don't know why", code);
        int[] expected = {2, 3, 3};
        String[] asks = {"still broken, can I get another hint?", "Just give me the full corrected code, it doesn't work",
            "Just give me the full corrected code, it doesn't work"};
        for (int i = 0; i < asks.length; i++) {
            String next = ask(student, Map.of("question", asks[i], "code", code, "conversationId", first));
            assertThat(forwardedOn("debug.requests", next).path("hintLevel").asInt()).isEqualTo(expected[i]);
        }
    }

    @Test
    void aPastedTracebackTravelsToDebugAsTheError() {
        UUID student = UUID.randomUUID();
        String question = "why?\nTraceback (most recent call last):\n  File \"main.py\", line 2, in <module>\n"
                + "    print(totl)\nNameError: name 'totl' is not defined";

        String requestId = ask(student, Map.of("question", question));

        JsonNode forwarded = forwardedOn("debug.requests", requestId);
        assertThat(forwarded.path("error").asText()).startsWith("Traceback (most recent call last):")
                .endsWith("NameError: name 'totl' is not defined");
    }

    @Test
    void reviewAndDebugRoutesForwardStraightToTheirAgents() {
        UUID student = UUID.randomUUID();
        String review = given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("code", "def add(a, b):\n    return a + b\n"))
                .when().post("/internal/reviews")
                .then().statusCode(202).body("status", equalTo("pending")).extract().path("requestId");
        JsonNode submitted = forwardedOn("code.submissions", review);
        assertThat(submitted.path("language").asText()).isEqualTo("python");
        assertThat(submitted.path("submissionId").asText()).isNotBlank();

        String debug = given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("code", "print(1/0)", "error", "ZeroDivisionError: division by zero", "hintLevel", 2))
                .when().post("/internal/debug")
                .then().statusCode(202).extract().path("requestId");
        JsonNode debugRequest = forwardedOn("debug.requests", debug);
        assertThat(debugRequest.path("hintLevel").asInt()).isEqualTo(2);
        assertThat(debugRequest.path("error").asText()).isEqualTo("ZeroDivisionError: division by zero");
        assertThat(forwardedOn("progress.events", debug).path("verb").asText()).isEqualTo("requested_hint");

        // The student's own words (what they expected) and the exercise travel with the code: the diagnosis uses both.
        UUID exercise = UUID.randomUUID();
        String withWords = given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("code", "def fib(n):\n    return n\n", "question", "fib(5) returns 8 but should be 5",
                        "exerciseId", exercise.toString()))
                .when().post("/internal/debug")
                .then().statusCode(202).extract().path("requestId");
        JsonNode worded = forwardedOn("debug.requests", withWords);
        assertThat(worded.path("question").asText()).isEqualTo("fib(5) returns 8 but should be 5");
        assertThat(worded.path("exerciseId").asText()).isEqualTo(exercise.toString());
        assertThat(worded.path("hintLevel").asInt()).isEqualTo(1);
    }

    @Test
    void agentAnswersAreStoredAndServedToTheOwner() {
        UUID student = UUID.randomUUID();
        String requestId = ask(student, Map.of("question", "Explain lambda functions to me"));
        forwardedOn("concepts.requests", requestId);
        given().header("x-learnflow-user", student.toString()).when().get("/internal/queries/" + requestId)
                .then().statusCode(200).body("status", equalTo("pending"));

        events.publish(EventTopic.LEARNING_RESPONSES, new LearningResponded(UUID.fromString(requestId), student,
                UUID.fromString(requestId), ResponseKind.CONCEPT, "concepts", "## Lambdas\nA lambda is ...",
                new ReceivedAnswer(Map.of("topicId", "lambdas")), Instant.now()));

        JsonNode answer = awaitAnswered(student, requestId);
        assertThat(answer.path("responder").asText()).isEqualTo("concepts");
        assertThat(answer.path("data").path("topicId").asText()).isEqualTo("lambdas");
        assertThat(answer.path("answeredAt").asText()).isNotBlank();
    }

    @Test
    void aProgressQuestionIsAnsweredFromTheStudentsContext() throws Exception {
        UUID student = UUID.randomUUID();
        progressKnows(student, Map.of("currentModuleId", "collections", "currentTopicId", "lists",
                "mastery", Map.of("lists", 0.97, "tuples", 0.3)));

        String requestId = ask(student, Map.of("question", "Which topics do I know well already?"));

        JsonNode answer = awaitAnswered(student, requestId);
        assertThat(answer.path("kind").asText()).isEqualTo("progress");
        assertThat(answer.path("text").asText()).contains("Lists mastered (97%)").contains("Tuples novice (30%)")
                .contains("/api/v1/students/" + student + "/progress");
    }

    @Test
    void badInputIsAProblemNotAnError() {
        UUID student = UUID.randomUUID();
        given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("question", " ")).when().post("/internal/questions")
                .then().statusCode(400).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(Map.of("question", "What is a set?"))
                .when().post("/internal/questions")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("x-learnflow-user", student.toString()).when().get("/internal/queries/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
        given().header("x-learnflow-user", student.toString()).when().get("/internal/queries/not-a-uuid")
                .then().statusCode(404);
        String theirs = ask(UUID.randomUUID(), Map.of("question", "What is a tuple?"));
        given().header("x-learnflow-user", student.toString()).contentType(ContentType.JSON)
                .body(Map.of("question", "and sets?", "conversationId", theirs))
                .when().post("/internal/questions")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void wrongOutputAndNamedErrorQuestionsGoToDebugEvenWithoutCode() {
        UUID student = UUID.randomUUID();
        for (String question : new String[] {"Why does my function return None?", "my program prints the wrong average",
            "f(3) returns 8 but should be 5", "KeyError 'age' when i read from my dict",
            "my code says NameError: name 'totl' is not defined"}) {
            String requestId = ask(student, Map.of("question", question));
            JsonNode forwarded = forwardedOn("debug.requests", requestId);
            assertThat(forwarded.path("question").asText()).isEqualTo(question);
            assertThat(forwarded.path("code").isNull() || forwarded.path("code").isMissingNode()).as(question).isTrue();
        }
    }

    @Test
    void codeTypedIntoTheQuestionTravelsAsTheCodeToTheRightLane() {
        UUID student = UUID.randomUUID();
        String loop = ask(student, Map.of("question", "My loop never stops: i = 0; while i < 10: print(i)"));
        JsonNode debug = forwardedOn("debug.requests", loop);
        assertThat(debug.path("code").asText()).isEqualTo("i = 0\nwhile i < 10:\n    print(i)\n");

        String review = ask(student, Map.of("question", "is this code pythonic? def f(l): r=[] ; for i in "
                + "range(len(l)): r.append(l[i] * 2); return r"));
        JsonNode submitted = forwardedOn("code.submissions", review);
        assertThat(submitted.path("code").asText()).isEqualTo("def f(l):\n    r=[]\n    for i in range(len(l)):\n"
                + "        r.append(l[i] * 2)\n    return r\n");

        String explain = ask(student, Map.of("question", "what does this code print?\n```python\nfor i in "
                + "range(3):\n    print(i * i)\n```"));
        JsonNode concept = forwardedOn("concepts.requests", explain).path("request");
        assertThat(concept.path("code").asText()).isEqualTo("for i in range(3):\n    print(i * i)\n");
        assertThat(forwardedOn("progress.events", explain).path("context").path("codeInQuestion").asText())
                .isEqualTo("fenced");

        // a quiz question: the code after "the output of" travels to concepts, and the words that only ask for
        // its output do not name a course topic ("output" is not the input and output topic)
        String quiz = ask(UUID.randomUUID(), Map.of("question", "what is the output of print('abc'[::-1])"));
        JsonNode asked = forwardedOn("concepts.requests", quiz).path("request");
        assertThat(asked.path("code").asText()).isEqualTo("print('abc'[::-1])\n");
        assertThat(asked.path("question").asText()).isEqualTo("what is the output of print('abc'[::-1])");
        assertThat(asked.path("topicId").isNull() || asked.path("topicId").isMissingNode()).isTrue();

        // a bare expression asked about goes to concepts printed, whatever the sentence model makes of "quiz" or
        // "value" (an exercise request, a bug report)
        for (String question : List.of("quiz: evaluate not [] or 'empty'", "what is the value of 5 % 3",
                "What does 7 // 2 give in python?")) {
            JsonNode expression = forwardedOn("concepts.requests", ask(UUID.randomUUID(), Map.of("question", question)))
                    .path("request");
            assertThat(expression.path("code").asText()).as(question).startsWith("print(").endsWith(")\n");
        }
    }

    @Test
    void codePastedWithoutFencesReachesReviewAndATracebackReachesDebugAsTheErrorNotTheCode() {
        UUID student = UUID.randomUUID();
        String review = ask(student, Map.of("question", "how'd i do on this one?\nbest = None\nfor s in scores:\n"
                + "    if best is None or s > best:\n        best = s\nprint(best)"));
        assertThat(forwardedOn("code.submissions", review).path("code").asText())
                .isEqualTo("best = None\nfor s in scores:\n    if best is None or s > best:\n        best = s\n"
                        + "print(best)\n");

        String inline = ask(student, Map.of("question", "any tips? def area(w, h): return w*h"));
        assertThat(forwardedOn("code.submissions", inline).path("code").asText())
                .isEqualTo("def area(w, h):\n    return w*h\n");

        String crash = ask(student, Map.of("question", "Traceback (most recent call last):\n  File \"game.py\", "
                + "line 4, in <module>\n    lives = lives - hit\nTypeError: unsupported operand type(s) for -: 'str' "
                + "and 'int'"));
        JsonNode debug = forwardedOn("debug.requests", crash);
        assertThat(debug.path("error").asText()).startsWith("Traceback").endsWith("for -: 'str' and 'int'");
        assertThat(debug.path("code").isNull() || debug.path("code").isMissingNode())
                .as("the traceback's quoted line is not the program").isTrue();

        String prose = ask(student, Map.of("question", "my counter stays at 0 whatever i do"));
        assertThat(forwardedOn("debug.requests", prose).path("question").asText())
                .isEqualTo("my counter stays at 0 whatever i do");

        String inputConcept = ask(student, Map.of("question", "how come input() gives me text when i type a number"));
        assertThat(forwardedOn("concepts.requests", inputConcept).path("request").path("question").asText())
                .isEqualTo("how come input() gives me text when i type a number");
    }

    @Test
    void offTopicRequestsAreDeclinedPolitelyWithWhatTheTutorCanDo() {
        UUID student = UUID.randomUUID();
        assertThat(answerText(student, "How do I write a for loop in JavaScript?", "off_topic"))
                .contains("can't teach JavaScript").contains("how the same thing is done in Python");

        assertThat(answerText(student, "Can you write my history essay about the Roman empire?", "off_topic"))
                .contains("Python programming only").contains("explain a Python concept")
                .contains("review your code").contains("give you an exercise");

        JsonNode greeting = answerTo(student, "hello there");
        assertThat(greeting.path("text").asText()).startsWith("Hi! I'm your Python tutor");
    }

    @Test
    void aReviewRequestWithoutCodeSaysWhatAReviewChecksThenAsksForTheCode() {
        UUID student = UUID.randomUUID();
        String text = answerText(student, "please give feedback on my function style and naming", "clarification");

        assertThat(text).contains("**correctness**").contains("**readability**").contains("names")
                .contains("**Pythonic style**");
        assertThat(text.indexOf("paste the code")).isGreaterThan(text.indexOf("**simplicity**"));
    }

    @Test
    void followUpsContinueThePreviousTopicAndLane() {
        UUID student = UUID.randomUUID();
        String first = ask(student, Map.of("question", "What is a list comprehension?"));
        JsonNode original = forwardedOn("concepts.requests", first).path("request");
        assertThat(original.path("topicId").asText()).isEqualTo("comprehensions");

        String another = ask(student, Map.of("question", "can you show another example?", "conversationId", first));
        JsonNode example = forwardedOn("concepts.requests", another).path("request");
        assertThat(example.path("topicId").asText()).isEqualTo("comprehensions");
        assertThat(example.path("question").asText()).contains("can you show another example?")
                .contains("What is a list comprehension?");
        assertThat(forwardedOn("progress.events", another).path("context").path("followUp").asText())
                .isEqualTo("another_example");

        String confused = ask(student, Map.of("question", "I still don't get it", "conversationId", first));
        JsonNode simpler = forwardedOn("concepts.requests", confused);
        assertThat(simpler.path("request").path("topicId").asText()).isEqualTo("comprehensions");
        assertThat(simpler.path("concept").asText()).contains("What is a list comprehension?");

        String dicts = ask(student, Map.of("question", "what about dicts?", "conversationId", first));
        JsonNode aboutDicts = forwardedOn("concepts.requests", dicts).path("request");
        assertThat(aboutDicts.path("question").asText()).contains("what about dicts").contains("list comprehension");
    }

    @Test
    void aDebugFollowUpKeepsTheCodeAndRaisesTheHintLevel() {
        UUID student = UUID.randomUUID();
        String code = "nums = [3, 1]\nprint(nums.sort()[0])\n";
        String first = askFirstDebugQuestion(student, "why does this crash?", code);

        String again = ask(student, Map.of("question", "I still don't get it", "conversationId", first));
        JsonNode followUp = forwardedOn("debug.requests", again);
        assertThat(followUp.path("code").asText()).isEqualTo(code);
        assertThat(followUp.path("hintLevel").asInt()).isEqualTo(2);
        assertThat(followUp.path("question").asText()).contains("why does this crash?");
    }

    @Test
    void anExerciseOnASubjectTheCourseLacksIsToldSoAndGivenTheNearestTopicsExercises() {
        UUID student = UUID.randomUUID();
        JsonNode recursion = answerTo(student, "can i get a practice problem on recursion?");
        assertThat(recursion.path("kind").asText()).isEqualTo("exercise");
        assertThat(recursion.path("text").asText()).startsWith("The course has no exercise topic on recursion")
                .contains("**Defining Functions and Parameters**");
        assertThat(recursion.path("data").path("topicId").asText()).isEqualTo("defining-functions");

        // a course topic named gets its own exercises
        JsonNode loops = answerTo(student, "give me a practice problem on while loops");
        assertThat(loops.path("text").asText()).doesNotContain("no exercise topic");
        assertThat(loops.path("data").path("topicId").asText()).isEqualTo("while-loops");

        // an everyday name of a course topic ("loops") gets that topic, not the one "practice problem" sounds like
        JsonNode anyLoops = answerTo(student, "can i have a practice problem on loops");
        assertThat(anyLoops.path("kind").asText()).isEqualTo("exercise");
        assertThat(anyLoops.path("data").path("topicId").asText()).isEqualTo("for-loops");
    }

    @Test
    void aFollowUpWithoutAConversationIsNotGuessed() {
        UUID student = UUID.randomUUID();
        assertThat(answerText(student, "can you show another example?", "clarification"))
                .contains("Which topic do you mean?");
    }

    private String ask(UUID student, Map<String, Object> body) {
        return TriageFixtures.ask(student, body);
    }

    private JsonNode forwardedOn(String topic, String requestId) {
        return TriageFixtures.published(sink, topic, requestId);
    }

    /** Asks the question alone (no code, no conversation) and waits for the stored answer. */
    private JsonNode answerTo(UUID student, String question) {
        return awaitAnswered(student, ask(student, Map.of("question", question)));
    }

    /** The text of the answer to the question, which must be of {@code kind}. */
    private String answerText(UUID student, String question, String kind) {
        JsonNode answer = answerTo(student, question);
        assertThat(answer.path("kind").asText()).as(question).isEqualTo(kind);
        return answer.path("text").asText();
    }

    private JsonNode awaitAnswered(UUID student, String requestId) {
        return TriageFixtures.answered(student, requestId, Duration.ofSeconds(60));
    }

    /** progress answers this student's context (module, topic, mastery, recent errors) with {@code context}. */
    private void progressKnows(UUID student, Map<String, ?> context) throws Exception {
        progress.stubFor(get(urlPathEqualTo("/internal/students/" + student + "/context")).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(mapper.writeValueAsString(context))));
    }

    /** A first debugging question with code: forwarded to debug at hint level 1. Returns its request id. */
    private String askFirstDebugQuestion(UUID student, String question, String code) {
        String requestId = ask(student, Map.of("question", question, "code", code));
        assertThat(forwardedOn("debug.requests", requestId).path("hintLevel").asInt()).isEqualTo(1);
        return requestId;
    }
}
