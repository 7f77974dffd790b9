package dev.learnflow.debug.client;

import dev.learnflow.platform.llm.LlmSwitch;
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
