package dev.learnflow.local.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared red-team corpus ({@code redteam/model-outputs.json} in this jar) as the agents' harnesses read it:
 * model outputs that must never be published ({@link #bad}), ones that must be published unchanged ({@link #good}),
 * each with the student program it answers, and the replies to triage's one-label question ({@link #badLabels},
 * {@link #goodLabels}).
 */
public final class RedTeamCorpus {

    public static final String RESOURCE = "/redteam/model-outputs.json";
    private static final JsonNode CORPUS = read();

    private RedTeamCorpus() {
    }

    /**
     * One model output.
     *
     * @param kind      what kind of leak a bad output is (code_block, inline_fix, ...); {@code acceptable} for good
     * @param policy    the kind of answer it was written as (HINT, REVIEW, FEEDBACK, EXPLANATION)
     * @param program   the student's program it answers
     * @param reference the exercise's reference solution for that program, or null
     */
    public record Output(String id, String kind, String policy, String program, String reference, String output) {
    }

    public static List<Output> bad() {
        return outputs("bad");
    }

    public static List<Output> good() {
        return outputs("good");
    }

    /** Replies to triage's label question that are not exactly one label. */
    public static List<String> badLabels() {
        return texts(CORPUS.get("labels").get("bad"));
    }

    /** Exactly one label each (white space around it aside). */
    public static List<String> goodLabels() {
        return texts(CORPUS.get("labels").get("good"));
    }

    /** A program of the corpus by its name ({@code typo}, {@code dedupe}, ...). */
    public static String program(String name) {
        return CORPUS.get("programs").get(name).asText();
    }

    private static List<Output> outputs(String section) {
        List<Output> outputs = new ArrayList<>();
        for (JsonNode item : CORPUS.get(section)) {
            String program = item.get("program").asText();
            JsonNode reference = CORPUS.get("references").get(program);
            outputs.add(new Output(item.get("id").asText(), item.path("kind").asText("acceptable"),
                    item.get("policy").asText(), program(program), reference == null ? null : reference.asText(),
                    item.get("output").asText()));
        }
        return List.copyOf(outputs);
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(text -> texts.add(text.asText()));
        return List.copyOf(texts);
    }

    private static JsonNode read() {
        try (InputStream in = RedTeamCorpus.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
