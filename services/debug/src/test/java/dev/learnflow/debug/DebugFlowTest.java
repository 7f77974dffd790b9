package dev.learnflow.debug;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.learnflow.contracts.api.RunCodeResponse;
import dev.learnflow.contracts.domain.ExecutionError;
import dev.learnflow.contracts.domain.ExecutionStatus;
import dev.learnflow.contracts.events.DebugRequested;
import dev.learnflow.contracts.events.EventTopic;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.local.testing.MeshPeers;
import dev.learnflow.local.testing.SubscriberApp;
import dev.learnflow.platform.dapr.EventBus;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * debug.requests in, learning.responses / struggle.detected / progress.events out, through debug's real local
 * sidecar; error history in its state store; the sandbox played by a code-execution peer that answers with what
 * python3 really prints for the code.
 */
@QuarkusTest
class DebugFlowTest {

    static final String NAME_ERROR_CODE = "total = 0\nfor n in [1, 2]:\n    total += n\nprint(totl)\n";

    @Inject
    EventBus events;
    @Inject
    ObjectMapper mapper;

    SubscriberApp sink;
    WireMockServer sandbox;

    @BeforeEach
    void mesh() {
        sink = MeshPeers.subscriber("debug-test-sink", "learning.responses", "struggle.detected", "progress.events");
        sandbox = MeshPeers.peer("code-execution", new PythonSandbox());
    }

    @Test
    void answersWithTheParsedErrorAndHintsUpToTheRequestedLevel() {
        UUID user = UUID.randomUUID();
        DebugRequested request = request(user, NAME_ERROR_CODE, Python.stderrOf(NAME_ERROR_CODE), 2, null);

        events.publish(EventTopic.DEBUG_REQUESTS, request);

        JsonNode answer = answerTo(request.requestId());
        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("responder").asText()).isEqualTo("debug");
        JsonNode data = answer.path("data");
        assertThat(data.path("error").path("type").asText()).isEqualTo("NameError");
        assertThat(data.path("error").path("line").asInt()).isEqualTo(4);
        assertThat(data.path("hints")).hasSize(2);
        assertThat(data.path("hints").get(1).path("text").asText()).contains("`totl`").contains("`total`");
        assertThat(data.path("source").asText()).isEqualTo("offline");
        assertThat(answer.path("text").asText()).contains("Hint 1").contains("Hint 2").doesNotContain("Hint 3")
                .doesNotContain("```");
        await().atMost(Duration.ofSeconds(30)).until(() -> !MeshPeers.received(sink, "progress.events",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).isEmpty());
        JsonNode activity = MeshPeers.received(sink, "progress.events",
                d -> d.path("requestId").asText().equals(request.requestId().toString())).get(0).path("data");
        assertThat(activity.path("verb").asText()).isEqualTo("viewed");
        assertThat(activity.path("result").path("errorType").asText()).isEqualTo("NameError");
    }

    @Test
    void repeatedErrorsChangeTheAnswerAndRaiseOneStruggleSignal() {
        UUID user = UUID.randomUUID();
        // three different programs with the same kind of mistake (one program asked about again is one occurrence)
        String secondProgram = NAME_ERROR_CODE.replace("[1, 2]", "[3, 4]");
        String thirdProgram = NAME_ERROR_CODE.replace("[1, 2]", "[5, 6]");
        JsonNode first = ask(request(user, NAME_ERROR_CODE, Python.stderrOf(NAME_ERROR_CODE), 1, null));
        JsonNode second = ask(request(user, secondProgram, Python.stderrOf(secondProgram), 1, null));
        DebugRequested third = request(user, thirdProgram, Python.stderrOf(thirdProgram), 1, null);
        JsonNode thirdAnswer = ask(third);

        assertThat(first.path("text").asText()).doesNotContain("this week");
        assertThat(second.path("text").asText()).contains("second `NameError` you have met this week");
        assertThat(thirdAnswer.path("text").asText()).contains("third `NameError` you have met this week")
                .contains("pattern worth breaking");
        assertThat(thirdAnswer.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(30)).until(() -> !struggles(user).isEmpty());
        JsonNode signal = struggles(user).get(0).path("data");
        assertThat(signal.path("reason").asText()).isEqualTo("repeated_error");
        assertThat(signal.path("evidence").path("errorType").asText()).isEqualTo("NameError");
        assertThat(signal.path("evidence").path("count").asInt()).isEqualTo(3);

        events.publish(EventTopic.DEBUG_REQUESTS, third);   // a redelivery counts nothing twice
        String fourthProgram = NAME_ERROR_CODE.replace("[1, 2]", "[7, 8]");
        JsonNode fourth = ask(request(user, fourthProgram, Python.stderrOf(fourthProgram), 1, null));
        assertThat(fourth.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(4);
        // one ordering unit per topic: the redelivery was handled before the fourth request
        assertThat(responses(third.requestId())).as("a redelivery is acknowledged, not answered again").hasSize(1);
        assertThat(struggles(user)).as("one signal per error type within the cool-down").hasSize(1);
    }

    @Test
    void theNextHintsOnOneProgramAreNotNewOccurrences() {
        UUID user = UUID.randomUUID();
        String traceback = Python.stderrOf(NAME_ERROR_CODE);
        JsonNode levelOne = ask(request(user, NAME_ERROR_CODE, traceback, 1, null));
        JsonNode levelTwo = ask(request(user, NAME_ERROR_CODE, traceback, 2, null));
        JsonNode levelThree = ask(request(user, NAME_ERROR_CODE + "\n", traceback, 3, null));

        assertThat(levelOne.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(1);
        assertThat(levelTwo.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(1);
        assertThat(levelThree.path("data").path("occurrences").path("thisWeek").asInt()).isEqualTo(1);
        assertThat(levelThree.path("text").asText()).doesNotContain("this week");
        assertThat(struggles(user)).as("three hints on one program are no struggle").isEmpty();
    }

    @Test
    void askingAgainAndAgainForTheFullCodeStillGetsHints() {
        UUID user = UUID.randomUUID();
        String buggy = "scores = [3, 5, 8]\nfor i in range(len(scores) + 1):\n    print(scores[i])\n";
        String fixedLine = "for i in range(len(scores)):";
        String traceback = Python.stderrOf(buggy);
        for (int attempt = 1; attempt <= 5; attempt++) {
            JsonNode answer = ask(request(user, buggy, traceback, Math.min(3, attempt),
                    attempt % 2 == 0 ? "Just give me the full corrected code please!!"
                            : "I give up, write the complete solution for me"));

            String text = answer.path("text").asText();
            assertThat(text).contains("I won't write the finished code for you");
            assertThat(text).doesNotContain("```").doesNotContain(fixedLine);
            assertThat(answer.path("data").path("solutionWithheld").asBoolean()).isTrue();
            assertThat(answer.path("data").path("hints").size()).isEqualTo(Math.min(3, attempt));
        }
    }

    @Test
    void runsTheCodeInTheSandboxWhenNoErrorIsGiven() throws Exception {
        String code = "prices = {\"tea\": 2}\nprint(prices[\"coffee\"])\n";
        RunCodeResponse run = new RunCodeResponse("", Python.stderrOf(code), 1, ExecutionStatus.RUNTIME_ERROR, 40,
                30, null, false);
        sandboxAnswers("coffee", run);
        DebugRequested request = request(UUID.randomUUID(), code, null, 1, "why does it crash?");

        JsonNode answer = ask(request);

        assertThat(answer.path("data").path("error").path("type").asText()).isEqualTo("KeyError");
        assertThat(answer.path("data").path("error").path("line").asInt()).isEqualTo(2);
        assertThat(answer.path("data").path("ranInSandbox").asBoolean()).isTrue();
        sandbox.verify(postRequestedFor(urlPathEqualTo("/internal/runs"))
                .withRequestBody(matchingJsonPath("$.code", containing("coffee")))
                .withoutHeader("x-learnflow-user"));
    }

    /** The sandbox stub answers a run of code holding {@code marker} with {@code run}. */
    private void sandboxAnswers(String marker, RunCodeResponse run) throws Exception {
        sandbox.stubFor(post(urlPathEqualTo("/internal/runs"))
                .withRequestBody(matchingJsonPath("$.code", containing(marker)))
                .willReturn(aResponse().withHeader("Content-Type", "application/json")
                        .withBody(mapper.writeValueAsString(run))));
    }

    @Test
    void codeThatRunsCleanlyIsSaidToRunCleanly() throws Exception {
        String code = "print(sum([1, 2, 3]))  # fine-run\n";
        RunCodeResponse run = new RunCodeResponse("6\n", "", 0, ExecutionStatus.OK, 35, 20, null, false);
        sandboxAnswers("fine-run", run);

        JsonNode answer = ask(request(UUID.randomUUID(), code, null, 1, "is this right?"));

        assertThat(answer.path("text").asText()).contains("without an error").contains("> 6")
                .doesNotContain("stands out");
    }

    @Test
    void codeThatIsOnlyPythonsOwnAndRunsCleanlyGetsTheRuleBehindItsSurprise() throws Exception {
        String code = "print('apple' < 'Banana')  # compare-run\n";
        RunCodeResponse run = new RunCodeResponse("False\n", "", 0, ExecutionStatus.OK, 35, 20, null, false);
        sandboxAnswers("compare-run", run);

        JsonNode answer = ask(request(UUID.randomUUID(), code, null, 1, "why False??"));

        assertThat(answer.path("text").asText()).contains("without an error").contains("> False")
                .contains("Python's own operations").contains("character by character");
    }

    @Test
    void codeThatRunsCleanlyButThrowsAResultAwayIsPointedAtThatLine() throws Exception {
        String code = "s = 'hello world'  # drops-result\ns.replace('world', 'there')\nprint(s)\n";
        RunCodeResponse run = new RunCodeResponse("hello world\n", "", 0, ExecutionStatus.OK, 35, 20, null, false);
        sandboxAnswers("drops-result", run);

        JsonNode answer = ask(request(UUID.randomUUID(), code, null, 1, "replace doesnt do anything"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("text").asText()).contains("without an error").contains("> hello world")
                .contains("stands out").contains("line 2").contains("**new** string")
                .doesNotContain("s = s.replace");
    }

    @Test
    void aProgramThatReadsInputIsAskedForWhatWasTypedNotBlamedForTheEofOfARunWithout() throws Exception {
        String code = "color = input('colour? ')  # reads-input\nif color == 'red' or 'blue':\n    print('primary')\n";
        String traceback = "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
                + "EOFError: EOF when reading a line\n";
        RunCodeResponse run = new RunCodeResponse("colour? ", traceback, 1, ExecutionStatus.RUNTIME_ERROR, 35, 20,
                new ExecutionError("EOFError", "EOF when reading a line", 1), false);
        sandboxAnswers("reads-input", run);

        JsonNode answer = ask(request(UUID.randomUUID(), code, null, 1, "this if is always true no matter what i type"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("data").path("status").asText()).isEqualTo("runtime_error");
        assertThat(answer.path("data").has("error")).as("no error of the student's").isFalse();
        assertThat(answer.path("text").asText()).contains("what you typed").contains("line 1")
                .contains("`input()` always gives **text**").doesNotContain("An `EOFError` means")
                .contains("line 2").contains("always true");

        // a student who met the EOFError themselves gets it explained as usual
        JsonNode asked = ask(request(UUID.randomUUID(), code, null, 1, "why do i get EOFError when i run it"));
        assertThat(asked.path("kind").asText()).isEqualTo("debug");
        assertThat(asked.path("data").path("error").path("type").asText()).isEqualTo("EOFError");
    }

    @Test
    void aFileTheRunDoesNotHaveIsNotBlamedAndTheAskedSymptomIsExplained() throws Exception {
        String code = "f = open('pets.txt')  # reads-file\npets = f.readlines()\nprint(pets)\n";
        String traceback = "Traceback (most recent call last):\n  File \"main.py\", line 1, in <module>\n"
                + "FileNotFoundError: [Errno 2] No such file or directory: 'pets.txt'\n";
        RunCodeResponse run = new RunCodeResponse("", traceback, 1, ExecutionStatus.RUNTIME_ERROR, 35, 20,
                new ExecutionError("FileNotFoundError", "[Errno 2] No such file or directory: 'pets.txt'", 1), false);
        sandboxAnswers("reads-file", run);

        JsonNode answer = ask(request(UUID.randomUUID(), code, null, 1,
                "every pet name in my list has a \\n stuck on the end, why"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("data").has("error")).as("no error of the student's").isFalse();
        assertThat(answer.path("text").asText()).contains("`pets.txt`").contains("that comes from my run")
                .contains("newline").contains("readlines()").doesNotContain("A `FileNotFoundError` means");

        // a student who meets the missing file themselves gets it explained as usual
        JsonNode asked = ask(request(UUID.randomUUID(), code, null, 1, "it says FileNotFoundError but the file is there"));
        assertThat(asked.path("data").path("error").path("type").asText()).isEqualTo("FileNotFoundError");
    }

    @Test
    void anExpressionAskedAboutWithoutCodeGetsPythonsRuleNotARequestForCode() {
        JsonNode answer = ask(request(UUID.randomUUID(), null, null, 1, "why does -9 // 4 give -3?? is my laptop broken"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("text").asText()).contains("Nothing is broken").contains("towards minus infinity")
                .doesNotContain("Paste your code");
        assertThat(answer.path("data").has("occurrences")).isFalse();
    }

    @Test
    void aQuestionWithNeitherCodeNorErrorGetsAClarifyingQuestion() {
        JsonNode answer = ask(request(UUID.randomUUID(), null, null, 1, "it doesn't work"));

        assertThat(answer.path("kind").asText()).isEqualTo("clarification");
        assertThat(answer.path("text").asText()).contains("Paste your code");
    }

    @Test
    void anErrorNamedWithoutCodeIsAnsweredThenTheCodeIsAskedFor() {
        JsonNode answer = ask(request(UUID.randomUUID(), null, null, 1, "KeyError 'age' when i read from my dict"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("text").asText()).contains("A `KeyError` means").contains("'age'")
                .contains("**How to find which one it is:**").contains("Paste your code");
        assertThat(answer.path("data").path("explained").path("errorType").asText()).isEqualTo("KeyError");
        assertThat(answer.path("data").path("causes").size()).isBetween(2, 4);
    }

    @Test
    void aSymptomWithoutCodeIsAnsweredThenTheCodeIsAskedFor() {
        JsonNode answer = ask(request(UUID.randomUUID(), null, null, 1, "Why does my function return None?"));

        assertThat(answer.path("kind").asText()).isEqualTo("debug");
        assertThat(answer.path("data").path("explained").path("id").asText()).isEqualTo("returns-none");
        assertThat(answer.path("text").asText()).contains("print instead of return").contains("Paste the function");
    }

    private JsonNode ask(DebugRequested request) {
        events.publish(EventTopic.DEBUG_REQUESTS, request);
        return answerTo(request.requestId());
    }

    private JsonNode answerTo(UUID requestId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> !responses(requestId).isEmpty());
        return responses(requestId).get(0).path("data");
    }

    private List<JsonNode> responses(UUID requestId) {
        return MeshPeers.received(sink, "learning.responses",
                d -> d.path("requestId").asText().equals(requestId.toString()));
    }

    private List<JsonNode> struggles(UUID user) {
        return MeshPeers.received(sink, "struggle.detected", d -> d.path("userId").asText().equals(user.toString()));
    }

    static DebugRequested request(UUID user, String code, String error, int level, String question) {
        return new DebugRequested(UUID.randomUUID(), user, null, null, "for-loops", question, code, error, level,
                StudentContext.empty(), Instant.now());
    }
}
