package dev.learnflow.triage.client;

import dev.learnflow.platform.llm.LlmSwitch;
import dev.learnflow.triage.service.Classification;
import dev.learnflow.triage.service.Intent;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Refines an offline classification with the LLM when one is configured; empty when off or failing. */
@ApplicationScoped
public class LlmIntent {

    private static final Logger LOG = Logger.getLogger(LlmIntent.class);
    private static final Pattern LABEL = Pattern.compile(
            "\\b(concept_explanation|debug_help|code_review|exercise_request|progress_question|off_topic|unclear)\\b");

    private final LlmSwitch llm;
    private final IntentRefiner refiner;

    public LlmIntent(LlmSwitch llm, IntentRefiner refiner) {
        this.llm = llm;
        this.refiner = refiner;
    }

    public boolean enabled() {
        return llm.enabled();
    }

    /** The model's verdict: an intent, or a classification marked not confident when it answers "unclear". */
    public Optional<Classification> refine(String question, boolean hasCode, Classification offline) {
        if (!llm.enabled()) {
            return Optional.empty();
        }
        try {
            String reply = refiner.classify(question, hasCode, offline.intent().label(),
                    String.format(Locale.ROOT, "%.2f", offline.confidence()));
            Matcher m = LABEL.matcher(reply == null ? "" : reply.toLowerCase(Locale.ROOT));
            if (!m.find()) {
                LOG.debugf("LLM answered no label (%s); keeping the offline intent", reply);
                return Optional.empty();
            }
            if (m.group(1).equals("unclear")) {
                return Optional.of(new Classification(offline.intent(), offline.confidence(), offline.scores(), false,
                        "llm"));
            }
            Intent intent = Intent.fromLabel(m.group(1)).orElseThrow();
            return Optional.of(new Classification(intent, offline.confidence(), offline.scores(), true, "llm"));
        } catch (RuntimeException e) {
            LOG.warnf("LLM classification unavailable (%s); keeping the offline intent", e.toString());
            return Optional.empty();
        }
    }
}
