package dev.learnflow.concepts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.client.TraceRunner;
import dev.learnflow.concepts.service.Bm25;
import dev.learnflow.concepts.service.DocIndex;
import dev.learnflow.platform.embedding.SentenceEncoder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documentation index the Maven build writes (build_doc_index.py, from pydoc_data.topics, help() docstrings
 * and python3-doc): what it holds, that every example it keeps runs under the tracer as the sandbox runs it, and
 * that the hybrid search finds the section a student's words name.
 */
class DocIndexTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static List<JsonNode> passages = new ArrayList<>();
    static DocIndex index;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = DocIndexTest.class.getClassLoader().getResourceAsStream(DocIndex.RESOURCE)) {
            assertThat(in).as(DocIndex.RESOURCE + " written by the build").isNotNull();
            for (String line : new String(in.readAllBytes()).split("\n")) {
                passages.add(JSON.readTree(line));
            }
        }
        index = DocIndex.fromClasspath(DocIndexTest.class.getClassLoader(), new SentenceEncoder(), JSON);
    }

    @Test
    void theIndexHoldsEverySourceEachPassageCitable() {
        Map<String, Integer> bySource = new LinkedHashMap<>();
        passages.forEach(p -> bySource.merge(p.path("source").asText(), 1, Integer::sum));
        System.out.printf("%nDocumentation index: %d passages %s%n", passages.size(), bySource);

        assertThat(index.size()).isEqualTo(passages.size()).isGreaterThan(3000);
        assertThat(bySource).containsKeys("Python Language Reference", "Python help()", "Python Tutorial",
                "Python Library Reference", "Python FAQ", "Python HOWTO", "Python Glossary");
        assertThat(bySource.get("Python Tutorial")).isGreaterThan(100);
        for (JsonNode p : passages) {
            assertThat(p.path("section").asText()).as(p.path("id").asText()).isNotBlank();
            assertThat(p.path("doc").asText()).as(p.path("id").asText()).isNotBlank();
            // a section documenting one name may be a single line (help(list.reverse)); other fragments say more
            boolean documentsName = p.path("keywords").asText().matches("[a-z_][a-z0-9_.]*");
            assertThat(p.path("text").asText().length()).as(p.path("id").asText())
                    .isGreaterThanOrEqualTo(documentsName ? 15 : 60);
        }
        assertThat(passages).anySatisfy(p -> assertThat(p.path("doc").asText()).isEqualTo("help(str.split)"));
        assertThat(passages).anySatisfy(p -> assertThat(p.path("doc").asText()).isEqualTo("pydoc topic 'yield'"));
        assertThat(passages).anySatisfy(p -> assertThat(p.path("doc").asText())
                .isEqualTo("tutorial/classes.html#generators"));
    }

    @Test
    void everyKeptExampleRunsUnderTheTracer() throws Exception {
        int traced = 0;
        for (JsonNode p : passages) {
            if (!p.path("example").isObject()) {
                continue;
            }
            String example = p.path("example").path("code").asText();
            String stdout = Python.stdoutOf(TraceRunner.program(example));
            String json = stdout.lines().filter(l -> l.startsWith("{")).reduce((a, b) -> b).orElseThrow(
                    () -> new AssertionError(p.path("id").asText() + " printed no trace: " + stdout));
            JsonNode trace = JSON.readTree(json);
            assertThat(trace.path("error").isNull()).as(p.path("id") + ": " + trace.path("error")).isTrue();
            assertThat(trace.path("steps").size()).as(p.path("id").asText()).isPositive();
            traced++;
        }
        assertThat(traced).isGreaterThan(100);
    }

    @Test
    void theSearchFindsTheSectionTheQuestionNames() {
        assertThat(index.search("what does str.split do", 3)).extracting(h -> h.passage().doc())
                .contains("help(str.split)");
        DocIndex.Hit yield = index.search("what does the yield keyword do", 1).get(0);
        assertThat(yield.passage().section() + yield.passage().keywords()).containsIgnoringCase("yield");
        assertThat(yield.named()).isTrue();
        assertThat(index.search("how do I configure my router", 3)).allSatisfy(h ->
                assertThat(h.similarity()).isLessThan(0.5));
    }

    @Test
    void questionWordsAreFoldedAndFillerDropped() {
        assertThat(Bm25.tokens("What does the yield keyword do in generators?")).containsExactly("yield",
                "generator");
        assertThat(Bm25.tokens("str.split and __init__")).containsExactly("str", "split", "__init__");
        // the plural of filler is filler; the snakes are not the language
        assertThat(Bm25.tokens("how do if statements work with keywords")).isEmpty();
        assertThat(Bm25.tokens("are pythons venomous")).containsExactly("python", "venomous");
    }

    @Test
    void bm25ScoresOnlyDocumentsHoldingATermAndRareTermsWeighMore() {
        Bm25 bm25 = new Bm25();
        bm25.add("lists hold items in order");
        bm25.add("a dictionary maps keys to values");
        bm25.add("lists lists and more about lists, sorting them and slicing them and copying them");
        double[] scores = bm25.scores(Bm25.tokens("what is a dictionary"));
        assertThat(scores[1]).isPositive();
        assertThat(scores[0]).isZero();
        assertThat(scores[2]).isZero();
        double[] lists = bm25.scores(List.of("list"));
        assertThat(lists[1]).isZero();
        assertThat(lists[0]).isPositive();
        assertThat(lists[2]).as("more occurrences").isGreaterThan(lists[0]);
        assertThat(bm25.idf("dictionary")).isGreaterThan(bm25.idf("list"));
        assertThat(bm25.idf("absent")).isZero();
    }
}
