package dev.learnflow.debug.service;

import dev.learnflow.contracts.answers.DebugExplanation;
import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.events.ResponseKind;
import dev.learnflow.debug.domain.ParsedError;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answer first, then ask: a question that names an error ("KeyError 'age' when I read my dict") or a symptom ("my
 * function returns None") but comes without code gets what that error or symptom means, its usual beginner causes
 * with a tiny example each, how to tell which one it is, and an invitation to paste the code. The student's own
 * names from the message are used where the catalogue has a place for them.
 */
public final class NoCodeAnswers {

    private static final Pattern ERROR_TYPE = Pattern.compile(
            "\\b(?:[a-z_]+\\.)*([A-Z][A-Za-z]*(?:Error|Exception)|StopIteration|KeyboardInterrupt)\\b");
    private static final Pattern MESSAGE_AFTER_TYPE = Pattern.compile(
            "(?:Error|Exception|StopIteration)\\s*:\\s*([^\\n]{1,200})");
    private static final Pattern LINE = Pattern.compile("(?i)\\bline\\s+(\\d{1,5})\\b");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z][a-zA-Z0-9]*)}");
    static final String GENERIC_ERROR = "generic-error";
    static final String NUMBERS_JOINED = "numbers-joined";
    private static final Pattern ADDING = Pattern.compile(
            "(?i)\\b(?:add|adding|added|sum|plus|total|input|inputs|type|typed|enter|entered)\\b|\\+");
    private static final Pattern WHOLE_NUMBER = Pattern.compile("(?<![\\d.])\\d{1,9}(?![\\d.])");
    private static final String OTHERWISE = "otherwise: ";

    private NoCodeAnswers() {
    }

    /**
     * The answer for a request without code, when its question or error names an error or a symptom. Empty when
     * there is nothing to explain (the caller asks for the code) or when a full traceback points at a line of the
     * program (the caller's specific diagnosis is better then).
     */
    public static Optional<DebugAgent.Answer> answer(String question, String error, Optional<ParsedError> parsed) {
        if (parsed.isPresent() && parsed.get().line() != null && parsed.get().codeLine() != null) {
            return Optional.empty();
        }
        String text = (error == null ? "" : error + "\n") + (question == null ? "" : question);
        if (text.isBlank()) {
            return Optional.empty();
        }
        ExplainerCatalog catalog = ExplainerCatalog.get();
        Map<String, String> known = new LinkedHashMap<>();
        Optional<String> type = parsed.map(ParsedError::type).or(() -> group(ERROR_TYPE, text));
        Optional<Explainer> entry;
        if (type.isPresent()) {
            known.put("type", type.get());
            parsed.map(ParsedError::message).filter(m -> !m.isBlank())
                    .or(() -> group(MESSAGE_AFTER_TYPE, text)).ifPresent(m -> known.put("message", m.strip()));
            entry = catalog.forError(type.get(), text).or(() -> catalog.byId(GENERIC_ERROR));
        } else {
            entry = catalog.errorDescribedIn(text)
                    .or(() -> numbersJoined(text) ? catalog.byId(NUMBERS_JOINED) : Optional.empty())
                    .or(() -> catalog.symptomIn(text));
            entry.map(Explainer::type).ifPresent(t -> known.put("type", t));
        }
        group(LINE, text).ifPresent(line -> known.put("line", line));
        return entry.map(e -> compose(e, e.factsFrom(text, known)));
    }

    /**
     * Whether the message's numbers show text joined instead of numbers added: one number reads as two others of the
     * message written side by side ("I type 10 and 20 and get 1020"), or, when the message speaks of adding or of
     * input, as two numbers whose sum it also names ("I add the inputs and get 55 instead of 10": 5 + 5).
     */
    static boolean numbersJoined(String text) {
        List<String> numbers = WHOLE_NUMBER.matcher(text).results().map(java.util.regex.MatchResult::group).toList();
        boolean adding = ADDING.matcher(text).find();
        for (String joined : numbers) {
            for (int cut = 1; cut < joined.length(); cut++) {
                String left = joined.substring(0, cut);
                String right = joined.substring(cut);
                if (right.length() > 1 && right.startsWith("0")) {
                    continue; // "1020" is 10 and 20, never 102 and "0"
                }
                boolean bothNamed = left.equals(right) ? java.util.Collections.frequency(numbers, left) >= 2
                        : numbers.contains(left) && numbers.contains(right);
                long a = Long.parseLong(left);
                long b = Long.parseLong(right);
                boolean sumNamed = adding && a > 0 && b > 0 && numbers.contains(Long.toString(a + b));
                if (bothNamed || sumNamed) {
                    return true;
                }
            }
        }
        return false;
    }

    static DebugAgent.Answer compose(Explainer entry, Map<String, String> facts) {
        Map<String, String> safe = new LinkedHashMap<>();
        facts.forEach((k, v) -> safe.put(k, v.replace("`", "'").length() > 80 ? v.substring(0, 77) + "..."
                : v.replace("`", "'")));
        String title = fill(entry.title(), safe);
        String meaning = fill(entry.meaning(), safe);
        String findOut = fill(entry.findOut(), safe);
        String ask = fill(entry.ask(), safe);
        List<DebugExplanation.Cause> causes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        text.append("**").append(title).append("**\n\n").append(meaning).append("\n\n");
        text.append(entry.isSymptom() ? "**The usual reasons**\n\n" : "**The usual causes**\n\n");
        int n = 1;
        for (Explainer.Cause cause : entry.causes()) {
            String causeText = fill(cause.text(), safe);
            text.append(n++).append(". **").append(cause.title()).append("**")
                    .append(causeText.isBlank() ? "" : " — " + causeText).append("\n\n")
                    .append("   ```python\n").append(cause.example().indent(3)).append("   ```\n\n");
            causes.add(new DebugExplanation.Cause(cause.title(), causeText, cause.example()));
        }
        text.append("**How to find which one it is:** ").append(findOut).append("\n\n").append(ask);

        DebugExplanation data = new DebugExplanation(
                new DebugExplanation.Explained(entry.id(), entry.kind(), safe.get("type")), meaning, causes, findOut,
                safe, "code", false, Provenance.OFFLINE);
        return new DebugAgent.Answer(ResponseKind.DEBUG, text.toString().strip(), data, Optional.empty());
    }

    /**
     * Fills {fact} placeholders. A line naming an unknown fact is left out; a line starting with
     * {@code otherwise: } stands in for the line before it only when that one was left out.
     */
    static String fill(String template, Map<String, String> facts) {
        List<String> kept = new ArrayList<>();
        for (String paragraph : template.split("\n\n")) {
            List<String> lines = new ArrayList<>();
            boolean previousKept = true;
            for (String raw : paragraph.split("\n")) {
                boolean fallback = raw.startsWith(OTHERWISE);
                if (fallback && previousKept) {
                    continue;
                }
                String line = fallback ? raw.substring(OTHERWISE.length()) : raw;
                Matcher m = PLACEHOLDER.matcher(line);
                boolean complete = true;
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    String value = facts.get(m.group(1));
                    if (value == null) {
                        complete = false;
                        break;
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                }
                if (complete) {
                    m.appendTail(out);
                    lines.add(out.toString());
                }
                previousKept = complete;
            }
            if (!lines.isEmpty()) {
                kept.add(String.join("\n", lines));
            }
        }
        return String.join("\n\n", kept).strip();
    }

    private static Optional<String> group(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }
}
