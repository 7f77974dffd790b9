package dev.learnflow.concepts.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.platform.embedding.Encoder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Hybrid search over the offline index of Python's documentation: BM25 finds the candidate sections (names and
 * keywords such as {@code yield} or {@code str.split} are decisive there), the sentence embeddings re-rank them by
 * meaning. A passage is embedded the first time it is a candidate (its section, name and opening), then kept: the
 * index has thousands of sections and a question touches a few dozen.
 */
public class DocIndex {

    public static final String RESOURCE = "docs/python-docs.jsonl";
    /** BM25 candidates re-ranked by meaning. */
    static final int CANDIDATES = 16;
    /** Sections documenting a name the question marks as code, added to the candidates per name. */
    static final int NAMED_CANDIDATES = 6;
    /** A section documenting the very name the question uses ({@code del}, {@code round()}, {@code str.split}). */
    public static final double NAME_BONUS = 0.1;
    /** BM25 this high counts as full lexical evidence. */
    static final double BM25_SCALE = 14;
    static final double DENSE_WEIGHT = 0.7;
    private static final int EMBEDDED_CHARS = 360;
    private static final Pattern CODE_NAME = Pattern.compile(
            "([a-z_][a-z0-9_]*)\\(|\\.([a-z_][a-z0-9_]*)\\b(?!\\s+" + KeyTerms.FILE_WORDS + ")|`([a-z_][a-z0-9_]*)`");

    private static final Pattern BUILTIN_TYPE_MEMBER = Pattern.compile(
            "(str|list|dict|set|frozenset|tuple|int|float|bytes|object)\\.[a-z_][a-z0-9_]*");
    /** "json --- JSON encoder and decoder": the section of a standard module. */
    private static final Pattern MODULE_SECTION = Pattern.compile("([a-z_][a-z0-9_]*)(?:\\.[a-z0-9_.]+)? --- ");

    /**
     * The standard modules beginners meet first: the functions and classes they document are Python's names
     * (datetime, time, os and shutil left out: their names, day, second, system, are everyday words).
     */
    static final Set<String> BEGINNER_MODULES = Set.of("math", "random", "collections", "itertools", "functools",
            "pathlib", "json", "re", "string", "statistics", "sys", "heapq",
            "bisect", "copy", "csv");
    private final List<DocPassage> passages;
    private static final Pattern CALLED_OR_MEMBER = Pattern.compile("\\b([A-Za-z_]\\w*)\\(|\\.([A-Za-z_]\\w*)\\b");
    /** A standard module's page in the library reference: {@code library/os.html#read}. */
    static final Pattern MODULE_PAGE = Pattern.compile("library/([a-z_][a-z0-9_.]*)\\.html");
    private final Bm25 bm25 = new Bm25();
    private final Set<String> referenceOnlyIds;
    private final Encoder encoder;
    private final Map<Integer, float[]> vectors = new ConcurrentHashMap<>();
    /** Passages by the last part of each name they document ({@code str.split} under {@code split}). */
    private final Map<String, List<Integer>> byName = new java.util.HashMap<>();
    /** The standard modules with a page of their own ({@link #moduleNames()}), for telling re.split from line.split. */
    private final Set<String> modules;
    /** A name written after a dot, with what stands before it: {@code .split(}, {@code line.split}, {@code re.split}. */
    private static final Pattern AFTER_A_DOT = Pattern.compile("([a-z_][a-z0-9_]*(?:\\.[a-z_][a-z0-9_]*)*)?\\.([a-z_][a-z0-9_]*)\\b");

    /**
     * @param similarity cosine between question and passage (0..1)
     * @param lexical    BM25 scaled to 0..1
     * @param named      the section documents a name the question uses
     * @param score      the blend used for ranking
     */
    public record Hit(DocPassage passage, double similarity, double lexical, boolean named, double score) {

        /** Similarity plus the bonus for documenting the name asked about: what is compared with lessons. */
        public double evidence() {
            return similarity + (named ? NAME_BONUS : 0);
        }
    }

    public DocIndex(List<DocPassage> passages, Encoder encoder) {
        this(passages, Set.of(), encoder);
    }

    /**
     * @param referenceOnlyIds sections that are only ever a lesson's reference, never the answer in its place (the
     *                         data model's {@code object.__eq__}: the dunder lesson teaches it with an example)
     */
    public DocIndex(List<DocPassage> passages, Set<String> referenceOnlyIds, Encoder encoder) {
        this.passages = List.copyOf(passages);
        this.referenceOnlyIds = Set.copyOf(referenceOnlyIds);
        this.encoder = encoder;
        for (int i = 0; i < this.passages.size(); i++) {
            DocPassage p = this.passages.get(i);
            bm25.add(p.section() + " " + p.keywords() + " " + p.keywords() + " " + p.text());
            for (String name : p.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
                String last = name.substring(name.lastIndexOf('.') + 1).strip();
                if (!last.isEmpty()) {
                    byName.computeIfAbsent(last, k -> new ArrayList<>()).add(i);
                }
            }
        }
        this.modules = moduleNames();
    }

    public static DocIndex fromClasspath(ClassLoader loader, Encoder encoder, ObjectMapper mapper) {
        List<DocPassage> passages = new ArrayList<>();
        Set<String> referenceOnly = new java.util.HashSet<>();
        try (InputStream in = loader.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing: the Maven build writes it (python3 and "
                        + "Debian's python3-doc are needed, see the README's setup)");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = mapper.readTree(line);
                JsonNode example = node.path("example");
                passages.add(new DocPassage(node.path("id").asText(), node.path("source").asText(),
                        node.path("section").asText(), node.path("doc").asText(), node.path("keywords").asText(""),
                        node.path("text").asText(), example.isObject() ? example.path("code").asText() : null,
                        example.isObject() ? example.path("output").asText() : null));
                if (node.path("referenceOnly").asBoolean(false)) {
                    referenceOnly.add(node.path("id").asText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new DocIndex(passages, referenceOnly, encoder);
    }

    /** Every word the documentation uses (lower case). */
    public Set<String> vocabulary() {
        Set<String> words = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            words.addAll(Spelling.words(p.section() + " " + p.keywords() + " " + p.text()));
        }
        return words;
    }

    /** The names the documentation documents ({@code enumerate}, {@code isinstance}, {@code split}). */
    public Set<String> documentedNames() {
        Set<String> names = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            for (String name : p.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
                names.add(name.substring(name.lastIndexOf('.') + 1).strip());
            }
        }
        return names;
    }

    /** The standard modules the library reference documents ({@code math}, {@code json}). */
    public Set<String> moduleNames() {
        Set<String> names = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            Matcher module = MODULE_SECTION.matcher(p.section());
            if (module.lookingAt()) {
                names.add(module.group(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /**
     * What each standard module's own page documents or uses, by the name's last part ({@code random} →
     * {@code randint}, {@code choice}, ...; {@code datetime} → {@code now}, ...): whether {@code random.between()} is
     * one of its functions.
     */
    public Map<String, Set<String>> moduleMembers() {
        Map<String, Set<String>> members = new java.util.HashMap<>();
        for (DocPassage p : passages) {
            Matcher page = MODULE_PAGE.matcher(p.doc());
            if (!page.lookingAt()) {
                continue;
            }
            Set<String> own = members.computeIfAbsent(page.group(1), k -> new java.util.HashSet<>());
            for (String name : p.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
                String n = name.strip();
                if (!n.isEmpty()) {
                    own.add(n.substring(n.lastIndexOf('.') + 1));
                }
            }
            // names the page calls or reaches through a dot in its prose and examples: the index keeps no heading
            // for some (a class's alternate constructors, datetime.now())
            Matcher used = CALLED_OR_MEMBER.matcher(p.text());
            while (used.find()) {
                own.add((used.group(1) != null ? used.group(1) : used.group(2)).toLowerCase(Locale.ROOT));
            }
        }
        return members;
    }

    /** The documented names as the documentation writes them, lower case ({@code str.upper}, {@code math.sqrt}). */
    public Set<String> qualifiedNames() {
        Set<String> names = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            for (String name : p.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
                names.add(name.strip());
            }
            // help(dict.fromkeys) is keyed by the bare "fromkeys": its own name is the qualified one
            if (p.doc().startsWith("help(")) {
                names.add(p.doc().substring("help(".length(), p.doc().length() - 1).toLowerCase(Locale.ROOT));
            }
        }
        names.remove("");
        return names;
    }

    /**
     * The names of Python itself that the index documents: built-in functions and types, the methods of the
     * built-in types, the language reference's keywords and topics, and the standard modules.
     */
    public Set<String> pythonNames() {
        Set<String> names = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            boolean core = p.doc().startsWith("help(") || p.doc().startsWith("library/functions.html#")
                    || p.doc().startsWith("pydoc topic");
            // (upper-case keywords name pydoc's topics, "COMPARISON", "FORMATTING": English, not Python's names)
            for (String name : p.keywords().split(",\\s*")) {
                String n = name.strip();
                if ((core || BUILTIN_TYPE_MEMBER.matcher(n).matches()) && n.matches("[a-z_][a-z0-9_.]*")) {
                    names.add(n.substring(n.lastIndexOf('.') + 1));
                }
            }
            Matcher module = MODULE_SECTION.matcher(p.section());
            if (module.lookingAt()) {
                names.add(module.group(1));
                if (BEGINNER_MODULES.contains(module.group(1))) {
                    // what beginners call from these modules is Python's name too: deque, cycle, getcwd, sqrt
                    for (String name : p.keywords().split(",\\s*")) {
                        String last = name.substring(name.lastIndexOf('.') + 1).strip();
                        if (last.matches("[a-z_][a-z0-9_]{2,}")) {
                            names.add(last);
                        }
                    }
                }
            }
        }
        names.remove("");
        return names;
    }

    /** The built-in functions (and types) the library reference documents ({@code print}, {@code round}). */
    public Set<String> builtinFunctions() {
        Set<String> names = new java.util.HashSet<>();
        for (DocPassage p : passages) {
            if (p.doc().startsWith("library/functions.html#") && p.keywords().matches("[a-z_][a-z0-9_]*")) {
                names.add(p.keywords());
            }
        }
        return names;
    }

    public int size() {
        return passages.size();
    }

    /** The best sections for the question, best first. */
    public List<Hit> search(String question, int limit) {
        return search(question, encoder.encode(question), limit);
    }

    public List<Hit> search(String question, float[] questionVector, int limit) {
        return search(question, questionVector, limit, Set.of());
    }

    /**
     * @param markedNames names the question marks as Python's though they are English ("the in keyword", "the
     *                    any function"): searched and matched as names
     */
    public List<Hit> search(String question, float[] questionVector, int limit, Set<String> markedNames) {
        return search(question, questionVector, limit, markedNames, passage -> !referenceOnlyIds.contains(passage.id()));
    }

    /**
     * A lesson's reference: the same among the candidate sections that are {@code eligible}, reference-only ones
     * included; the others are dropped before their vectors are needed (embedding a section not met before is most
     * of a search's cost).
     */
    public List<Hit> search(String question, float[] questionVector, int limit, Set<String> markedNames,
                            java.util.function.Predicate<DocPassage> eligible) {
        List<String> terms = new ArrayList<>(Bm25.tokens(question));
        markedNames.stream().filter(n -> !terms.contains(n)).forEach(terms::add);
        Matcher code = CODE_NAME.matcher(question.toLowerCase(Locale.ROOT));
        while (code.find()) {   // any(), .split, `is`: names written as code count even when they are English
            terms.add(code.group(1) != null ? code.group(1) : code.group(2) != null ? code.group(2) : code.group(3));
        }
        double[] lexical = bm25.scores(terms);
        List<Integer> candidates = new ArrayList<>(IntStream.range(0, lexical.length).filter(i -> lexical[i] > 0)
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> lexical[i]).reversed()).limit(CANDIDATES)
                .toList());
        // a marked name that is also common English ("in", "is", "any") is weak in BM25: its own sections join
        for (String name : markedNames) {
            byName.getOrDefault(name, List.of()).stream().filter(i -> !candidates.contains(i)).limit(NAMED_CANDIDATES)
                    .forEach(candidates::add);
        }
        candidates.removeIf(i -> !eligible.test(passages.get(i)));
        List<Hit> hits = new ArrayList<>();
        String lower = question.toLowerCase(Locale.ROOT);
        Set<String> words = Set.copyOf(List.of(lower.split("[^a-z0-9_]+")));
        AsValuesMethods asMethods = asValuesMethods(lower, markedNames);
        for (int i : candidates) {
            double similarity = Encoder.cosine(questionVector, vector(i));
            double scaled = Math.min(1, lexical[i] / BM25_SCALE);
            boolean named = documentsNameIn(passages.get(i), lower, words, markedNames)
                    && !namedOnlyAsAValuesMethod(passages.get(i), words, asMethods);
            // the name the student wrote as code or called a keyword outranks names among the other words
            boolean marked = named && documentsNameIn(passages.get(i), "", Set.of(), markedNames);
            hits.add(new Hit(passages.get(i), similarity, scaled, named,
                    DENSE_WEIGHT * similarity + (1 - DENSE_WEIGHT) * scaled + (named ? NAME_BONUS : 0)
                            + (marked ? NAME_BONUS : 0)));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits.subList(0, Math.min(limit, hits.size()));
    }

    /**
     * Whether the section documents a name the question uses: as a plain word that is not everyday English
     * ({@code yield}, {@code enumerate}), or written as code ({@code any()}, {@code .split}).
     */
    static boolean documentsNameIn(DocPassage passage, String lowerQuestion, Set<String> words,
                                   Set<String> markedNames) {
        for (String name : passage.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
            String last = name.substring(name.lastIndexOf('.') + 1).strip();
            if (last.length() < 2 || !last.matches("[a-z_][a-z0-9_]*")) {
                continue;
            }
            if (words.contains(last) && !Bm25.STOPWORDS.contains(last) || markedNames.contains(last)
                    || lowerQuestion.contains(last + "(") || lowerQuestion.contains("." + last)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The names a question writes only as a method of a value that a built-in type has ({@code .split()},
     * {@code line.replace}; not {@code re.split}), and the question without them: worked out once per search.
     */
    private record AsValuesMethods(Set<String> names, String without, Set<String> wordsLeft, Set<String> markedLeft) {
    }

    private AsValuesMethods asValuesMethods(String lowerQuestion, Set<String> markedNames) {
        Set<String> names = new java.util.HashSet<>();
        Matcher m = AFTER_A_DOT.matcher(lowerQuestion);
        while (m.find()) {
            String owner = m.group(1);
            if ((owner == null || !modules.contains(owner.split("\\.")[0]) && !owner.equals("os.path"))
                    && aBuiltinTypesMethod(m.group(2))) {
                names.add(m.group(2));
            }
        }
        String without = lowerQuestion;
        for (String name : names) {
            without = without.replaceAll("(?<![a-z0-9_])[a-z0-9_.]*\\." + Pattern.quote(name) + "\\b\\s*\\(?", " ");
        }
        Set<String> markedLeft = new java.util.HashSet<>(markedNames);
        markedLeft.removeAll(names);
        return new AsValuesMethods(names, without, Set.copyOf(List.of(without.split("[^a-z0-9_]+"))), markedLeft);
    }

    /**
     * Whether a section documents a name the question uses only as a method of a value ({@code .split()},
     * {@code .replace()}) that a built-in type has, while the section is not that type's own (a module's function,
     * a HOWTO on that module) and the question does not name its module: that is {@code str.split}, not
     * {@code re.split}; not {@code dataclasses.replace}.
     */
    private static boolean namedOnlyAsAValuesMethod(DocPassage passage, Set<String> words, AsValuesMethods asMethods) {
        if (asMethods.names().isEmpty() || builtinTypesOwn(passage)) {
            return false;
        }
        Matcher page = MODULE_PAGE.matcher(passage.doc());
        if (page.lookingAt() && words.contains(page.group(1).split("\\.")[0])) {
            return false;
        }
        return !documentsNameIn(passage, asMethods.without(), asMethods.wordsLeft(), asMethods.markedLeft());
    }

    /** {@code help(str.split)}, the built-in types' page, the tutorial and the language reference. */
    private static boolean builtinTypesOwn(DocPassage passage) {
        String doc = passage.doc();
        return doc.startsWith("help(") && BUILTIN_TYPE_MEMBER.matcher(doc).find() || doc.startsWith("library/stdtypes")
                || doc.startsWith("tutorial/") || doc.startsWith("reference/") || doc.startsWith("pydoc topic");
    }

    /** Whether one of the built-in types has a method of this name ({@code help(str.split)}). */
    private boolean aBuiltinTypesMethod(String name) {
        return byName.getOrDefault(name, List.of()).stream().map(i -> passages.get(i).doc())
                .anyMatch(doc -> doc.startsWith("help(") && BUILTIN_TYPE_MEMBER.matcher(doc).find());
    }

    /** The last part of each name the section documents, as the documentation spells it ({@code Self}, {@code pop}). */
    public static List<String> documentedNames(DocPassage passage) {
        return java.util.Arrays.stream(passage.keywords().split(",\\s*"))
                .map(n -> n.substring(n.lastIndexOf('.') + 1).strip()).filter(n -> !n.isEmpty()).toList();
    }

        /** How rare a (folded) word is across the documentation; 0 for a word it never uses. */
    public double idf(String token) {
        return bm25.idf(token);
    }

    /** How much of the question the documentation's vocabulary knows (idf-weighted share of its words). */
    public double vocabularyCoverage(String question) {
        List<String> terms = Bm25.tokens(question);
        if (terms.isEmpty()) {
            return 0;
        }
        return terms.stream().filter(t -> bm25.idf(t) > 0).count() / (double) terms.size();
    }

    /**
     * The sections documenting exactly this name (its last part, any case): those on the page that defines it
     * ({@code library/exceptions.html} for {@code IndexError}) when there are any, else all of them; best match with
     * the question first. Only these are embedded.
     */
    public List<Hit> documenting(String name, float[] questionVector, String definingPage) {
        List<Integer> all = byName.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
        List<Integer> defined = all.stream().filter(i -> passages.get(i).doc().startsWith(definingPage)).toList();
        List<Hit> hits = new ArrayList<>();
        for (int i : defined.isEmpty() ? all : defined) {
            double similarity = Encoder.cosine(questionVector, vector(i));
            hits.add(new Hit(passages.get(i), similarity, 0, true, similarity + NAME_BONUS));
        }
        hits.sort(Comparator.comparingDouble(Hit::score).reversed());
        return hits;
    }

    private float[] vector(int i) {
        return vectors.computeIfAbsent(i, k -> {
            DocPassage p = passages.get(k);
            String opening = p.text().length() > EMBEDDED_CHARS ? p.text().substring(0, EMBEDDED_CHARS) : p.text();
            return encoder.encode(p.section() + ". " + p.keywords() + ". " + opening);
        });
    }
}
