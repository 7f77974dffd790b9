package dev.learnflow.debug.client;

import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.debug.domain.ProgramDiagnosis;
import dev.learnflow.debug.service.CodeFacts;
import dev.learnflow.debug.service.Diagnosis;
import dev.learnflow.debug.service.ParsedError;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Asks the LLM (when configured) for the three hint levels; empty when it is off, fails or times out. */
@ApplicationScoped
public class LlmHints {

    private static final Logger LOG = Logger.getLogger(LlmHints.class);
    private static final Pattern LEVEL_LINE = Pattern.compile("^\\s*(?:\\*\\*)?(?:Hint\\s*)?([123])\\s*[:.)-]\\s*(.*)$",
            Pattern.CASE_INSENSITIVE);
    private static final int CODE_SENT_MAX = 4_000;
    private static final int TRACE_STEPS_SENT = 40;

    private final LlmSwitch llm;
    private final HintWriter writer;

    public LlmHints(LlmSwitch llm, HintWriter writer) {
        this.llm = llm;
        this.writer = writer;
    }

    public boolean enabled() {
        return llm.enabled();
    }

    /** Level → hint text as the model wrote it (not yet guarded). */
    public Optional<Map<Integer, String>> hints(ParsedError error, Diagnosis diagnosis, CodeFacts code,
                                                String rawCode, String question) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        try {
            String reply = writer.hints(error.type(), error.message(),
                    error.line() == null ? "unknown" : error.line().toString(),
                    code.line(error.line()).map(String::strip).orElse(error.codeLine() == null ? "" : error.codeLine()),
                    diagnosis.problem(), question == null || question.isBlank() ? "(none)" : question,
                    rawCode == null ? "(not given)" : rawCode.length() > CODE_SENT_MAX
                            ? rawCode.substring(0, CODE_SENT_MAX) : rawCode);
            Map<Integer, String> levels = parse(reply);
            return levels.isEmpty() ? Optional.empty() : Optional.of(levels);
        } catch (RuntimeException e) {
            LOG.warnf("LLM hints unavailable (%s); answering offline", e.toString());
            return Optional.empty();
        }
    }

    /**
     * Level → hint text for a wrong result: the model sees the failing case, a summary of its trace and the ranked
     * lines (hidden tests only by their category). Empty when the LLM is off, fails or times out.
     */
    public Optional<Map<Integer, String>> wrongResultHints(ProgramDiagnosis diagnosis, CodeFacts code, String rawCode,
                                                           String question, String offlineProblem) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        try {
            ProgramDiagnosis.CaseResult failing = diagnosis.failingCase();
            String failingCase = failing == null ? "the program never finishes"
                    : failing.hidden() ? "a hidden test (its input is not shown to the student)"
                    : (failing.call() != null ? failing.call() : "input " + failing.stdin()) + " -> expected "
                    + failing.expected() + ", actual " + (failing.error() != null ? failing.error() : failing.actual());
            StringBuilder trace = new StringBuilder();
            if (diagnosis.trace() != null && diagnosis.trace().steps() != null && (failing == null || !failing.hidden())) {
                diagnosis.trace().steps().stream().limit(TRACE_STEPS_SENT).forEach(s -> trace.append("\n  line ")
                        .append(s.line()).append(s.locals() == null || s.locals().isEmpty() ? "" : " " + s.locals())
                        .append(s.returned() == null ? "" : " returns " + s.returned()));
            }
            StringBuilder lines = new StringBuilder();
            diagnosis.suspicious().stream().limit(3).forEach(s -> lines.append("\n  line ").append(s.line())
                    .append(": ").append(code.line(s.line()).map(String::strip).orElse("")).append(" (")
                    .append(s.reason()).append(")"));
            String reply = writer.wrongResultHints(failingCase, trace.isEmpty() ? "(none)" : trace.toString(),
                    lines.isEmpty() ? "(none)" : lines.toString(), offlineProblem,
                    question == null || question.isBlank() ? "(none)" : question,
                    rawCode == null ? "(not given)" : rawCode.length() > CODE_SENT_MAX
                            ? rawCode.substring(0, CODE_SENT_MAX) : rawCode);
            Map<Integer, String> levels = parse(reply);
            return levels.isEmpty() ? Optional.empty() : Optional.of(levels);
        } catch (RuntimeException e) {
            LOG.warnf("LLM hints unavailable (%s); answering offline", e.toString());
            return Optional.empty();
        }
    }

    /** "1: ...", "2: ...", "3: ..."; text after a level line until the next one belongs to it. */
    static Map<Integer, String> parse(String reply) {
        Map<Integer, String> levels = new HashMap<>();
        if (reply == null) {
            return levels;
        }
        Integer current = null;
        for (String line : reply.split("\n")) {
            Matcher m = LEVEL_LINE.matcher(line);
            if (m.matches()) {
                current = Integer.valueOf(m.group(1));
                levels.put(current, m.group(2).replaceAll("\\*\\*", "").strip());
            } else if (current != null && !line.isBlank()) {
                levels.merge(current, "\n" + line, String::concat);
            }
        }
        return levels;
    }
}
