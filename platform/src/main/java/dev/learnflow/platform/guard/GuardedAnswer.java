package dev.learnflow.platform.guard;

import dev.learnflow.contracts.answers.Provenance;
import dev.learnflow.contracts.answers.Provenance.Replaced;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An answer assembled part by part (hint 1, hint 2, a review's summary, ...): each part is the model's text when it
 * passes the guard, else the offline text for that part. The result says where the answer came from
 * ({@code offline}, {@code llm} or {@code mixed}) and which parts were replaced and why, for the answer's data.
 */
public final class GuardedAnswer {

    public static final String OFFLINE = "offline";
    public static final String LLM = "llm";
    public static final String MIXED = "mixed";

    private final GuardContext context;
    private final Map<String, String> texts = new LinkedHashMap<>();
    private final List<Replaced> replaced = new ArrayList<>();
    private int fromModel;
    private int offline;

    private GuardedAnswer(GuardContext context) {
        this.context = context;
    }

    public static GuardedAnswer with(GuardContext context) {
        return new GuardedAnswer(context);
    }

    /**
     * Adds one part: the model's text (null when the model gave none) or, failing the guard, the offline text.
     * Returns the text chosen.
     */
    public String part(String name, String modelText, String offlineText) {
        if (modelText == null || modelText.isBlank()) {
            offline++;
            texts.put(name, offlineText);
            return offlineText;
        }
        OutputGuard.Verdict verdict = OutputGuard.check(modelText, context);
        if (verdict.clean()) {
            fromModel++;
            texts.put(name, modelText.strip());
            return modelText.strip();
        }
        offline++;
        replaced.add(new Replaced(name, verdict.reasons()));
        texts.put(name, offlineText);
        return offlineText;
    }

    public Map<String, String> texts() {
        return Map.copyOf(texts);
    }

    public String text(String name) {
        return texts.get(name);
    }

    public List<Replaced> replaced() {
        return List.copyOf(replaced);
    }

    public String source() {
        if (fromModel == 0) {
            return OFFLINE;
        }
        return offline == 0 ? LLM : MIXED;
    }

    /** What the answer's data records: source and replaced parts. */
    public Provenance provenance() {
        return new Provenance(source(), replaced);
    }
}
