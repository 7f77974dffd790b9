package dev.learnflow.local.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Session 36's exam questions about code ({@code exam/exam-session36.tsv}, tuned on, its never-tuned third
 * {@code exam/exam-holdout36.tsv}, and a second writer's set, all held out, {@code exam/exam-holdout36b.tsv}), and
 * session 37's questions about code that ask why or how ({@code exam/code-session37.tsv}, its hold-out
 * {@code exam/code-holdout37.tsv}), shared by triage's lane test and concepts' planning test: the message as a student
 * types it, the code as it arrives beside it, and the topic words an explanation should be about. A line break
 * inside a column is written {@code \n}.
 */
public final class ExamQuestions {

    public static final String TUNED = "exam-session36.tsv";
    public static final String HOLD_OUT = "exam-holdout36.tsv";
    /** Another helper's set, all of it held out. */
    public static final String SECOND_HOLD_OUT = "exam-holdout36b.tsv";
    /**
     * Session 37: questions about code that ask more than what it gives ("why does b change too?", "what does the *
     * do here"), tuned on, and its never-tuned third.
     */
    public static final String CODE_TUNED = "code-session37.tsv";
    public static final String CODE_HOLD_OUT = "code-holdout37.tsv";

    public record Exam(String question, String code, List<String> words) {
        /** Whether the question is about an error the code raises (a debugging answer also fits). */
        public boolean aboutAnError() {
            return words.stream().anyMatch(w -> w.matches("(?i).*(error|exception).*"));
        }
    }

    private ExamQuestions() {
    }

    public static List<Exam> read(String set) {
        List<Exam> exams = new ArrayList<>();
        try (InputStream in = ExamQuestions.class.getClassLoader().getResourceAsStream("exam/" + set)) {
            if (in == null) {
                throw new IllegalArgumentException("no exam set " + set);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                exams.add(new Exam(parts[0].replace("\\n", "\n").strip(), parts[1].replace("\\n", "\n"),
                        Arrays.stream(parts[2].split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return exams;
    }
}
