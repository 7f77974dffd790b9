package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.function.Executable;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The red-team corpus every agent's harness replays ({@code redteam/model-outputs.json}): model outputs that must
 * never be published ({@link #bad()}) and ones that must be published unchanged ({@link #good()}), each written
 * about one of the corpus's student programs; and replies to triage's one-label question ({@link #nearLabels()},
 * {@link #labels()}). {@link Tally} counts what a harness held, for its results table.
 */
public final class RedTeamCorpus {

    public static final String RESOURCE = "/redteam/model-outputs.json";

    /**
     * One model output.
     *
     * @param kind   what sort of output it is (code_block, paraphrased_fix, ...); "good" for acceptable ones
     * @param policy the kind of answer it was written as (HINT, REVIEW, FEEDBACK, EXPLANATION)
     * @param expect the guard's reasons it must be refused for (empty for good ones)
     */
    public record Item(String id, String kind, String program, String policy, String output, List<String> expect) {
    }

    private final JsonNode corpus;

    private RedTeamCorpus(JsonNode corpus) {
        this.corpus = corpus;
    }

    public static RedTeamCorpus load() {
        try (InputStream in = RedTeamCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new RedTeamCorpus(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<Item> bad() {
        return items("bad");
    }

    public List<Item> good() {
        return items("good");
    }

    /** Replies to triage's one-label question that are not exactly one label (a sentence, two labels, JSON, ...). */
    public List<String> nearLabels() {
        return texts(corpus.get("labels").get("bad"));
    }

    /** Replies that are exactly one of triage's labels (white space around it aside). */
    public List<String> labels() {
        return texts(corpus.get("labels").get("good"));
    }

    /** The student program an output is about. */
    public String program(String name) {
        return corpus.get("programs").get(name).asText();
    }

    /** The exercise's reference solution for a program, where the corpus has one. */
    public Optional<String> reference(String name) {
        return Optional.ofNullable(corpus.get("references").get(name)).map(JsonNode::asText);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return List.copyOf(texts);
    }

    private List<Item> items(String side) {
        List<Item> items = new ArrayList<>();
        for (JsonNode item : corpus.get(side)) {
            List<String> expect = new ArrayList<>();
            item.path("expect").forEach(e -> expect.add(e.asText()));
            items.add(new Item(item.get("id").asText(), item.path("kind").asText("good"),
                    item.get("program").asText(), item.get("policy").asText(), item.get("output").asText(),
                    List.copyOf(expect)));
        }
        return List.copyOf(items);
    }

    /** One dynamic test per selected item, named by its id and program. */
    public static Stream<DynamicTest> replay(List<Item> items, Predicate<Item> selected,
                                             Function<Item, Executable> check) {
        return items.stream().filter(selected).map(item -> DynamicTest.dynamicTest(
                item.id() + " (" + item.program() + ")", check.apply(item)));
    }

    /**
     * The published answer (its data, with the Markdown under {@code text}) is the offline one: source
     * {@code offline}, the model-written {@code fields} and the text as offline, and the model's words nowhere in it.
     */
    public static void assertOffline(JsonNode published, JsonNode offline, String modelText, String... fields) {
        assertThat(published.path("source").asText()).isEqualTo("offline");
        for (String field : fields) {
            assertThat(published.path(field)).as(field).isEqualTo(offline.path(field));
        }
        assertThat(published.path("text").asText()).isEqualTo(offline.path("text").asText());
        if (modelText.strip().length() > 3) {
            assertThat(published.path("text").asText()).doesNotContain(modelText.strip());
        }
    }

    /** Per row (an output kind, say): how many outputs a harness replayed and how many it held to the rule. */
    public static final class Tally {

        private final Map<String, int[]> rows = new TreeMap<>();

        public synchronized void replayed(String row) {
            rows.computeIfAbsent(row, k -> new int[2])[1]++;
        }

        public synchronized void held(String row) {
            rows.computeIfAbsent(row, k -> new int[2])[0]++;
        }

        /** A Markdown table: row, held / replayed, and a total line. */
        public synchronized String table(String rowHeader, String heldHeader) {
            StringBuilder table = new StringBuilder("| " + rowHeader + " | " + heldHeader + " |\n|---|---|\n");
            int held = 0;
            int replayed = 0;
            for (Map.Entry<String, int[]> row : rows.entrySet()) {
                table.append("| ").append(row.getKey()).append(" | ").append(row.getValue()[0]).append(" / ")
                        .append(row.getValue()[1]).append(" |\n");
                held += row.getValue()[0];
                replayed += row.getValue()[1];
            }
            return table.append("| **all** | **").append(held).append(" / ").append(replayed).append("** |\n")
                    .toString();
        }
    }
}
