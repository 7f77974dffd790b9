package dev.learnflow.bench.tutor;

import com.fasterxml.jackson.databind.JsonNode;
import dev.learnflow.bench.tutor.LabelledSets.Question;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Scores the answer to one question: its lane (the answer's {@code data.intent} when it names one of the six
 * intents, else its kind), whether it answered or deferred, whether the lesson/topic/citation it gave is the asked
 * topic, and whether an unanswerable question was declined or abstained from. Missing fields count as absent.
 */
final class QuestionJudge {

    static final List<String> INTENTS = List.of("concept_explanation", "debug_help", "code_review",
            "exercise_request", "progress_question", "off_topic");
    private static final Map<String, String> LANE_OF_KIND = Map.of("concept", "concept_explanation",
            "debug", "debug_help", "review", "code_review", "exercise", "exercise_request",
            "progress", "progress_question", "off_topic", "off_topic");
    /** Data fields that name what an answer is about (a lesson, a topic, a documentation citation). */
    private static final Set<String> ABOUT_FIELDS = Set.of("topicid", "topic", "title", "lesson", "lessonid",
            "lessontitle", "section", "citation", "citations", "sources", "reference", "references", "doc", "docs",
            "documentation", "kb", "errortype");
    /** A reply that asks for more instead of answering (short, so a full answer that also invites code is not). */
    private static final Pattern DEFERRAL = Pattern.compile("(?i)paste (your|the) code|send (me )?(your|the) code"
            + "|share (your|the) code|show me (your|the) code|could you (clarify|say more|rephrase|tell me more)"
            + "|what do you mean|which of these|do you want .{0,80}, or ");
    private static final int SHORT_REPLY = 600;

    /** What one answer got right; booleans that do not apply to the question are null. */
    record Verdict(Question question, boolean answered, String lane, String kind, Boolean rightLane,
                   Boolean answeredWithoutDeferring, Boolean onTopic, boolean unrelatedLesson,
                   Boolean correctAbstention, String about, String basis) {
    }

    private QuestionJudge() {
    }

    static Verdict judge(Question q, JsonNode answer, Map<String, List<String>> topicWords) {
        if (answer == null) {
            return new Verdict(q, false, null, null, false, q.answerable() && q.expect().equals("answer") ? false
                    : null, isTopicScored(q) ? false : null, false, q.answerable() ? null : false, "", "no answer");
        }
        String kind = answer.path("kind").asText("");
        String lane = lane(answer);
        String about = about(answer.path("data"));
        boolean lessonGiven = !about.isBlank() && !kind.equals("exercise") && !kind.equals("progress");
        boolean deferred = deferred(answer);
        boolean declined = "off_topic".equals(lane) || answer.path("data").path("declined").asBoolean(false);
        boolean abstained = deferred || "concept".equals(kind) && !lessonGiven;

        Boolean rightLane;
        Boolean answeredNow = null;
        Boolean onTopic = null;
        Boolean correctAbstention = null;
        boolean unrelated = false;
        switch (q.expect()) {
            case "answer" -> {
                rightLane = q.intent().equals(lane);
                answeredNow = !deferred && !kind.equals("error") && !kind.isEmpty();
                if (isTopicScored(q)) {
                    onTopic = lessonGiven && mentions(about, topicWords.getOrDefault(q.topic(), List.of(q.topic())));
                    unrelated = lessonGiven && !onTopic;
                }
            }
            // a review request without code: asking for the code (best: saying what a review checks) is right
            case "clarify" -> rightLane = "code_review".equals(lane) || kind.equals("review")
                    || kind.equals("clarification") && !answer.path("data").path("needs").isMissingNode();
            default -> { // abstain / decline: either is right, a lesson is not
                correctAbstention = (declined || abstained) && !lessonGiven;
                rightLane = correctAbstention;
                unrelated = lessonGiven;
            }
        }
        String basis = !"concept".equals(kind) ? "lane " + lane + " (" + kind + ")"
                : answer.path("data").path("basis").asText("?") + (abstained ? ", abstained" : "");
        return new Verdict(q, true, lane, kind, rightLane, answeredNow, onTopic, unrelated, correctAbstention, about,
                basis);
    }

    static boolean isTopicScored(Question q) {
        return q.answerable() && q.expect().equals("answer") && q.intent().equals("concept_explanation")
                && q.topic() != null;
    }

    /** The answer's lane: data.intent when it is one of the six intents, else what its kind stands for. */
    static String lane(JsonNode answer) {
        String intent = answer.path("data").path("intent").asText("");
        if (INTENTS.contains(intent)) {
            return intent;
        }
        String kind = answer.path("kind").asText("");
        return LANE_OF_KIND.getOrDefault(kind, kind.isEmpty() ? "none" : kind);
    }

    /** A clarification, an answer that marks itself as abstaining, or a short reply asking for code or detail. */
    static boolean deferred(JsonNode answer) {
        JsonNode data = answer.path("data");
        if ("clarification".equals(answer.path("kind").asText()) || data.path("abstained").asBoolean(false)
                || data.path("abstain").asBoolean(false)) {
            return true;
        }
        String text = answer.path("text").asText("");
        return text.length() < SHORT_REPLY && DEFERRAL.matcher(text).find();
    }

    /** The words naming what the answer is about: its lesson id/title, topic, and documentation citations. */
    static String about(JsonNode data) {
        StringBuilder b = new StringBuilder();
        data.fields().forEachRemaining(e -> {
            String key = e.getKey().toLowerCase(Locale.ROOT);
            if (ABOUT_FIELDS.contains(key) || key.equals("source") && e.getValue().isContainerNode()) {
                collect(e.getValue(), b);
            }
        });
        return b.toString().trim();
    }

    private static void collect(JsonNode n, StringBuilder b) {
        if (n.isTextual()) {
            b.append(' ').append(n.asText());
        } else if (n.isContainerNode()) {
            n.forEach(child -> collect(child, b));
        }
    }

    /**
     * Whether one of {@code words} occurs in {@code text} as whole tokens (lower case, anything but letters and
     * digits separates); a word of 4+ letters also matches as the start of a token ("recurs" → "recursion").
     */
    static boolean mentions(String text, List<String> words) {
        List<String> tokens = tokens(text);
        for (String w : words) {
            List<String> want = tokens(w);
            if (want.isEmpty()) {
                continue;
            }
            for (int i = 0; i + want.size() <= tokens.size(); i++) {
                boolean all = true;
                for (int j = 0; j < want.size() && all; j++) {
                    String t = tokens.get(i + j);
                    String x = want.get(j);
                    all = t.equals(x) || x.length() >= 4 && t.startsWith(x);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    static List<String> tokens(String s) {
        List<String> out = new ArrayList<>();
        for (String t : s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }
}
