package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.platform.embedding.Encoder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Semantic retrieval over the knowledge base: each lesson is embedded as several passages (the beginner
 * explanation, the advanced one, each alias — the short ways students name the concept, which match short
 * questions best — and each of its {@code asks}, how students ask for it without its name); a question scores
 * against a lesson by its best passage. A topic the request already names (the student's choice, or triage's
 * inference) gets a small boost, so a clearly different question still finds its own lesson, and a vague one ("how
 * does it work?") gets that topic's lesson.
 */
public class LessonRetriever {

    /**
     * Triage's topic is the nearest course topic, often a neighbour of the one asked (for-loops for a question on
     * yield): it only breaks near ties.
     */
    static final double TOPIC_BOOST = 0.03;
    /** A named topic within this much of the best lesson is taken: the question does not clearly point elsewhere. */
    static final double TOPIC_MARGIN = 0.03;
    /** A lesson whose own name for the concept ("yield", "dict comprehension", "*args") the question uses. */
    static final double NAME_BONUS = 0.08;
    /**
     * A question longer than this (content words) tells a story around what it asks: a one-word name in it ("list",
     * "loop") is usually part of the story, so only names of several words ("list changes by itself") earn the bonus.
     */
    static final int STORY_WORDS = 9;
    /**
     * A name in a phrase that sets the scene ("in a for loop how do I get the index", "inside my class") is where the
     * asked thing happens, not the asked thing: it earns no bonus.
     */
    private static final Pattern SETTING = Pattern.compile(
            "\\b(?:in|inside|within|during)\\s+(?:(?:a|an|the|my|your|this|that|our)\\s+)?(?:[a-z]+\\s+)?$");
    /**
     * A lesson whose syntax the question writes ("a, b = b, a"): stronger evidence than a name, which may be a word
     * of the story; the embedding makes little of code, so the bonus must carry more of the choice.
     */
    static final double SYNTAX_BONUS = 0.15;

    private static boolean writesSyntax(Lesson lesson, String lowerQuestion) {
        return SYNTAX.getOrDefault(lesson.topicId(), List.of()).stream().anyMatch(p -> p.matcher(lowerQuestion).find());
    }

    /** A function called inside written code ({@code range(} in a comprehension). */
    private static final Pattern CALLED = Pattern.compile("[a-z_][a-z0-9_]*\\s*\\(");

    /**
     * The question with the calls written inside any lesson's syntax blanked out (matched on its lower case): in
     * {@code [x * 2 for x in range(4)]} the construct is asked about, which the lessons' ranking weighs, and
     * {@code range} is one of its parts. Plain words inside it stay ("`x is None`" asks about None).
     */
    public static String withoutCallsInSyntax(String question) {
        char[] kept = question.toCharArray();
        String lower = question.toLowerCase(Locale.ROOT);
        if (lower.length() != kept.length) {
            return question;
        }
        for (List<Pattern> patterns : SYNTAX.values()) {
            for (Pattern p : patterns) {
                Matcher m = p.matcher(lower);
                while (m.find()) {
                    Matcher call = CALLED.matcher(lower).region(m.start(), m.end());
                    while (call.find()) {
                        java.util.Arrays.fill(kept, call.start(), call.end(), ' ');
                    }
                }
            }
        }
        return new String(kept);
    }

    /** Syntax each lesson owns as one of its names ({@code concepts/lesson-syntax.tsv}): written code of its concept. */
    static final String SYNTAX_RESOURCE = "concepts/lesson-syntax.tsv";
    private static final Map<String, List<Pattern>> SYNTAX = syntax();

    private static Map<String, List<Pattern>> syntax() {
        Map<String, List<Pattern>> syntax = new HashMap<>();
        String table = dev.learnflow.platform.text.ClasspathText.read(LessonRetriever.class, SYNTAX_RESOURCE);
        for (String line : table.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            syntax.computeIfAbsent(parts[0].strip(), t -> new ArrayList<>()).add(Pattern.compile(parts[1].strip()));
        }
        return syntax;
    }

    /** A name span with brackets, operators or commas is written code, not a word. */
    private static final Pattern WRITTEN_CODE = Pattern.compile("[()\\[\\]{}=*,:<>]");

    /** Aliases too common in questions about anything to say which lesson is meant. */
    private static final Set<String> GENERIC_ALIASES = Set.of("function", "object", "method",
            "attribute", "variable", "condition", "text", "array", "argument", "parameter", "instance", "lookup",
            "get", "items", "keys", "values", "iterate", "print", "input", "open", "division", "remainder", "power",
            "comparison", "directory", "exists", "alias", "module", "path", "cleanup", "typing", "else",
            "end", "sep", "suffix", "glob", "mkdir", "file name", "rounding", "as err", "always runs");

    private final Encoder encoder;
    private final List<Passage> passages = new ArrayList<>();
    /** Per lesson, its names as whole-word patterns (aliases and title), generic ones left out. */
    private final Map<String, List<Pattern>> names = new HashMap<>();
    private final double minSimilarity;

    /** A passage of a lesson; its similarity to a question counts {@code offset} less. */
    record Passage(Lesson lesson, float[] vector, double offset) {
        Passage(Lesson lesson, float[] vector) {
            this(lesson, vector, 0);
        }
    }

    /**
     * A beginner's phrasing of a task ("put a list in order", a lesson's {@code asks}) is close to many questions
     * that merely share its everyday words, so it wins only when much nearer than the lesson's names and prose
     * (measured on the tuned breadth sets: 0.1 gave more wrong lessons, 0.25 fewer right ones).
     */
    static final double ASK_OFFSET = 0.2;

    public record Hit(Lesson lesson, double similarity) {
    }

    public LessonRetriever(Encoder encoder, KnowledgeBase knowledgeBase, double minSimilarity) {
        this.encoder = encoder;
        this.minSimilarity = minSimilarity;
        for (Lesson lesson : knowledgeBase.lessons()) {
            passages.add(new Passage(lesson, encoder.encode(lesson.title())));
            List<Pattern> own = new ArrayList<>();
            for (String alias : lesson.aliases()) {
                String a = alias.strip().toLowerCase(Locale.ROOT);
                if (a.equals("@decorator")) {
                    // stands for any decorator line: "@app.route", "@something" on top of a function
                    own.add(Pattern.compile("(?<![\\w@])@[a-z_][\\w.]*"));
                } else if (a.length() >= 3 && !GENERIC_ALIASES.contains(a)) {
                    // plural and typo-free whole words: "tuple" also names "tuples", never "tuplet"
                    own.add(Pattern.compile("(?<![\\w@*.])" + Pattern.quote(a)
                            + (a.matches(".*\\w") ? "(?:s|es)?(?!\\w)" : "")));
                }
            }
            own.addAll(SYNTAX.getOrDefault(lesson.topicId(), List.of()));
            names.put(lesson.topicId(), own);
            for (String alias : lesson.aliases()) {
                passages.add(new Passage(lesson, encoder.encode(alias)));
            }
            for (String ask : lesson.asks()) {
                passages.add(new Passage(lesson, encoder.encode(ask), ASK_OFFSET));
            }
            passages.add(new Passage(lesson, encoder.encode(lesson.title() + ". " + lesson.idea())));
            passages.add(new Passage(lesson, encoder.encode(lesson.title() + ". " + lesson.inDepth())));
        }
        // a topic misspelt in the syntax table would silently own nothing: fail at start-up instead
        Set<String> unknown = new java.util.TreeSet<>(SYNTAX.keySet());
        unknown.removeAll(names.keySet());
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(SYNTAX_RESOURCE + " names topics no lesson has: " + unknown);
        }
    }

    /** Every lesson, in knowledge-base order. */
    public List<Lesson> lessons() {
        return passages.stream().map(Passage::lesson).distinct().toList();
    }

    /** Lessons by relevance, best first (one hit per lesson). */
    public List<Hit> rank(String question, String preferredTopicId) {
        return rank(question, encoder.encode(question), preferredTopicId);
    }

    /** Lessons by relevance with the bonus for a lesson the question names by one of its own names. */
    public List<Hit> rank(String question, float[] query, String preferredTopicId) {
        String lower = question.toLowerCase(Locale.ROOT);
        boolean story = Bm25.tokens(lower).size() > STORY_WORDS;
        List<Hit> ranked = rank(query, preferredTopicId);
        // A name inside a longer one does not count: "dict comprehension" is about comprehensions, not dicts.
        Map<String, int[]> named = new HashMap<>();
        for (Hit hit : ranked) {
            int[] span = longestName(hit.lesson(), lower);
            if (span != null) {
                named.put(hit.lesson().topicId(), span);
            }
        }
        return ranked.stream()
                .map(h -> {
                    int[] span = named.get(h.lesson().topicId());
                    boolean inside = span != null && named.values().stream().anyMatch(o -> o[1] - o[0] > span[1] - span[0]
                            && o[0] <= span[0] && span[1] <= o[1]);
                    // nor one whose first words an earlier name has taken: in "the most common elements", "most
                    // common" (counting) is what is asked, and the set lesson's "common elements" (shared) only
                    // borrows its word
                    boolean overlapped = span != null && named.values().stream()
                            .anyMatch(o -> o[0] < span[0] && span[0] < o[1] && o[1] < span[1]);
                    // written code ("first, *rest =") is what is asked wherever it stands; a word may set the scene
                    boolean incidental = span != null && !WRITTEN_CODE.matcher(lower.substring(span[0], span[1])).find()
                            && (story && !lower.substring(span[0], span[1]).contains(" ")
                            || SETTING.matcher(lower.substring(0, span[0])).find());
                    if (span == null || inside || overlapped || incidental) {
                        return h;
                    }
                    return new Hit(h.lesson(), h.similarity() + (writesSyntax(h.lesson(), lower) ? SYNTAX_BONUS : NAME_BONUS));
                })
                .sorted(Comparator.comparingDouble(Hit::similarity).reversed()).toList();
    }

    /**
     * Whether the question's only name for the lesson sets the scene ("why does my set print in a random order":
     * random is how it prints, not what is asked), so the name earns no bonus and says little for the lesson.
     */
    public boolean namesOnlyAsSetting(Lesson lesson, String lowerQuestion) {
        int[] span = longestName(lesson, lowerQuestion);
        return span != null && !WRITTEN_CODE.matcher(lowerQuestion.substring(span[0], span[1])).find()
                && SETTING.matcher(lowerQuestion.substring(0, span[0])).find();
    }

    /** Whether the question uses one of the lesson's own names for its concept. */
    public boolean names(Lesson lesson, String lowerQuestion) {
        return longestName(lesson, lowerQuestion) != null;
    }

    /** Where in the question the lesson's longest own name stands ({start, end}), or null. */
    public int[] longestName(Lesson lesson, String lowerQuestion) {
        int[] longest = null;
        for (Pattern p : names.getOrDefault(lesson.topicId(), List.of())) {
            Matcher m = p.matcher(lowerQuestion);
            if (m.find() && (longest == null || m.end() - m.start() > longest[1] - longest[0])) {
                longest = new int[] {m.start(), m.end()};
            }
        }
        return longest;
    }

    /** The same for an already embedded question. */
    public List<Hit> rank(float[] query, String preferredTopicId) {
        Map<String, Hit> best = new LinkedHashMap<>();
        double[] cosines = cosines(query);
        for (int i = 0; i < passages.size(); i++) {
            Passage passage = passages.get(i);
            double similarity = cosines[i] - passage.offset();
            if (passage.lesson().topicId().equals(preferredTopicId)) {
                similarity += TOPIC_BOOST;
            }
            Hit current = best.get(passage.lesson().topicId());
            if (current == null || similarity > current.similarity()) {
                best.put(passage.lesson().topicId(), new Hit(passage.lesson(), similarity));
            }
        }
        return best.values().stream().sorted(Comparator.comparingDouble(Hit::similarity).reversed()).toList();
    }

    /** The last query vector this thread ranked, with each passage's cosine to it. */
    private record Cosines(float[] query, double[] values) {
    }

    private final ThreadLocal<Cosines> lastCosines = new ThreadLocal<>();

    /**
     * Each passage's cosine to the query. A question's plan ranks the same vector up to four times (with and
     * without the student's topic, for abstaining, against a section), so the last vector's are kept per thread:
     * the same numbers, one pass over the passages (issue 19's load profile had the passes at ~11 % of concepts'
     * CPU).
     */
    private double[] cosines(float[] query) {
        Cosines last = lastCosines.get();
        if (last != null && last.query() == query && last.values().length == passages.size()) {
            return last.values();
        }
        double[] values = new double[passages.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = Encoder.cosine(query, passages.get(i).vector());
        }
        lastCosines.set(new Cosines(query, values));
        return values;
    }

    /** The lesson that answers the question, if any is close enough. */
    public Optional<Hit> best(String question, String preferredTopicId) {
        List<Hit> ranked = rank(question, preferredTopicId);
        if (preferredTopicId != null && AnswerPlanner.isVague(question.toLowerCase(Locale.ROOT))) {
            // "how does it work?" means the topic the student is on
            return ranked.stream().filter(h -> h.lesson().topicId().equals(preferredTopicId)).findFirst();
        }
        return best(ranked, preferredTopicId);
    }

    /** The same over an existing ranking. */
    public Optional<Hit> best(List<Hit> ranked, String preferredTopicId) {
        Optional<Hit> preferred = ranked.stream().filter(h -> h.lesson().topicId().equals(preferredTopicId))
                .findFirst();
        if (ranked.isEmpty() || ranked.get(0).similarity() < minSimilarity) {
            return preferred;
        }
        Hit best = ranked.get(0);
        return preferred.filter(p -> best.similarity() - p.similarity() < TOPIC_MARGIN).or(() -> Optional.of(best));
    }
}
