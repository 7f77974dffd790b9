package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.concepts.domain.Lesson;
import dev.learnflow.platform.embedding.Encoder;
import dev.learnflow.platform.text.OutputQuestions;
import dev.learnflow.platform.text.WholeSolutionRequests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decides what answers a concept question: a curated lesson when one matches well (it has a traced example and a
 * diagram), otherwise a section of Python's own documentation when one matches well, otherwise an honest "I don't
 * know" with the nearest topics to choose from. Never an unrelated lesson: a lesson below the bar is not given
 * even when it is the best there is. The thresholds were calibrated on the development questions in
 * {@code src/test/resources/retrieval/dev-questions.tsv} (see {@code AnswerPlannerTest}).
 */
public class AnswerPlanner {

    /** The last line of a traceback as pasted: the exception's name, a colon and its message. */
    private static final Pattern PASTED_ERROR_LINE = Pattern.compile("(?i)\\b\\w+(?:error|exception):\\s*\\S");
    /** A lesson this close is taken whatever the documentation offers. */
    static final double LESSON_SURE = 0.62;
    /** Below this, a lesson does not answer the question. */
    static final double LESSON_MIN = 0.47;
    /** Below this (cosine), a documentation section does not answer the question. */
    static final double DOC_MIN = 0.5;
    /** ... and it needs some of the question's words (BM25, scaled). */
    static final double DOC_MIN_LEXICAL = 0.2;
    /** A documentation section must beat a merely acceptable lesson by this much to be preferred. */
    static final double DOC_OVER_LESSON = 0.06;
    static final int CHOICES = 3;
    /** A section whose own name holds this share of the question's content weight is a lesson's reference. */
    static final double REFERENCE_NAMED = 0.3;
    /** A lesson the question names (with its name bonus) and that leads the next by this much ... */
    static final double NAMED_LESSON_LEAD = 0.08;
    /** ... answers down to this similarity. */
    static final double NAMED_LESSON_MIN = 0.37;
    /** A section documenting a name the question writes as code answers down to this similarity. */
    static final double NAMED_DOC_MIN = 0.3;
    /** A lesson must hold this share of the question's key-term weight to answer it ({@link KeyTerms}). */
    static final double MIN_COVERAGE = 0.5;
    /** Key terms count only when one of them is at least this rare among the lessons ("list" alone says little). */
    static final double MIN_KEY_WEIGHT = 1.0;
    /** A lesson that covers the key terms may stand in for a better-sounding one that does not, this far below. */
    static final double COVERING_MARGIN = 0.12;
    /**
     * A documentation section that holds this much more of the question's content weight than the chosen lesson
     * ({@link ContentCoverage}) answers instead: the lesson is about the question's surroundings ("list" in "shuffle
     * a list"), the section about the asked thing.
     */
    static final double COVERAGE_GAP = 0.4;
    /** ... when it is at least this close (cosine plus the name bonus) ... */
    static final double COVERING_DOC_MIN = 0.45;
    /**
     * ... and it is about what the lesson lacks: its own name (heading, documented names) holds this share of the
     * question's weight in words the lesson lacks (a long section holds many words in passing) ...
     */
    static final double LACKING_NAMED = 0.2;
    /** ... or it holds every content word of the question while the lesson holds at most this share. */
    static final double LESSON_BARELY_COVERS = 0.25;
    /** A lesson the question names by one of its own names ("*args") keeps it when it holds this share. */
    static final double NAMED_LESSON_HOLDS = 0.4;
    /** A lesson this far below the chosen one that holds {@link #COVERAGE_GAP} more of the question answers instead. */
    static final double FULLER_LESSON_MARGIN = 0.15;
    /** The question's rarest content word, when it holds this share of its weight, is what it asks about. */
    static final double RAREST_SHARE = 0.4;
    /**
     * A section documenting the asked name that matches the question this nearly as well as a lesson naming that
     * name only in passing (an alias, not its title) is the more specific answer ("pop with no index": list.pop,
     * not the Lists lesson).
     */
    static final double SPECIFIC_SECTION_MARGIN = 0.05;
    /** A near-match lesson holding at most this share of the question's content weight does not answer it. */
    static final double NOT_SURE_COVERAGE = 0.0;
    /** A lesson ranked this much above its plain similarity earned the bonus of a name the question uses. */
    static final double NAME_BONUS_SEEN = LessonRetriever.NAME_BONUS / 2;
    /**
     * A lesson on a construct the student's code uses answers a question about that code when the question's words
     * find it at most this much less close than the lesson they find best (which the code does not use).
     */
    static final double CODE_CONSTRUCT_LEAD = 0.15;
    /** Sections looked at for one that covers the question better than the lesson. */
    static final int COVERING_DOCS = 4;

    private static final Pattern CODE_NAME = Pattern.compile(
            "(?<![\\w.])([a-z_][a-z0-9_]*)\\(\\)|\\b[a-z_][a-z0-9_]*\\.([a-z_][a-z0-9_]*)\\b"
                    + "|(?<![\\w.])([a-z_][a-z0-9_]*)\\([^()\\w]{0,30}\\w[^()]{0,30}\\)");
    /** A name that is an exception's: {@code KeyError}, {@code StopIteration} is not one of them. */
    private static final Pattern EXCEPTION_NAME = Pattern.compile("(?i)\\b([a-z]+(?:error|exception|warning))\\b");
    /** A tag of the prompt's own ({@code </student_message>}) forged inside a question, and all after it. */
    private static final Pattern FORGED_TAG = Pattern.compile("(?is)<\\s*/?\\s*student_(?:message|code)\\b.*");
    /** Words for what code shows or gives, in a question about code: how it is seen, not what is asked about. */
    private static final Pattern SEEING_WORDS = Pattern.compile("(?i)\\b(?:print(?:s|ed|ing)?|outputs?|output(?:ted|ed)"
            + "|gives?|returns?|returned|retrun|retun|results?|shows?|displays?|displayed)\\b");

    /** Built-in types whose names are everyday nouns in a question ("why is the second list empty"). */
    private static final Set<String> TYPE_WORDS = Set.of("list", "dict", "set", "str", "int", "float", "tuple", "bool",
            "object", "type", "range", "bytes");

    /** Where the built-in exceptions are documented. */
    private static final String EXCEPTIONS_PAGE = "library/exceptions.html";
    /** The text of a string literal passed to a call ({@code int("abc")}): the student's data, not a name. */
    private static final Pattern CALL_STRING_ARGUMENT = Pattern.compile("(\\w\\(\\s*)([\"'])[^\"'\\n]*\\2");
    /**
     * The same for a string literal indexed, called on or computed with ({@code "abc"[::-1]}, {@code "10" + 5}); not
     * a format string ({@code "%s" % name}), whose text is what is asked.
     */
    private static final Pattern OPERAND_STRING = Pattern.compile(
            "(?<![\\w\"'])([\"'])[^\"'\\n]*\\1(?=\\s*(?:\\[|\\.[a-z_]|[*+]\\s*[\\w\"']))");

    /** {@code import math}, {@code from math import sqrt, pi}, {@code from math import *}, {@code import numpy as np}. */
    private static final Pattern IMPORT_STATEMENT = Pattern.compile(
            "(?i)\\b(?:from\\s+([\\w.]+)\\s+import\\s+(\\*|\\w+(?:\\s*,\\s*\\w+)*)|import\\s+([\\w.]+)(\\s+as\\s+\\w+)?)");

    private static final java.util.Set<String> VAGUE_WORDS = java.util.Set.copyOf(List.of("can", "could", "you", "u", "please",
            "pls", "explain", "it", "that", "this", "again", "more", "once", "show", "me", "another", "example",
            "how", "does", "do", "work", "works", "what", "about", "i", "still", "don't", "dont", "get", "understand",
            "the", "a", "an", "one", "thing", "why", "tell", "help", "ok", "okay", "so", "and", "then", "is",
            "mean", "means", "go", "on", "continue", "same", "other", "with", "some", "details", "detail", "simpler",
            "slower", "hmm", "huh", "confused", "im", "not", "sure", "lost", "sorry", "to", "don", "t", "m", "idk", "idek",
            "dunno", "no", "idea", "clue", "know"));
    /**
     * Words of a request for help with the student's own code that names nothing in it ("fix my code", "why error",
     * "my program is broken", "can you check my code"): without the code or the error's message no lesson answers it,
     * whatever topic the conversation is on, so the student is asked for them.
     */
    private static final Set<String> HELP_WITHOUT_SUBJECT = Set.of("fix", "my", "code", "error",
            "errors", "bug", "bugs", "broken", "wrong", "crash", "crashes", "crashing", "program", "script", "doesnt",
            "isnt", "working", "wont", "won", "check", "look", "at", "review", "s");
    /** Between the words of a question as {@link #isVague} and {@link #asksHelpWithoutSubject} read them. */
    private static final Pattern QUESTION_WORD_BREAK = Pattern.compile("[^a-z0-9_=<>!*+/%@:\\[\\]-]+");
    /** "what is a bug", "what are errors": a question about what the word names. */
    private static final Pattern DEFINITION = Pattern.compile("\\s*what(?:'s|s| is| are)\\b");
    private final LessonRetriever lessons;
    private final DocIndex docs;
    private final Encoder encoder;
    private final Spelling spelling;
    private final KeyTerms keyTerms;
    private final ContentCoverage coverage;
    /** The names the documentation documents, by their stem (as key terms come): "isinstanc" → isinstance. */
    private final Map<String, Set<String>> documentedByStem = new java.util.HashMap<>();
    /** The built-in functions ({@code round}, {@code len}): a call of one with arguments names it. */
    private final Set<String> builtinFunctions;
    private final StudentWords studentWords = StudentWords.fromClasspath(AnswerPlanner.class.getClassLoader());
    private final MadeUpNames madeUpNames;
    private final Set<String> moduleNames;
    /** The names Python's documentation documents (built-ins, methods, modules), without the lessons' words. */
    private final Set<String> pythonsOwnNames;
    /** The exceptions the documentation documents, in lower case ({@code indexerror}). */
    private final Set<String> exceptionNames;

    public AnswerPlanner(LessonRetriever lessons, DocIndex docs, Encoder encoder) {
        this.lessons = lessons;
        this.docs = docs;
        this.encoder = encoder;
        java.util.Set<String> known = new java.util.HashSet<>(docs.vocabulary());
        java.util.Set<String> conceptNames = new java.util.HashSet<>(docs.documentedNames());
        for (Lesson lesson : lessons.lessons()) {
            known.addAll(Spelling.words(lesson.title() + " " + String.join(" ", lesson.aliases()) + " "
                    + String.join(" ", lesson.mentions()) + " " + lesson.idea() + " " + lesson.inDepth() + " " + lesson.example()));
            conceptNames.addAll(Spelling.words(lesson.title() + " " + String.join(" ", lesson.aliases())));
        }
        this.spelling = new Spelling(known, conceptNames);
        this.keyTerms = new KeyTerms(lessons.lessons(), docs.pythonNames(), docs.builtinFunctions());
        this.coverage = new ContentCoverage(lessons.lessons(), docs::idf);
        this.builtinFunctions = Set.copyOf(docs.builtinFunctions());
        this.moduleNames = Set.copyOf(docs.moduleNames());
        this.exceptionNames = docs.documentedNames().stream().filter(n -> EXCEPTION_NAME.matcher(n).matches())
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        Set<String> allNames = new java.util.HashSet<>(docs.documentedNames());
        allNames.addAll(docs.pythonNames());
        allNames.addAll(docs.builtinFunctions());
        // lower case, as questions are read (MadeUpNames lower-cases what it is given)
        this.pythonsOwnNames = allNames.stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
        for (Lesson lesson : lessons.lessons()) {
            allNames.addAll(Spelling.words(String.join(" ", lesson.aliases()) + " " + String.join(" ", lesson.mentions())));
        }
        this.madeUpNames = new MadeUpNames(docs.qualifiedNames(), allNames, docs.vocabulary(), docs.moduleNames(),
                pythonsOwnNames, docs.builtinFunctions(), docs.moduleMembers());
        for (String name : docs.documentedNames()) {
            documentedByStem.computeIfAbsent(KeyTerms.stem(name), k -> new java.util.HashSet<>()).add(name);
        }
    }

    /** What answers the question. */
    public sealed interface Plan permits LessonPlan, DocPlan, Abstain {
    }

    /**
     * @param reference the section of Python's documentation on what the question asks, when one matches it well
     *                  (the lesson teaches the idea with a traced example; the section is the exact reference for
     *                  the detail asked: {@code end=} of {@code print()} beside the input and output lesson); or null
     */
    public record LessonPlan(LessonRetriever.Hit hit, DocIndex.Hit reference) implements Plan {
        public LessonPlan(LessonRetriever.Hit hit) {
            this(hit, null);
        }
    }

    public record DocPlan(DocIndex.Hit hit) implements Plan {
    }

    /**
     * @param reason {@code no-match}, {@code other-language}, {@code other-domain} or {@code vague}
     * @param domain for {@code other-domain}: what the question is about and where to ask it, else null
     */
    public record Abstain(String reason, List<Lesson> choices, OtherDomains.Domain domain,
                          MadeUpNames.MadeUp madeUp) implements Plan {

        public Abstain(String reason, List<Lesson> choices) {
            this(reason, choices, null, null);
        }

        public Abstain(String reason, List<Lesson> choices, OtherDomains.Domain domain) {
            this(reason, choices, domain, null);
        }
    }

    /**
     * Abstentions that say nothing matched or nothing was asked: with code, the code is the subject (another
     * language's code, a made-up name or a request for a whole solution is not).
     */
    public static final Set<String> ABOUT_THE_CODE = Set.of("vague", "no-match");

    /**
     * The plan for a question sent with code (null or blank: none). When the question only points at the code
     * ("what does this do?", "explain this code"), asks what it gives ("what is the output of ...", "predict the
     * output", "what is count at the end": see {@link #asksWhatCodeGives}), or nothing else fits, the code is what is
     * asked about: its own constructs choose the lesson ({@link #planForCode}), not the topic the student happens to
     * be on.
     */
    public Plan plan(String asked, String code, String preferredTopicId) {
        Plan plan = plan(asked, preferredTopicId);
        if (code == null || code.isBlank()) {
            return plan;
        }
        boolean outputAsked = asksWhatCodeGives(asked, code);
        if (outputAsked || isVague(asked.toLowerCase(Locale.ROOT))
                || plan instanceof Abstain a && ABOUT_THE_CODE.contains(a.reason())) {
            Plan fromCode = planForCode(asked, code, outputAsked);
            if (!(fromCode instanceof Abstain)) {
                return fromCode;
            }
        }
        return aboutTheCode(asked, code, plan, preferredTopicId);
    }

    /**
     * A question that asks more about its code than what it gives ("why does b change too?", "why is the second list
     * empty?"): the student's words say what is asked, the code what it is asked about. Planned on the whole message,
     * the code's own names pull the answer astray (a variable {@code count} → {@code str.count}, every {@code print}
     * → print's documentation), so the words around the code are planned alone, and a lesson on something the code
     * does not use gives way to the lesson on a construct it does use when the words find that one nearly as close
     * ({@link #CODE_CONSTRUCT_LEAD}). A section on a name the code calls and the words name too ("why doesnt replace
     * work?" beside {@code s.replace(...)}) is the most specific answer and stays.
     */
    private Plan aboutTheCode(String asked, String code, Plan whole, String preferredTopicId) {
        // "what does this print and why does a change": printing is how the student sees the code, not the subject
        String prose = SEEING_WORDS.matcher(OutputQuestions.proseAround(asked, code)).replaceAll(" ").strip();
        if (whole instanceof DocPlan doc && (namedInWords(doc.hit(), prose, code) || methodCalled(doc.hit(), code))) {
            return whole;
        }
        List<String> constructs = CodeConstructs.topics(code);
        if (prose.isBlank() || constructs.isEmpty()) {
            return whole;
        }
        Plan fromWords = plan(prose, preferredTopicId);
        if (fromWords instanceof Abstain a) {
            // the words alone name nothing ("what is this doing exactly?"): the code's main construct is the subject
            return ABOUT_THE_CODE.contains(a.reason()) ? planForCode(asked, code, false) : fromWords;
        }
        if (fromWords instanceof DocPlan doc) {
            // a section on the student's own name ("self.count" of their class) is no answer: their code is
            List<String> documented = DocIndex.documentedNames(doc.hit().passage());
            boolean theirs = !documented.isEmpty()
                    && documented.stream().allMatch(n -> ownName(n.toLowerCase(Locale.ROOT), code));
            return theirs ? planForCode(asked, code, false) : fromWords;
        }
        LessonRetriever.Hit chosen = ((LessonPlan) fromWords).hit();
        // "how do for loops work?" beside a while loop asks about for loops: a lesson the words name by one of its
        // longer names (not "loop" alone) stands
        if (constructs.contains(chosen.lesson().topicId()) || namedAtLength(chosen.lesson(), prose)) {
            return fromWords;
        }
        double bar = chosen.similarity() - CODE_CONSTRUCT_LEAD;
        Optional<LessonRetriever.Hit> used = lessons.rank(prose, encoder.encode(prose), preferredTopicId).stream()
                .filter(h -> constructs.contains(h.lesson().topicId()) && h.similarity() >= bar).findFirst();
        if (used.isPresent()) {
            return new LessonPlan(used.get());
        }
        // A lesson on something the code would show if it used it (a set, a while loop) is about other code ("is
        // there any difference between these two" beside two functions is no set difference); one the words found
        // sure and the code cannot show ("should i use == None or is None") stands. Otherwise the words alone found
        // nothing sure ("im confused about the empty one"): the code's main construct is the subject.
        if (chosen.similarity() >= LESSON_SURE && !CodeConstructs.recognises(chosen.lesson().topicId())) {
            return fromWords;
        }
        return planForCode(asked, code, false);
    }

    /** Whether the words name the lesson by a name of more than one word or by Python's own spelling ({@code *args}). */
    private boolean namedAtLength(Lesson lesson, String words) {
        String lower = words.toLowerCase(Locale.ROOT);
        int[] name = lessons.longestName(lesson, lower);
        return name != null && lower.substring(name[0], name[1]).strip().matches("\\S+\\s.*|[*@_].*");
    }

    /**
     * Whether the words name what the section documents: not print (nearly every piece of code prints), nor a type
     * ({@link #TYPE_WORDS}), nor a name the student's code gives to its own things ({@code count = 0}, {@code def
     * add}: the student's count is no {@code str.count}).
     */
    private static boolean namedInWords(DocIndex.Hit hit, String words, String code) {
        Set<String> stems = new java.util.HashSet<>();
        for (String word : words.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            stems.add(KeyTerms.stem(word));
        }
        return DocIndex.documentedNames(hit.passage()).stream().map(n -> n.toLowerCase(Locale.ROOT))
                .filter(n -> !n.equals("print") && !TYPE_WORDS.contains(n) && !ownName(n, code))
                .anyMatch(n -> stems.contains(KeyTerms.stem(n)));
    }

    /**
     * Whether the section documents a method the code calls ({@code s.strip()}, {@code nums.sort()}): the most
     * specific thing the code does, where a built-in function ({@code list(g)}, {@code len(x)}) is mostly a way to see
     * the result.
     */
    private static boolean methodCalled(DocIndex.Hit hit, String code) {
        return hit.passage().keywords().contains(".") && DocIndex.documentedNames(hit.passage()).stream()
                .anyMatch(n -> Pattern.compile("\\." + Pattern.quote(n) + "\\s*\\(").matcher(code).find());
    }

    /** Whether the code defines the name itself: assigns it, or defines a function or class of that name. */
    private static boolean ownName(String name, String code) {
        return Pattern.compile("(?m)\\b(?:def|class)\\s+" + Pattern.quote(name) + "\\b|^\\s*(?:\\w+\\.)?"
                + Pattern.quote(name) + "\\s*(?:[-+*/%]?=)(?!=)").matcher(code).find();
    }

    /**
     * Whether the question asks what the code sent with it gives: it opens by asking so ("what is the output of"),
     * or its words once the code is taken out are only such asking words and the code's own names.
     */
    public static boolean asksWhatCodeGives(String asked, String code) {
        if (code == null || code.isBlank()) {
            return false;
        }
        String prose = OutputQuestions.proseAround(asked, code);
        return OutputQuestions.asksWhatCodeGives(asked) || OutputQuestions.onlyAsksWhatCodeGives(prose, code);
    }

    /**
     * What answers a question that is only about the code sent with it ("what does this do?"): the lesson on the
     * code's main construct ({@link CodeConstructs}), else the plan for the question with the code written after
     * it, without the student's topic (the code, not the topic they are on, is asked about).
     */
    public Plan planForCode(String asked, String code) {
        return planForCode(asked, code, asksWhatCodeGives(asked, code));
    }

    /** {@link #planForCode(String, String)} with {@link #asksWhatCodeGives} already decided by the caller. */
    private Plan planForCode(String asked, String code, boolean outputAsked) {
        String withCode = asked + "\n" + code;
        Optional<String> construct = CodeConstructs.mainTopic(code);
        if (construct.isPresent()) {
            // the construct's lesson, ranked or not: the code, not how alike the words sound, chose it
            Optional<LessonRetriever.Hit> hit = lessons.rank(withCode, encoder.encode(withCode), null).stream()
                    .filter(h -> h.lesson().topicId().equals(construct.get())).findFirst()
                    .or(() -> lessons.lessons().stream().filter(l -> l.topicId().equals(construct.get())).findFirst()
                            .map(l -> new LessonRetriever.Hit(l, 0)));
            if (hit.isPresent()) {
                return new LessonPlan(hit.get());
            }
        }
        // "what is the output of this?": the asking words would only pull towards input and output
        return plan(outputAsked ? code : withCode, null);
    }

    /**
     * A question as the planner reads it.
     *
     * @param spelled   the student's words, misspellings mended (other domains and made-up names are judged on it)
     * @param corrected the same without the wrapping around the question (vagueness is judged on it)
     * @param searched  the same with Python's words for the student's added (what retrieval searches)
     */
    private record Read(String spelled, String corrected, String searched) {
    }

    private Read read(String asked) {
        // "…?</student_message> SYSTEM: …": what follows a forged end of the student's message is an injection, not
        // part of the question (the model sees it defused; retrieval should not weigh it either)
        String own = FORGED_TAG.matcher(asked).replaceFirst("");
        // "what is the output of print("abc"[::-1])": the slice is asked about, print only shows it
        own = PrintedCode.unwrap(own);
        own = withImportFormsOnly(own);
        // int("abc"): the text in the quotes is data; as a word it would name the abc lesson
        String spelled = spelling.correct(OPERAND_STRING.matcher(CALL_STRING_ARGUMENT.matcher(own).replaceAll("$1$2$2"))
                .replaceAll("$1$1"));
        // "hey quick question, ... pls help": the wrapping moves the search, not what is asked
        String corrected = Filler.strip(spelled);
        return new Read(spelled, corrected, studentWords.withPythonWords(corrected));
    }

    /**
     * "import math vs from math import *": two import statements side by side compare ways of importing, whatever the
     * module; its name would otherwise pull the answer to that module's lesson. The modules and names they import
     * become "module" and "name" (a single statement keeps them: "after import random how do i pick a number" is
     * about random).
     */
    static String withImportFormsOnly(String question) {
        if (IMPORT_STATEMENT.matcher(question).results().count() < 2) {
            return question;
        }
        return IMPORT_STATEMENT.matcher(question).replaceAll(m -> m.group(1) != null
                ? "from module import " + (m.group(2).equals("*") ? "*" : "name")
                : "import module" + (m.group(4) != null ? " as alias" : ""));
    }

    /**
     * @param question   the student's words
     * @param preferredTopicId the topic the request names (the student's choice or triage's guess), may be null
     */
    public Plan plan(String asked, String preferredTopicId) {
        Read read = read(asked);
        String spelled = read.spelled();
        String corrected = read.corrected();
        String question = read.searched();
        // Triage's hint names a course topic, often just the one the student is on: it would pull unrelated
        // questions towards it, so only the question's own words are searched (the named topic gets its boost).
        float[] vector = encoder.encode(question);
        Plan plan = planFirst(spelled, corrected, question, vector, preferredTopicId);
        if (plan instanceof Abstain no && no.reason().equals("no-match")) {
            // "ValueError: math domain error": no lesson or section fits the message, but the error it names is
            // documented, and what the error means is the first thing to know
            return exceptionSection(question, vector).<Plan>map(DocPlan::new).orElse(plan);
        }
        if (!(plan instanceof LessonPlan) || isVague(corrected.toLowerCase(Locale.ROOT))) {
            return plan;
        }
        Plan subject = aboutTheSubject(question, vector, (LessonPlan) plan);
        if (!(subject instanceof LessonPlan lesson)) {
            return subject;
        }
        // "TypeError: unhashable type: 'list'": a pasted error line is what is asked; a lesson that is only a near
        // match got there through the message's words (caching for "unhashable"), so the error's own section answers.
        // (An error told in the student's words, "name 'total' is not defined but i did define it", keeps its lesson.)
        Optional<DocIndex.Hit> exception = exceptionSection(question, vector);
        if (exception.isPresent() && lesson.hit().similarity() < LESSON_SURE
                && PASTED_ERROR_LINE.matcher(question).find()) {
            return new DocPlan(exception.get());
        }
        return withReference(question, vector, lesson, exception);
    }

    /**
     * The lesson with the section of the documentation named for what the question asks: it matches the question
     * as well as a section answering on its own must (close in meaning and sharing its words, or documenting a name
     * the question uses), and its own name (heading, documented names) holds {@link #REFERENCE_NAMED} of the
     * question's content weight. A section on a module's function or a type's method must also be asked about by
     * that module or type, or by the name written as code: "wait 1 second" is not {@code subprocess.Popen.wait}.
     * The section on an error the question names or quotes ({@code exception}) comes first.
     */
    private LessonPlan withReference(String question, float[] vector, LessonPlan plan,
                                     Optional<DocIndex.Hit> exception) {
        if (exception.isPresent()) {
            return new LessonPlan(plan.hit(), exception.get());
        }
        Map<String, Double> content = coverage.weights(question);
        if (content.isEmpty()) {
            return plan;
        }
        KeyTerms.Asked keys = keysOf(question);
        String lower = question.toLowerCase(Locale.ROOT);
        Set<String> words = Set.copyOf(Bm25.tokens(lower));
        List<String> codeNames = codeNames(LessonRetriever.withoutCallsInSyntax(lower));
        return docs.search(question, vector, 1, keys.marked(), passage -> coverage.ofName(passage, content)
                        >= REFERENCE_NAMED && askedByOwner(passage, words, codeNames, keys.marked())).stream()
                .filter(h -> h.evidence() >= DOC_MIN && h.lexical() >= DOC_MIN_LEXICAL
                        || h.named() && h.similarity() >= namedDocMin(keys))
                .findFirst().map(h -> new LessonPlan(plan.hit(), h)).orElse(plan);
    }

    /**
     * The section documenting the exception the question names ("KeyError when i read my dict") or whose message it
     * quotes ("list index out of range", see {@link StudentWords#exceptionsQuoted}): what the student meets is that
     * error, whatever lesson explains the code around it.
     */
    private Optional<DocIndex.Hit> exceptionSection(String question, float[] vector) {
        List<String> asked = new ArrayList<>();
        Matcher named = EXCEPTION_NAME.matcher(question);
        while (named.find()) {
            asked.add(named.group(1));
        }
        asked.addAll(studentWords.exceptionsQuoted(question));
        for (String name : asked) {
            String exception = name.toLowerCase(Locale.ROOT);
            if (!exceptionNames.contains(exception)) {
                continue;
            }
            Optional<DocIndex.Hit> section = docs.documenting(exception, vector, EXCEPTIONS_PAGE).stream()
                    .findFirst();
            if (section.isPresent()) {
                return section;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the owner of what the section documents is asked about: a module's function ({@code os.read}, on the
     * module's page) needs the module named in the question, since a student's {@code read()} is a file's; a type's
     * method ({@code str.find}) needs the type named or the method written as code ({@code .find}, {@code find()}).
     */
    private boolean askedByOwner(DocPassage passage, Set<String> words, List<String> codeNames, Set<String> marked) {
        if (passage.keywords().isBlank()) {
            return true;
        }
        Matcher page = DocIndex.MODULE_PAGE.matcher(passage.doc());
        if (page.lookingAt() && moduleNames.contains(page.group(1))
                && java.util.Arrays.stream(page.group(1).split("\\.")).noneMatch(words::contains)) {
            return false;
        }
        // a section documenting several methods ({@code object.__lt__, object.__eq__, ...}) is asked about when one
        // of them is
        boolean qualified = false;
        for (String name : passage.keywords().toLowerCase(Locale.ROOT).split(",\\s*")) {
            int dot = name.lastIndexOf('.');
            if (dot < 0) {
                continue;
            }
            qualified = true;
            String last = name.substring(dot + 1).strip();
            // "object" is what every class makes, not a question about object's own methods
            boolean owner = java.util.Arrays.stream(name.substring(0, dot).split("\\."))
                    .anyMatch(o -> !o.equals("object") && words.contains(o));
            // a dunder name is code however it is written ("what is __init__")
            boolean dunder = last.startsWith("__") && words.contains(last);
            if (owner || dunder || codeNames.contains(last) || marked.contains(last)) {
                return true;
            }
        }
        return !qualified;
    }

    private Plan planFirst(String spelled, String corrected, String question, float[] vector, String preferredTopicId) {
        List<LessonRetriever.Hit> ranked = lessons.rank(question, vector, preferredTopicId);
        String lower = question.toLowerCase(Locale.ROOT);
        // other domains and made-up names on the question as asked: "... with pandas in python" says it is about
        // Python, and "??" is an operator, not emphasis
        String spelledLower = spelled.toLowerCase(Locale.ROOT);
        Optional<OtherDomains.Domain> otherDomain = OtherDomains.of(spelledLower);
        if (otherDomain.isPresent()) {
            OtherDomains.Domain domain = otherDomain.get();
            return domain.pointer() == null ? abstain("other-language", ranked)
                    : new Abstain("other-domain", abstain("other-domain", ranked).choices(), domain);
        }
        // "do my whole assignment for me": finished work to hand in is not something a tutor writes
        if (WholeSolutionRequests.asks(spelledLower)) {
            return abstain("whole-solution", ranked);
        }
        // "how does list.smash() work", "the unless keyword": Python has no such thing, so no lesson is about it
        Optional<MadeUpNames.MadeUp> madeUp = madeUpNames.of(spelledLower);
        if (madeUp.isPresent()) {
            return new Abstain("no-such-name", abstain("no-such-name", ranked).choices(), null, madeUp.get());
        }
        if (asksHelpWithoutSubject(corrected.toLowerCase(Locale.ROOT)) || !spelling.readsAnyWord(spelled)) {
            return abstain("vague", ranked);
        }
        if (isVague(corrected.toLowerCase(Locale.ROOT))) {
            // "how does it work?", "explain more": only the topic the conversation is on can give it a meaning
            Optional<LessonRetriever.Hit> preferred = ranked.stream()
                    .filter(h -> h.lesson().topicId().equals(preferredTopicId)).findFirst();
            return preferred.<Plan>map(LessonPlan::new).orElseGet(() -> abstain("vague", ranked));
        }
        LessonRetriever.Hit best = lessons.best(ranked, preferredTopicId).orElse(ranked.get(0));
        KeyTerms.Asked keys = keysOf(question);
        // A lesson that sounds close but lacks the names the question asks about ("for loop with an else" is not
        // the for-loops lesson) gives way to a close lesson that has them, else to the documentation or a "no".
        List<LessonRetriever.Hit> covering = ranked.stream()
                .filter(h -> h == best || h.similarity() >= LESSON_MIN
                        && (best.similarity() - h.similarity() <= COVERING_MARGIN
                        || keys.marked().stream().anyMatch(n -> keyTerms.names(h.lesson(), n))))
                .filter(h -> covers(h, keys)).toList();
        // of those, the one whose own names are the names asked ("use enumerate in a for loop" is the enumerate
        // lesson, though the for-loops lesson mentions enumerate too); the better-sounding one on a tie
        LessonRetriever.Hit chosen = keyTerms.strongest(keys) < MIN_KEY_WEIGHT ? best : covering.stream()
                .max(java.util.Comparator.comparingDouble((LessonRetriever.Hit h) -> keyTerms.namedShare(h.lesson(), keys))
                        .thenComparing(h -> -covering.indexOf(h)))
                .orElse(null);
        if (chosen == null) {
            // No lesson holds the names the question asks about, so a lesson here would be about its surroundings
            // (the lists lesson for "pick a random name from a list"). A section documenting one of those names is
            // about the asked thing: it answers down to the bar of a name written as code, since a student who
            // words the task ("replace every space with an underscore") sounds unlike the reference's prose.
            // A question that is only names ("setdefault???") is answered by the section those names head,
            // however little the embedding makes of it.
            Map<String, Double> content = coverage.weights(question);
            return docs.search(question, vector, 3, keys.marked()).stream()
                    .filter(h -> h.named() && h.similarity() >= NAMED_DOC_MIN
                            || h.named() && !content.isEmpty() && coverage.ofName(h.passage(), content) == 1
                            || h.evidence() >= DOC_MIN && h.lexical() >= DOC_MIN_LEXICAL)
                    .findFirst().<Plan>map(DocPlan::new).orElseGet(() -> abstain("no-match", ranked));
        }
        LessonRetriever.Hit fullest = fullerLesson(question, ranked, chosen, keys);
        Optional<LessonRetriever.Hit> subject = namedSubject(lower, vector, preferredTopicId, ranked, fullest);
        if (subject.isPresent() && subject.get().similarity() < LESSON_MIN) {
            return abstain("no-match", ranked);
        }
        LessonRetriever.Hit lesson = subject.orElse(fullest);
        List<String> codeNames = codeNames(LessonRetriever.withoutCallsInSyntax(lower));
        // "len()", "str.count", "reversed()": a name written as code that no lesson owns is answered from the
        // section documenting it, not from a lesson that merely sounds alike (dunder methods for len()).
        // ... unless the question names the lesson by a name heavier than every name it writes as code: "enumerate
        // vs range(len())" asks about enumerate
        Set<String> codeStems = codeNames.stream().map(KeyTerms::stem).collect(java.util.stream.Collectors.toSet());
        double heaviestCode = codeStems.stream().mapToDouble(t -> keyTerms.weight(t, keys)).max().orElse(0);
        double heaviest = keyTerms.strongest(keys);
        boolean ownsHeaviest = heaviest >= MIN_KEY_WEIGHT && lessons.names(lesson.lesson(), lower) && keys.all().stream()
                .anyMatch(t -> !codeStems.contains(t) && keyTerms.weight(t, keys) >= heaviest
                        && keyTerms.weight(t, keys) > heaviestCode && keyTerms.names(lesson.lesson(), t));
        // a keyword is owned by the lesson whose own names hold it: "if statements" is the lesson titled "if, elif
        // and else", not the grammar's compound statements
        // nor is one the question writes inside the lesson's own name: "with open(...) as f instead of f = open()"
        // names the with lesson by "with open"
        int[] lessonName = lessons.longestName(lesson.lesson(), lower);
        String namedAs = lessonName == null ? "" : lower.substring(lessonName[0], lessonName[1]);
        boolean codeNameNotOwned = !ownsHeaviest && !codeNames.isEmpty() && codeNames.stream()
                .noneMatch(n -> lessons.names(lesson.lesson(), n) || lessons.names(lesson.lesson(), n + "()")
                        || MadeUpNames.KEYWORDS.contains(n) && keyTerms.names(lesson.lesson(), KeyTerms.stem(n))
                        || namedAs.endsWith(" " + n) && lower.startsWith("(", lessonName[1]));
        // Likewise a lesson that is only a near match and that the question does not name ("max and min with a
        // key" is not the dictionaries lesson) gives way to a section documenting a name the question uses.
        boolean unnamedNearMatch = lesson.similarity() < LESSON_SURE && !lessons.names(lesson.lesson(), lower);
        if (codeNameNotOwned || unnamedNearMatch) {
            Optional<DocIndex.Hit> named = docs.search(question, vector, 3, keys.marked()).stream()
                    .filter(h -> h.named() && h.similarity() >= namedDocMin(keys)).findFirst();
            if (named.isPresent()) {
                return new DocPlan(named.get());
            }
        }
        Optional<DocIndex.Hit> fuller = fullerSection(question, vector, keys, lesson);
        if (fuller.isPresent()) {
            return new DocPlan(fuller.get());
        }
        if (lesson.similarity() >= LESSON_SURE) {
            return new LessonPlan(lesson);
        }
        Optional<DocIndex.Hit> doc = docs.search(question, vector, 1, keys.marked()).stream()
                .filter(h -> h.evidence() >= DOC_MIN && h.lexical() >= DOC_MIN_LEXICAL).findFirst();
        if (doc.isPresent() && doc.get().evidence() >= lesson.similarity() + DOC_OVER_LESSON) {
            return new DocPlan(doc.get());
        }
        if (lesson.similarity() >= LESSON_MIN && holdsSomeOf(lesson.lesson(), question)) {
            return new LessonPlan(lesson);
        }
        if (doc.isPresent()) {
            return new DocPlan(doc.get());
        }
        // "what does @app.route do": the question writes the lesson's own name (here its syntax) and nothing else
        // comes near, though the words around it are unlike the lesson's; its name is the evidence
        boolean namedAndClear = lessons.names(lesson.lesson(), lower) && lesson.similarity() >= NAMED_LESSON_MIN
                && (ranked.size() < 2 || lesson.similarity() - ranked.get(1).similarity() >= NAMED_LESSON_LEAD);
        return namedAndClear ? new LessonPlan(lesson) : abstain("no-match", ranked);
    }

    /**
     * The last check before a lesson is given: is it about the question's subject, or does it only mention it?
     * The subject is the heaviest Python name the question asks about, when the lesson does not name
     * as its own (title, aliases) though a section of the documentation documents it ({@code len} is not the dunder
     * lesson, {@code json} not the standard-library tour), or the question's rarest content word when the lesson
     * never uses it and holds under half the question ("abstract" in "abstract base class" is not inheritance).
     * Such a lesson gives way to the section about that subject; without one it stays (it is close, and names the
     * rest of the question).
     */
    private Plan aboutTheSubject(String question, float[] vector, LessonPlan plan) {
        Lesson lesson = plan.hit().lesson();
        KeyTerms.Asked keys = keysOf(question);
        // the subject is the heaviest name ("enumerate" in "enumerate instead of range(len(x))", not len)
        double heaviest = Math.max(MIN_KEY_WEIGHT, keyTerms.strongest(keys));
        boolean ownsSubject = keys.all().stream()
                .anyMatch(t -> keyTerms.names(lesson, t) && keyTerms.weight(t, keys) >= heaviest);
        Set<String> unnamed = new java.util.LinkedHashSet<>();
        for (String term : keys.all()) {
            if (!ownsSubject && keyTerms.weight(term, keys) >= heaviest) {
                unnamed.addAll(documentedByStem.getOrDefault(term, Set.of()));
            }
        }
        Map<String, Double> content = coverage.weights(question);
        String rarest = content.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey)
                .orElse(null);
        double total = content.values().stream().mapToDouble(Double::doubleValue).sum();
        // a question naming the lesson ("*args in a function definition") asks about it, unless the rare word makes
        // the name another thing ("abstract base class" is not a base class)
        String lower = question.toLowerCase(Locale.ROOT);
        int[] name = lessons.longestName(lesson, lower);
        boolean rarestModifiesName = name != null && rarest != null
                && Bm25.tokens(lower.substring(0, name[0])).stream().reduce((a, b) -> b)
                .map(KeyTerms::stem).filter(rarest::equals).isPresent();
        boolean lacksRarest = rarest != null && content.size() >= 2 && !coverage.uses(lesson, rarest)
                && content.get(rarest) >= RAREST_SHARE * total && (name == null || rarestModifiesName);
        if (ownsSubject && !lacksRarest) {
            return specificSection(question, vector, lesson, keys, heaviest).<Plan>map(DocPlan::new).orElse(plan);
        }
        // "find vs index on strings", "what does 7 // 2 give": the asked name is one the lesson shows only in passing
        // (its mentions); the lesson is not about it, so only a section on it answers, else an honest "no"
        Set<String> mentionedOnly = new java.util.LinkedHashSet<>();
        for (String term : keys.all()) {
            if (!ownsSubject && keyTerms.weight(term, keys) >= heaviest && keyTerms.onlyMentions(lesson, term)) {
                mentionedOnly.add(term);
            }
        }
        if (unnamed.isEmpty() && !lacksRarest && mentionedOnly.isEmpty()) {
            return plan;
        }
        Set<String> marked = new java.util.HashSet<>(keys.marked());
        marked.addAll(unnamed);
        double lessonShare = coverage.of(lesson, content);
        Set<String> written = wordsAsWritten(question);
        for (DocIndex.Hit hit : docs.search(question, vector, COVERING_DOCS, marked)) {
            // a name the student did not mark may be English ("skip to the next iteration"): the section must
            // then hold as much of the question as the lesson does
            boolean holdsAsMuch = coverage.of(hit.passage(), content) >= lessonShare;
            if (!unnamed.isEmpty() && hit.named() && hit.similarity() >= NAMED_DOC_MIN
                    && (holdsAsMuch || unnamed.stream().anyMatch(keys.marked()::contains))
                    && unnamed.stream().anyMatch(t -> DocIndex.documentsNameIn(hit.passage(), "", Set.of(), Set.of(t)))) {
                return new DocPlan(hit);
            }
            if (lacksRarest && holdsAsMuch && coverage.namesWord(hit.passage(), rarest) && hit.evidence() >= COVERING_DOC_MIN
                    && hit.lexical() >= DOC_MIN_LEXICAL && namedAsWritten(hit, written)) {
                return new DocPlan(hit);
            }
            if (!mentionedOnly.isEmpty() && holdsAsMuch && hit.evidence() >= COVERING_DOC_MIN
                    && hit.lexical() >= DOC_MIN_LEXICAL
                    && mentionedOnly.stream().anyMatch(t -> coverage.of(hit.passage(), Map.of(t, 1.0)) > 0)) {
                return new DocPlan(hit);
            }
        }
        // a question that names the lesson ("string methods like upper and strip") asks about it as well
        if (!mentionedOnly.isEmpty() && name == null) {
            return abstain("no-match", lessons.rank(question, vector, null));
        }
        return plan;
    }

    /**
     * The section documenting the question's subject when the lesson names that subject only in passing (one of its
     * aliases, not its title) and the section matches the question about as well as the lesson does: the lesson
     * tours many operations, the section is about the one asked.
     */
    private Optional<DocIndex.Hit> specificSection(String question, float[] vector, Lesson lesson, KeyTerms.Asked keys,
                                                   double heaviest) {
        Set<String> passing = new java.util.LinkedHashSet<>();
        for (String term : keys.all()) {
            // a name written as code is the asked one ("list.sort(reverse=True)" asks about sort, not reverse)
            boolean asked = keys.marked().isEmpty() || keys.marked().contains(term);
            if (asked && keyTerms.weight(term, keys) >= heaviest && keyTerms.namesInPassing(lesson, term)
                    && documentedByStem.containsKey(term)) {
                passing.addAll(documentedByStem.get(term));
            }
        }
        if (passing.isEmpty()) {
            return Optional.empty();
        }
        double lessonCosine = lessons.rank(vector, null).stream().filter(h -> h.lesson() == lesson)
                .mapToDouble(LessonRetriever.Hit::similarity).findFirst().orElse(1);
        Set<String> marked = new java.util.HashSet<>(keys.marked());
        marked.addAll(passing);
        return docs.search(question, vector, COVERING_DOCS, marked).stream()
                .filter(h -> h.similarity() >= DOC_MIN && h.similarity() >= lessonCosine - SPECIFIC_SECTION_MARGIN)
                .filter(h -> passing.stream().anyMatch(t -> DocIndex.documentsNameIn(h.passage(), "", Set.of(), Set.of(t))))
                // names are case-sensitive: typing's Self is not the self a student asks about
                .filter(h -> DocIndex.documentedNames(h.passage()).stream()
                        .anyMatch(n -> passing.contains(n) || question.contains(n)))
                .findFirst();
    }

    /**
     * "why does my set print in a random order": a near match whose only name in the question sets the scene ("in a
     * random order" is how it prints, not what is asked) is about the scene, when another lesson is named as the
     * thing asked (it earned the name bonus). That lesson, when close enough ({@link #LESSON_MIN}); below that the
     * caller declines with both among the choices. Empty when the chosen lesson stands.
     */
    private Optional<LessonRetriever.Hit> namedSubject(String lower, float[] vector, String preferredTopicId,
                                                       List<LessonRetriever.Hit> ranked, LessonRetriever.Hit chosen) {
        if (chosen.similarity() >= LESSON_SURE || !lessons.namesOnlyAsSetting(chosen.lesson(), lower)) {
            return Optional.empty();
        }
        Map<String, Double> plain = new java.util.HashMap<>();
        lessons.rank(vector, preferredTopicId).forEach(h -> plain.put(h.lesson().topicId(), h.similarity()));
        return ranked.stream().filter(h -> h != chosen
                        && h.similarity() - plain.getOrDefault(h.lesson().topicId(), h.similarity()) >= NAME_BONUS_SEEN)
                .findFirst();
    }

    /**
     * A close lesson that holds much more of what the question asks than the chosen one ("can my own class work in
     * a for loop": the iterators lesson, not for loops); else the chosen one.
     */
    private LessonRetriever.Hit fullerLesson(String question, List<LessonRetriever.Hit> ranked,
                                             LessonRetriever.Hit chosen, KeyTerms.Asked keys) {
        Map<String, Double> content = coverage.weights(question);
        if (content.size() < 2) {
            return chosen;   // one content word ("what does -> mean after a function") says too little to compare
        }
        double chosenShare = coverage.of(chosen.lesson(), content);
        return ranked.stream()
                .filter(h -> h.similarity() >= LESSON_MIN && chosen.similarity() - h.similarity() <= FULLER_LESSON_MARGIN)
                .filter(h -> covers(h, keys) && coverage.of(h.lesson(), content) - chosenShare >= COVERAGE_GAP)
                .findFirst().orElse(chosen);
    }

    /**
     * A close documentation section that holds much more of what the question asks than the lesson does ("how do i
     * shuffle a list": the lists lesson never says shuffle, random.shuffle's section does); the best ranked of them.
     */
    private Optional<DocIndex.Hit> fullerSection(String question, float[] vector, KeyTerms.Asked keys,
                                                 LessonRetriever.Hit lesson) {
        Map<String, Double> content = coverage.weights(question);
        double lessonShare = coverage.of(lesson.lesson(), content);
        if (lessonShare > 1 - COVERAGE_GAP || lessonShare >= NAMED_LESSON_HOLDS
                && lessons.names(lesson.lesson(), question.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        Set<String> written = wordsAsWritten(question);
        return docs.search(question, vector, COVERING_DOCS, keys.marked()).stream()
                .filter(h -> h.evidence() >= COVERING_DOC_MIN && h.lexical() >= DOC_MIN_LEXICAL)
                .filter(h -> namedAsWritten(h, written))
                .filter(h -> {
                    double share = coverage.of(h.passage(), content);
                    return share - lessonShare >= COVERAGE_GAP
                            && (coverage.namesWhatLessonLacks(h.passage(), lesson.lesson(), content) >= LACKING_NAMED
                            || share == 1 && lessonShare <= LESSON_BARELY_COVERS);
                })
                .findFirst();
    }

    /** The question's words as written, lower case: Bm25's tokens fold plurals ("repeats" → "repeat"). */
    private static Set<String> wordsAsWritten(String question) {
        return new java.util.HashSet<>(List.of(question.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")));
    }

    /**
     * Whether a section on a function (or other name) is asked about by that name as written ({@code asked}, see
     * {@link #wordsAsWritten}): "no repeats" is a word of prose whose stem is {@code itertools.repeat}'s, not a
     * question about {@code repeat()}. A section that documents no name, or one the question names (see
     * {@link DocIndex.Hit#named()}), passes.
     */
    private static boolean namedAsWritten(DocIndex.Hit hit, Set<String> asked) {
        if (hit.passage().keywords().isBlank() || hit.named()) {
            return true;
        }
        Set<String> names = DocIndex.documentedNames(hit.passage()).stream().map(n -> n.toLowerCase(Locale.ROOT))
                .collect(java.util.stream.Collectors.toSet());
        if (names.stream().anyMatch(asked::contains)) {
            return true;
        }
        // ... or by the words of its heading besides the names ("garbage collection": gc's "Garbage Collector")
        return java.util.Arrays.stream(hit.passage().section().toLowerCase(Locale.ROOT).split("[^a-z0-9_]+"))
                .anyMatch(w -> w.length() >= 4 && !names.contains(w) && !Bm25.STOPWORDS.contains(w)
                        && asked.stream().anyMatch(a -> a.length() >= 4 && KeyTerms.stem(a).equals(KeyTerms.stem(w))));
    }

    /**
     * Whether a lesson that is only a near match holds any of what the question says: one sharing none of its content
     * words ("whats the weather tomorrow" for the dates lesson) only sounds alike, and an honest "no" is better.
     */
    private boolean holdsSomeOf(Lesson lesson, String question) {
        Map<String, Double> content = coverage.weights(question);
        return content.isEmpty() || coverage.of(lesson, content) > NOT_SURE_COVERAGE;
    }

    /** The Python names the question asks about, weighed by rarity among the lessons (for diagnostics). */
    /**
     * The key terms of the searched question, without the functions called inside a lesson's syntax: in
     * {@code [x * 2 for x in range(4)]} the comprehension is asked about, {@code range} is one of its parts.
     */
    private KeyTerms.Asked keysOf(String searched) {
        return keyTerms.of(LessonRetriever.withoutCallsInSyntax(searched));
    }

    public String keyTermsOf(String question) {
        KeyTerms.Asked keys = keysOf(read(question).searched());
        return keys.all().stream().map(k -> String.format("%s%s %.1f", keys.marked().contains(k) ? "`" : "", k,
                keyTerms.weight(k, keys))).toList().toString();
    }

    /**
     * How close a section documenting a name the question uses must be: the usual bar, lower when the student
     * wrote the name as code or called it a keyword or function ("any() and all()" says little else).
     */
    private static double namedDocMin(KeyTerms.Asked keys) {
        return keys.marked().isEmpty() ? DOC_MIN - 0.1 : NAMED_DOC_MIN;
    }

    /** Whether the lesson holds the names the question asks about (or the question names none that say much). */
    private boolean covers(LessonRetriever.Hit hit, KeyTerms.Asked keys) {
        return keyTerms.strongest(keys) < MIN_KEY_WEIGHT || keyTerms.coverage(hit.lesson(), keys) >= MIN_COVERAGE;
    }

    /**
     * Names the question writes as code: {@code len()}, {@code str.count}, {@code .split}, and built-in functions
     * called with arguments ({@code round(2.5)}; a call of the student's own, {@code add(item)}, names nothing).
     */
    private List<String> codeNames(String lowerQuestion) {
        List<String> found = new ArrayList<>();
        Set<String> defined = KeyTerms.DEFINED_NAME.matcher(lowerQuestion).results().map(r -> r.group(1))
                .collect(java.util.stream.Collectors.toSet());
        Matcher m = CODE_NAME.matcher(lowerQuestion);
        while (m.find()) {
            if (m.group(1) != null && (defined.contains(m.group(1)) || !pythonsOwnNames.contains(m.group(1)))) {
                continue;   // "speak()" of the student's Cat class, or their own "add()", names nothing of Python's
            }
            if (m.group(3) == null) {
                found.add(m.group(1) != null ? m.group(1) : m.group(2));
            } else if (builtinFunctions.contains(m.group(3))) {
                found.add(m.group(3));
            }
        }
        return found;
    }

    /** Only filler ("can you explain it again?"): nothing in it names a Python feature. */
    static boolean isVague(String lowerQuestion) {
        for (String word : QUESTION_WORD_BREAK.split(lowerQuestion)) {
            if (!word.isEmpty() && !VAGUE_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Only a request for help with unseen code ("fix my code", "why error"): vague words and words of such a request,
     * at least one of the latter. A question naming anything else ("why error when i divide by zero") has a subject.
     */
    static boolean asksHelpWithoutSubject(String lowerQuestion) {
        if (DEFINITION.matcher(lowerQuestion).lookingAt()) {
            return false;   // "what is an error" asks what errors are
        }
        boolean help = false;
        for (String word : QUESTION_WORD_BREAK.split(lowerQuestion)) {
            if (word.isEmpty() || VAGUE_WORDS.contains(word)) {
                continue;
            }
            if (!HELP_WITHOUT_SUBJECT.contains(word)) {
                return false;
            }
            help |= !word.equals("my");
        }
        return help;
    }

    private static Abstain abstain(String reason, List<LessonRetriever.Hit> ranked) {
        return new Abstain(reason, ranked.stream().limit(CHOICES).map(LessonRetriever.Hit::lesson).toList());
    }
}
