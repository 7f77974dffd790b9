package dev.learnflow.triage.service;

import dev.learnflow.contracts.answers.Clarification;
import dev.learnflow.contracts.answers.ExercisePointers;
import dev.learnflow.contracts.answers.OffTopicReply;
import dev.learnflow.contracts.answers.ProgressPointers;
import dev.learnflow.contracts.answers.TriageReply;
import dev.learnflow.contracts.domain.MasteryLevel;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.contracts.events.StudentContext;
import dev.learnflow.platform.text.ClasspathText;
import dev.learnflow.triage.domain.Classification;
import dev.learnflow.triage.domain.Intent;
import dev.learnflow.triage.domain.TopicInfo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/** The answers triage gives itself: clarifying questions and pointers for exercises, progress and off-topic. */
final class TriageReplies {

    /** The data gets how the question was classified when the router publishes it. */
    record Reply(ResponseKind kind, String text, TriageReply data) {
    }

    static final String TEXTS_RESOURCE = "triage/replies.properties";
    private static final Properties TEXTS = ClasspathText.properties(TriageReplies.class, TEXTS_RESOURCE);

    private TriageReplies() {
    }

    static Reply clarification(Classification classification) {
        Intent first = classification.intent();
        Intent second = classification.runnerUp();
        String text = "I want to be sure I help with the right thing. Do you want " + describe(first) + ", or "
                + describe(second) + "? You can also ask for an explanation of a concept, help with an error, a "
                + "review of your code, an exercise, or how your progress looks.";
        return new Reply(ResponseKind.CLARIFICATION, text, Clarification.between(
                List.of(first.label(), second.label()), round(classification.confidence()), null));
    }

    /** A follow-up ("another example?") that has no earlier question to continue. */
    static Reply followUpWithoutTopic() {
        return new Reply(ResponseKind.CLARIFICATION, TEXTS.getProperty("follow-up.no-topic"),
                Clarification.needs("topic", null, null));
    }

    /** What a review checks, then a request for the code. */
    static Reply needCode() {
        return new Reply(ResponseKind.CLARIFICATION, TEXTS.getProperty("review.needs-code"),
                Clarification.needs("code", List.of("correctness", "readability", "style", "simplicity"), null));
    }

    static Reply exercise(Optional<TopicInfo> topic) {
        Map<String, String> links = new LinkedHashMap<>();
        String text;
        if (topic.isPresent()) {
            String id = topic.get().id();
            links.put("exercises", "/api/v1/exercises?topicId=" + id);
            links.put("generate", "/api/v1/exercises");
            links.put("quizzes", "/api/v1/topics/" + id + "/quizzes");
            text = "Let's practise **" + topic.get().title() + "**. The exercises for this topic are at `GET "
                    + links.get("exercises") + "`; `POST /api/v1/exercises` with this topic makes a new one just "
                    + "for you, and `GET " + links.get("quizzes") + "` has a quick quiz.";
        } else {
            links.put("modules", "/api/v1/curriculum/modules");
            links.put("generate", "/api/v1/exercises");
            text = "Which topic would you like to practise? Pick one from the course (`GET /api/v1/curriculum/modules`)"
                    + " and ask for exercises on it, or request a new one with `POST /api/v1/exercises`.";
        }
        return new Reply(ResponseKind.EXERCISE, text,
                new ExercisePointers(topic.map(TopicInfo::id).orElse(null), links, null));
    }

    /**
     * A subject the course has no topic for: said so, with the course topics where it comes up, and the nearest
     * one's exercises (its links are the answer's).
     */
    static Reply exerciseNear(String subject, List<TopicInfo> nearest) {
        Reply first = exercise(Optional.of(nearest.get(0)));
        String where = nearest.stream().map(t -> "**" + t.title() + "**").collect(java.util.stream.Collectors.joining(
                " and "));
        String text = TEXTS.getProperty("exercise.outside-course").replace("{subject}", subject)
                .replace("{topics}", where) + " " + first.text();
        return new Reply(first.kind(), text, first.data());
    }

    static Reply progress(UUID userId, StudentContext context, TopicMatcher topics) {
        Map<String, String> links = new LinkedHashMap<>();
        links.put("progress", "/api/v1/students/" + userId + "/progress");
        links.put("streak", "/api/v1/students/" + userId + "/streak");
        links.put("activity", "/api/v1/students/" + userId + "/activity");
        StringBuilder text = new StringBuilder();
        if (context.currentTopicId() != null) {
            String title = topics.byId(context.currentTopicId()).map(TopicInfo::title).orElse(context.currentTopicId());
            text.append("You are currently working on **").append(title).append("**");
            if (context.currentModuleId() != null) {
                text.append(" (module ").append(context.currentModuleId()).append(")");
            }
            text.append(". ");
        }
        if (!context.mastery().isEmpty()) {
            text.append("Your mastery so far: ");
            List<String> parts = context.mastery().entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> topics.byId(e.getKey()).map(TopicInfo::title).orElse(e.getKey()) + " "
                            + MasteryLevel.of(e.getValue()).value() + " (" + Math.round(e.getValue() * 100) + "%)")
                    .toList();
            text.append(String.join(", ", parts)).append(". ");
        }
        if (!context.recentErrorTypes().isEmpty()) {
            text.append("Errors you met recently: ").append(String.join(", ", context.recentErrorTypes()))
                    .append(". ");
        }
        if (text.isEmpty()) {
            text.append("I could not fetch your progress just now. ");
        }
        text.append("The full picture — mastery per topic, your streak and recent activity — is at `GET ")
                .append(links.get("progress")).append("`.");
        return new Reply(ResponseKind.PROGRESS, text.toString(),
                new ProgressPointers(links, context.currentTopicId(), context.mastery(), null));
    }

    /** Declines politely, fitted to what the message was (greeting, another language, another subject). */
    static Reply offTopic(String message) {
        OffTopic.Kind kind = OffTopic.kindOf(message);
        String text = switch (kind) {
            case GREETING -> TEXTS.getProperty("off-topic.greeting");
            case THANKS -> TEXTS.getProperty("off-topic.thanks");
            case OTHER_LANGUAGE -> TEXTS.getProperty("off-topic.other-language")
                    .replace("{language}", OffTopic.otherLanguage(message).orElse("that language"));
            case OTHER_SUBJECT -> TEXTS.getProperty("off-topic.other-subject");
        };
        return new Reply(ResponseKind.OFF_TOPIC, text, new OffTopicReply(kind.name().toLowerCase(Locale.ROOT),
                OffTopic.otherLanguage(message).orElse(null), List.of("concept_explanation", "debug_help",
                "code_review", "exercise_request", "progress_question"), null));
    }

    /** How a clarifying question names a lane: "an explanation of a concept", "a review of your code". */
    private static String describe(Intent intent) {
        return Objects.requireNonNull(TEXTS.getProperty("intent." + intent.label()),
                () -> TEXTS_RESOURCE + " has no intent." + intent.label());
    }

    private static double round(double value) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.3f", value));
    }
}
