package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.Lesson;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a lesson is really about what the question asks. The embeddings rate a lesson close when the question
 * shares its everyday words ("list", "loop", "string"): "for loop with an else" scores the for-loops lesson, "how
 * do i reverse a string" the strings lesson. The question's key terms are the Python names it uses (keywords,
 * built-ins, methods of the built-in types, standard modules, the lessons' own names for their concepts); each
 * weighs by how rare it is among the lessons (inverse lesson frequency), so "list" or "print", found in most
 * lessons, weigh little and "else", "extend" or "isinstance" much. A lesson covers the question when its text holds
 * most of that weight.
 */
public final class KeyTerms {

    /** Python's keywords: names even where they are English ("in", "is", "with", "not"). */
    static final Set<String> PYTHON_KEYWORDS = Set.of("false", "none", "true", "and", "as", "assert", "async",
            "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from",
            "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
            "try", "while", "with", "yield", "match", "case");
    /** "a .zip file", ".csv files": a file's extension, not a method written as code. */
    static final String FILE_WORDS = "(?:files?|extensions?|archives?|format)\\b";
    /**
     * "the in keyword", "the any function", "is not operator", "`with`": a word the student marks as a Python
     * name, though it is also English.
     */
    private static final Pattern MARKED_NAME = Pattern.compile(
            "`([a-z_][a-z0-9_ ]*)`|(?:\\b(the|a|an|str|string|list|dict|dictionary|set|tuple)\\s+)?@?\\b([a-z_][a-z0-9_]*(?: not)?)\\s+(keyword|operator|statement"
                    + "|builtin|built-in|function|method|clause|decorator)s?\\b|(?<![\\w.])([a-z_][a-z0-9_]*)\\("
                    + "|[.@]([a-z_][a-z0-9_]*)\\b(?!\\s+" + FILE_WORDS + ")");
    /** Kinds only Python's names have: "in keyword" marks "in", but "in functions" is English. */
    private static final Set<String> PYTHON_KINDS = Set.of("keyword", "operator", "statement", "clause",
            "decorator");
    /** A name the lessons' prose uses as an English word in this many lessons is English in a question too. */
    static final int ENGLISH_IN_LESSONS = 5;
    private static final Pattern CODE_IN_PROSE = Pattern.compile("```.*?```|`[^`]*`", Pattern.DOTALL);

    /** Words that say what kind of name the next one is, not which: "the walrus operator", "a builtin". */
    private static final Set<String> KIND_WORDS = Set.of("operator", "builtin", "built", "module", "method",
            "keyword", "statement", "clause", "expression", "library", "function", "block");
    /** A name the student marks as code weighs at least this much. */
    static final double MARKED_WEIGHT = 2.0;

    /**
     * "how do i print ...", "how to round ...": the verb the question asks how to do, when it is a built-in function,
     * is the asked thing even though it is English ("print" is used as a word by most lessons).
     */
    private static final Pattern HOW_TO = Pattern.compile(
            "\\bhow (?:do|can|could|would|should|does) (?:i|you|we|one|u) ([a-z_]+)|\\bhow (?:to|2) ([a-z_]+)");
    /** Built-in names that are also nouns or verbs of ordinary questions ("how to list files", "how do i set"). */
    private static final Set<String> TYPE_NAMES = Set.of("list", "dict", "set", "str", "int", "float", "tuple",
            "bool", "bytes", "object", "type", "slice", "complex", "frozenset", "bytearray", "memoryview", "property",
            "classmethod", "staticmethod", "super", "range", "help", "compile", "iter", "next", "vars", "globals",
            "locals", "breakpoint", "id", "hash", "format");

    /** "def add(x, lst=[])", "class Stack": names the student defines are theirs, not Python's set.add or a lesson's. */
    static final Pattern DEFINED_NAME = Pattern.compile("\\b(?:def|class)\\s+([a-z_][a-z0-9_]*)");

    /**
     * "my teacher keeps saying use enumerate instead", "zip vs a counter": the word after "use", "instead of" or "vs"
     * is the name being weighed, even inside a story where other names are mostly English.
     */
    private static final Pattern WEIGHED_NAME = Pattern.compile(
            "\\b(?:use|using|vs\\.?|versus|instead of|rather than)\\s+([a-z_][a-z0-9_]*)");

    private final Set<String> names;
    /** Built-in functions ({@code print}, {@code round}, {@code open}) that a how-to question can ask to use. */
    private final Set<String> builtinFunctions;
    /** Names the lessons' prose uses as English words ("time", "number", "add", "list"). */
    private final Set<String> english;
    private final Map<String, Set<String>> lessonNames = new HashMap<>();
    /** What each lesson's title and id name: what it is about as a whole, not one of the things it lists. */
    private final Map<String, Set<String>> titleNames = new HashMap<>();
    /** Each lesson's one-word aliases: the names it lists ("pop"), not its descriptions ("factorial recursive"). */
    private final Map<String, Set<String>> oneWordAliases = new HashMap<>();
    private final Map<String, Set<String>> lessonWords = new HashMap<>();
    /** Each lesson's mentions: names it shows in passing but is not about. */
    private final Map<String, Set<String>> mentionWords = new HashMap<>();
    private final Map<String, Integer> lessonFrequency = new HashMap<>();
    private final int lessonCount;

    /**
     * @param lessons     the curated lessons
     * @param pythonNames names documented by the documentation index (built-ins, methods, modules, keywords)
     */
    public KeyTerms(Collection<Lesson> lessons, Set<String> pythonNames) {
        this(lessons, pythonNames, Set.of());
    }

    /**
     * @param builtinFunctions the built-in functions the documentation documents: the verb of a how-to question
     *                         that is one of them is marked ("how do i print without a newline" asks about print)
     */
    public KeyTerms(Collection<Lesson> lessons, Set<String> pythonNames, Set<String> builtinFunctions) {
        this.builtinFunctions = builtinFunctions.stream().filter(n -> !TYPE_NAMES.contains(n))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Set<String> known = new HashSet<>();
        PYTHON_KEYWORDS.forEach(k -> known.add(stem(k)));
        pythonNames.forEach(n -> known.add(stem(n.toLowerCase(Locale.ROOT))));
        Map<String, Integer> prose = new HashMap<>();
        for (Lesson lesson : lessons) {
            // one-word aliases are names ("enumerate", "dataclass"); the words of longer ones are English
            // ("list changes by itself")
            lesson.aliases().stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                    .filter(a -> a.matches("[a-z_][a-z0-9_]*")).forEach(a -> known.add(stem(a)));
            lesson.mentions().stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                    .filter(a -> a.matches("[a-z_][a-z0-9_]*")).forEach(a -> known.add(stem(a)));
            Set<String> words = words(lesson.title() + " " + String.join(" ", lesson.aliases()) + " "
                    + String.join(" ", lesson.mentions()) + " " + lesson.idea()
                    + " " + lesson.inDepth() + " " + lesson.example() + " " + String.join(" ", lesson.watchOut()));
            lessonWords.put(lesson.topicId(), words);
            lessonNames.put(lesson.topicId(), words(lesson.title() + " " + String.join(" ", lesson.aliases())));
            titleNames.put(lesson.topicId(), words(lesson.title() + " " + lesson.topicId()));
            mentionWords.put(lesson.topicId(), words(String.join(" ", lesson.mentions())));
            oneWordAliases.put(lesson.topicId(), lesson.aliases().stream().map(a -> a.strip().toLowerCase(Locale.ROOT))
                    .filter(a -> a.matches("[a-z_][a-z0-9_]*")).map(KeyTerms::stem).collect(java.util.stream.Collectors.toSet()));
            words.forEach(w -> lessonFrequency.merge(w, 1, Integer::sum));
            // the lessons write names as code (`range`); a name in their plain prose is used as English
            words(CODE_IN_PROSE.matcher(lesson.idea() + " " + lesson.inDepth() + " "
                    + String.join(" ", lesson.watchOut())).replaceAll(" ")).forEach(w -> prose.merge(w, 1, Integer::sum));
        }
        this.english = prose.entrySet().stream().filter(e -> e.getValue() >= ENGLISH_IN_LESSONS)
                .map(Map.Entry::getKey).collect(java.util.stream.Collectors.toUnmodifiableSet());
        this.names = Set.copyOf(known);
        this.lessonCount = lessons.size();
    }

    /**
     * The Python names a question asks about.
     *
     * @param plain  names among its words ("enumerate", "else", "json")
     * @param marked names it writes as code or calls a keyword, function or operator ("len()", ".split",
     *               "`in`", "the any function", "is not operator"): asked about even when they are English
     */
    public record Asked(Set<String> plain, Set<String> marked) {

        public Set<String> all() {
            Set<String> all = new LinkedHashSet<>(plain);
            all.addAll(marked);
            return all;
        }
    }

    /** The Python names the question uses: its own words that are names, and words it marks as names. */
    public Asked of(String question) {
        String lower = question.toLowerCase(Locale.ROOT);
        Set<String> marked = new LinkedHashSet<>();
        Set<String> kinds = new HashSet<>();
        Matcher m = MARKED_NAME.matcher(lower);
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(3) != null ? m.group(3)
                    : m.group(5) != null ? m.group(5) : m.group(6);
            if (m.group(3) != null && m.group(2) == null && !PYTHON_KINDS.contains(m.group(4))
                    && Bm25.STOPWORDS.contains(m.group(3))) {
                continue;   // "in functions", "get functions": English before a kind word that is English too
            }   // "the dict get method" names the type: there group 2 is set and get is its method
            for (String word : name.split(" ")) {
                String stem = stem(word);
                if (names.contains(stem) && !KIND_WORDS.contains(stem)) {
                    marked.add(stem);
                    if (m.group(4) != null) {
                        kinds.add(stem(m.group(4)));   // "@property decorator" asks about property, not decorators
                    }
                }
            }
        }
        Matcher how = HOW_TO.matcher(lower);
        while (how.find()) {
            String verb = how.group(1) != null ? how.group(1) : how.group(2);
            if (builtinFunctions.contains(verb)) {
                marked.add(stem(verb));
            }
        }
        Set<String> plain = new LinkedHashSet<>();
        List<String> tokens = Bm25.tokens(lower);
        // In a story around the ask ("so im making a little game ... and it crashes") names that are also English
        // words ("break it down", "time", "stop") are mostly English: there only names written as code count.
        boolean story = tokens.size() > LessonRetriever.STORY_WORDS;
        for (String token : tokens) {
            String stem = stem(token);
            if (names.contains(stem) && !english.contains(stem) && !KIND_WORDS.contains(stem) && !kinds.contains(stem)
                    && !marked.contains(stem) && (!story || stem.contains("_"))) {
                plain.add(stem);
            }
        }
        Matcher defined = DEFINED_NAME.matcher(lower);
        while (defined.find()) {
            String own = stem(defined.group(1));
            if (!PYTHON_KEYWORDS.contains(defined.group(1))) {
                marked.remove(own);
            }
        }
        Matcher weighed = WEIGHED_NAME.matcher(lower);
        while (weighed.find()) {
            String stem = stem(weighed.group(1));
            if (story && names.contains(stem) && !english.contains(stem) && !KIND_WORDS.contains(stem)
                    && !TYPE_NAMES.contains(weighed.group(1)) && !marked.contains(stem)) {
                plain.add(stem);
            }
        }
        return new Asked(plain, marked);
    }

    /** How rare the term is among the lessons: high for a name only one lesson uses, near 0 for "print". */
    public double weight(String term) {
        int df = lessonFrequency.getOrDefault(term, 0);
        return Math.log(1 + (lessonCount - df + 0.5) / (df + 0.5));
    }

    /**
     * How much a name weighs in the question: its rarity among the lessons; a marked name at least
     * {@link #MARKED_WEIGHT}, since the student asks about that very name ("the in keyword").
     */
    public double weight(String term, Asked asked) {
        return asked.marked().contains(term) ? Math.max(MARKED_WEIGHT, weight(term)) : weight(term);
    }

    /**
     * The share (0..1) of the question's key-term weight the lesson holds; 1 without key terms. A plain name
     * counts when the lesson's text uses it; a marked one only when the lesson names it (title, aliases): every
     * lesson says "in", only one is about the {@code in} operator.
     */
    public double coverage(Lesson lesson, Asked asked) {
        double total = 0;
        double covered = 0;
        Set<String> text = lessonWords.getOrDefault(lesson.topicId(), Set.of());
        Set<String> own = lessonNames.getOrDefault(lesson.topicId(), Set.of());
        for (String term : asked.all()) {
            double w = weight(term, asked);
            total += w;
            covered += (asked.marked().contains(term) ? own : text).contains(term) ? w : 0;
        }
        return total == 0 ? 1 : covered / total;
    }

    /** The share (0..1) of the question's key-term weight that the lesson's title and aliases name. */
    public double namedShare(Lesson lesson, Asked asked) {
        double total = 0;
        double named = 0;
        Set<String> own = lessonNames.getOrDefault(lesson.topicId(), Set.of());
        for (String term : asked.all()) {
            double w = weight(term, asked);
            total += w;
            named += own.contains(term) ? w : 0;
        }
        return total == 0 ? 0 : named / total;
    }

    /** Whether the lesson's title or aliases use the name. */
    public boolean names(Lesson lesson, String name) {
        return lessonNames.getOrDefault(lesson.topicId(), Set.of()).contains(name);
    }

    /**
     * Whether the lesson names the term only as one of its one-word aliases, not in its title or id: the Lists
     * lesson lists {@code pop} among the things lists do, it is not about {@code pop}.
     */
    public boolean namesInPassing(Lesson lesson, String name) {
        return oneWordAliases.getOrDefault(lesson.topicId(), Set.of()).contains(name) && !titleNames.getOrDefault(lesson.topicId(), Set.of()).contains(name);
    }

    /**
     * Whether the lesson only mentions the name: it is among the things the lesson shows in passing ({@code pop} in
     * Lists, {@code //} division in Numbers and Types), not among its own names (title, aliases).
     */
    public boolean onlyMentions(Lesson lesson, String name) {
        return mentionWords.getOrDefault(lesson.topicId(), Set.of()).contains(name) && !names(lesson, name);
    }

    /** The heaviest key term's weight: how much the question's names say at all. */
    public double strongest(Asked asked) {
        return asked.all().stream().mapToDouble(t -> weight(t, asked)).max().orElse(0);
    }

    private static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            if (!raw.isEmpty()) {
                words.add(stem(raw));
            }
        }
        return words;
    }

    /**
     * A light stem, so that the question's and the lesson's forms meet: "iterate"/"iteration", "reverse"/
     * "reversed", "tuples"/"tuple". Dunder names stay whole.
     */
    static String stem(String word) {
        String w = word.length() > 2 && word.startsWith("__") && word.endsWith("__") ? word
                : word.replaceAll("^_+|_+$", "");
        if (w.startsWith("__")) {
            return w;
        }
        String folded = Bm25.fold(w);
        return folded.length() > 5 ? folded.replaceFirst("(ions?|ings?|ed|e)$", "") : folded;
    }
}
