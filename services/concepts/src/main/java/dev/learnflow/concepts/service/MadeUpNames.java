package dev.learnflow.concepts.service;

import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Python features the question claims exist but Python does not have: a method of a built-in type or standard
 * module written as code ({@code list.smash()}, {@code math.sqroot}), a keyword ("the unless keyword"), a decorator or
 * a built-in function said to be Python's ("the python @autoclose decorator", "the built in sqroot() function"), or a
 * module nobody documents ("the frobnicate module"). Checked against what the documentation index documents, the
 * built-ins, the lessons' names and Python's keywords; such a question gets an honest "Python has no such thing"
 * with the nearest real names, never a lesson that merely sounds alike.
 */
public final class MadeUpNames {

    /** Python's keywords and soft keywords ({@code keyword.kwlist}, {@code keyword.softkwlist}). */
    static final Set<String> KEYWORDS = Set.of("false", "none", "true", "and", "as", "assert", "async", "await",
            "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
            "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
            "with", "yield", "match", "case", "type", "_");
    /** A module page documenting fewer names than this is not taken as the list of the module's functions. */
    private static final int MODULE_PAGE_MEMBERS = 3;
    /** Receivers whose members the index lists one by one (help() of the built-in types). */
    private static final Set<String> BUILTIN_TYPES = Set.of("str", "list", "dict", "set", "frozenset", "tuple",
            "int", "float", "bytes");
    /** Words before "keyword" that are not a claimed keyword ("the python keyword", "a reserved keyword"). */
    private static final Set<String> NOT_A_NAME = Set.of("python", "a", "an", "the", "this", "that", "reserved",
            "special", "new", "which", "what", "some", "same", "any", "each", "every", "other", "s", "my", "its",
            "argument", "arguments", "only", "default", "magic", "built", "in", "use", "using", "ignore", "another");

    private static final Pattern MEMBER = Pattern.compile("(?<![\\w.])([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\\b");
    /**
     * "the unless keyword", "the python 'then' keyword", "python's built-in unless keyword", "'foreach' keyword" (not
     * "keyword arguments"): words that only say the name is Python's own may stand before it.
     */
    private static final Pattern KEYWORD = Pattern.compile(
            "(?:\\b(?:the|a|an|python'?s?)\\s+(?:(?:python|built[- ]?in|builtin|reserved|special|own)\\s+){0,2}['\"`]?|['\"`])"
                    + "([a-z_][a-z0-9_]*)['\"`]?\\s+keyword\\b");
    /**
     * "the built-in sqroot() function", "python's built in function called loopback()", "the python @autoclose
     * decorator", "the built-in repeatwhile statement": a name said to be Python's own function or statement.
     */
    private static final Pattern CLAIMED_CALL = Pattern.compile(
            "(?:built[- ]?in|python'?s?|standard)\\s+(?:function\\s+(?:(?:called|named)\\s+)?)?['\"`]?@?([a-z_][a-z0-9_]*)"
                    + "(?:\\(\\)|['\"`]?\\s+(?:function|decorator|method|(statement|loop))s?\\b)");
    /** "the python keyword `unless`", "a keyword called unless": the claimed keyword after the word. */
    private static final Pattern KEYWORD_AFTER = Pattern.compile(
            "\\bkeyword\\s+(?:(?:called|named)\\s+['\"`]?|['\"`])([a-z_][a-z0-9_]*)\\b");
    /**
     * "why is there no ++ operator", "python doesn't have a do-while loop": the student says Python lacks it, so
     * nothing made up is claimed (the question asks what Python has instead).
     */
    private static final Pattern SAID_MISSING = Pattern.compile(
            "\\b(?:no|not|without|lacks?|missing|doesn'?t|does not|don'?t|isn'?t|aren'?t|there'?s no)\\s+(?:\\S+\\s+){0,3}$");
    /** Words that claim a name is Python's own rather than the student's. */
    private static final Pattern SAID_TO_BE_PYTHONS = Pattern.compile(
            "python|standard librar|stdlib|built[- ]?in");
    private static final Pattern DECORATOR = Pattern.compile("(?<![\\w.])@([a-z_][a-z0-9_]*)\\b(?!\\.)");
    /** "the @memo_forever decorator from functools": a decorator said to come from a standard module. */
    private static final Pattern DECORATOR_FROM = Pattern.compile(
            "(?<![\\w.])@([a-z_][a-z0-9_]*)\\b(?!\\.)[^.?!]{0,30}?\\b(?:from|in|of)\\s+(?:the\\s+)?([a-z_][a-z0-9_]*)\\b");
    /** "the ?? operator", "&& operator", "the === operator": operators of other languages that Python lacks. */
    private static final Pattern FOREIGN_OPERATOR = Pattern.compile(
            "(?<![=!<>?&|+-])(\\?\\?=?|\\?\\.|<=>|===|!==|&&|\\|\\||\\+\\+|--)(?![=&|+-])\\s*(?:[\\w-]+\\s+){0,2}operators?\\b");
    private static final Pattern MODULE = Pattern.compile(
            "\\b(?:the|python'?s?)\\s+(?:(?:stdlib|standard(?: library)?|built[- ]?in)\\s+)?['\"`]?([a-z_][a-z0-9_]*)['\"`]?"
                    + "\\s+(?:modul|module|library)\\b|\\bimport\\s+(?!(?:the|a|an|my)\\b)([a-z_][a-z0-9_]*)");
    /**
     * Control words of other languages that Python lacks, said to be a statement or loop ("python's unless
     * statement", "the until loop", "a foreach loop", Scratch's and Lua's "repeat loop", C's "do-while loop"), or a
     * snake_case name said to be one ("the repeat_until loop").
     */
    private static final Pattern FOREIGN_STATEMENT = Pattern.compile(
            "(?:\\b(unless|until|foreach|elsif|elseif|goto|repeat[ _-]until|do[ _-]until|repeat|do[_-]while)"
                    + "|\\b(?:the|a|an|python'?s?)\\s+([a-z]+_[a-z0-9_]+))['\"`]?\\s+(?:statements?|loops?|blocks?|clauses?)\\b");

    /** What the question names that Python lacks, and real names near it. */
    public record MadeUp(String name, String kind, List<String> nearest) {
    }

    private final Set<String> qualified;
    private final Set<String> names;
    private final Set<String> documented;
    private final Set<String> vocabulary;
    private final Set<String> modules;
    private final Set<String> builtins;
    private final java.util.Map<String, Set<String>> moduleMembers;

    /**
     * @param qualified  the documented names as written ({@code str.upper}, {@code math.sqrt}), lower case
     * @param names      every name Python or the lessons know (documented names' last part, built-ins, aliases)
     * @param vocabulary every word the documentation uses
     * @param modules    the standard modules the documentation documents
     * @param documented the names Python's documentation documents (not the lessons' words): a built-in type's
     *                   member must be one of them ("flatten a list" in a lesson does not make list.flatten() real)
     * @param builtins   the built-in functions and types ({@code print}, {@code len}, {@code object})
     * @param moduleMembers what each standard module's own page documents, by the name's last part
     */
    public MadeUpNames(Collection<String> qualified, Collection<String> names, Collection<String> vocabulary,
                       Collection<String> modules, Collection<String> documented, Collection<String> builtins,
                       java.util.Map<String, Set<String>> moduleMembers) {
        this.builtins = Set.copyOf(lower(builtins));
        this.moduleMembers = java.util.Map.copyOf(moduleMembers);
        this.qualified = Set.copyOf(qualified);
        this.documented = Set.copyOf(lower(documented));
        this.names = new HashSet<>(names);
        this.names.addAll(KEYWORDS);
        this.vocabulary = Set.copyOf(vocabulary);
        Set<String> prefixes = new HashSet<>();
        for (String q : qualified) {
            int dot = q.indexOf('.');
            if (dot > 0 && qualified.stream().filter(o -> o.startsWith(q.substring(0, dot + 1))).limit(5).count() >= 5) {
                prefixes.add(q.substring(0, dot));
            }
        }
        prefixes.addAll(modules);
        this.modules = Set.copyOf(prefixes);
    }

    /** The first made-up Python feature the question names, if any. */
    public Optional<MadeUp> of(String lowerQuestion) {
        Matcher m = MEMBER.matcher(lowerQuestion);
        while (m.find()) {
            String receiver = m.group(1);
            String member = m.group(2);
            boolean listedOneByOne = BUILTIN_TYPES.contains(receiver) || modules.contains(receiver);
            // a member documented elsewhere ("dict.get" under its own heading) or used as a word anywhere in the
            // documentation may be real: only a name nobody documents is made up. A built-in type's member written as
            // a call ("list.contains(x)") claims to be that type's method, which help() lists: the word documented
            // elsewhere (operator.contains) does not make it one
            boolean call = lowerQuestion.startsWith("(", m.end());
            // likewise a module's function written as a call ("random.between(1, 10)") must be one its page
            // documents: "between" being an English word the documentation uses does not make it random's
            Set<String> pageMembers = moduleMembers.getOrDefault(receiver, Set.of());
            boolean known = BUILTIN_TYPES.contains(receiver) ? !call && documented.contains(member)
                    : call && pageMembers.size() >= MODULE_PAGE_MEMBERS ? pageMembers.contains(member)
                    : !unknownWord(member);
            if (listedOneByOne && !member.startsWith("__") && !qualified.contains(receiver + "." + member) && !known) {
                return Optional.of(new MadeUp(receiver + "." + member, BUILTIN_TYPES.contains(receiver) ? "method"
                        : "function", nearest(member, membersOf(receiver), receiver + ".")));
            }
        }
        for (Pattern keyword : List.of(KEYWORD, KEYWORD_AFTER)) {
            m = keyword.matcher(lowerQuestion);
            while (m.find()) {
                String word = m.group(1);
                if (!NOT_A_NAME.contains(word) && !looselyAKeyword(word) && !saidMissing(lowerQuestion, m.start())) {
                    return Optional.of(new MadeUp(word, "keyword", nearest(word, KEYWORDS, "")));
                }
            }
        }
        m = CLAIMED_CALL.matcher(lowerQuestion);
        while (m.find()) {
            // a statement or loop may be named by an English word ("python's game loop"): only a word the
            // documentation never uses is claimed
            boolean statement = m.group(2) != null;
            if (!names.contains(m.group(1)) && !NOT_A_NAME.contains(m.group(1))
                    && (!statement || unknownWord(m.group(1))) && !saidMissing(lowerQuestion, m.start())) {
                return Optional.of(new MadeUp(m.group(1), "built-in", nearest(m.group(1), names, "")));
            }
        }
        m = FOREIGN_STATEMENT.matcher(lowerQuestion);
        while (m.find()) {
            String word = (m.group(1) != null ? m.group(1) : m.group(2)).replaceAll("[ _-]", "_");
            // another language's control word is never Python's, though a lesson may use it as English ("loop
            // until" names the while loop; itertools has a repeat): only a keyword would make it real
            boolean foreign = m.group(1) != null && !KEYWORDS.contains(word);
            if ((foreign || !names.contains(word) && (!word.contains("_") || unknownWord(word)))   // names holds the keywords
                    && !saidMissing(lowerQuestion, m.start())) {
                return Optional.of(new MadeUp(word, "keyword", nearest(word, KEYWORDS, "")));
            }
        }
        m = DECORATOR.matcher(lowerQuestion);
        while (m.find()) {
            // a decorator of the student's own is unknown too: only one said to be Python's is made up
            if (SAID_TO_BE_PYTHONS.matcher(lowerQuestion).find() && unknownWord(m.group(1))) {
                return Optional.of(new MadeUp("@" + m.group(1), "decorator", nearest(m.group(1), names, "@")));
            }
        }
        m = DECORATOR_FROM.matcher(lowerQuestion);
        while (m.find()) {
            String decorator = m.group(1);
            String module = m.group(2);
            if (modules.contains(module) && !qualified.contains(module + "." + decorator) && unknownWord(decorator)) {
                return Optional.of(new MadeUp("@" + module + "." + decorator, "decorator",
                        nearest(decorator, membersOf(module), "@" + module + ".")));
            }
        }
        m = FOREIGN_OPERATOR.matcher(lowerQuestion);
        if (m.find() && !saidMissing(lowerQuestion, m.start())) {
            return Optional.of(new MadeUp(m.group(1), "operator", List.of()));
        }
        m = MODULE.matcher(lowerQuestion);
        while (m.find()) {
            String module = m.group(1) != null ? m.group(1) : m.group(2);
            if (!NOT_A_NAME.contains(module) && unknownWord(module)) {
                return Optional.of(new MadeUp(module, "module", nearest(module, modules, "")));
            }
        }
        return Optional.empty();
    }

    /** Whether the words just before a claimed name say Python lacks it ("why is there no ++ operator"). */
    private static boolean saidMissing(String lowerQuestion, int start) {
        return SAID_MISSING.matcher(lowerQuestion.substring(Math.max(0, start - 40), start)).find();
    }

    /** The documented members of a built-in type or module, without the receiver ("upper" for str.upper). */
    private List<String> membersOf(String receiver) {
        String prefix = receiver + ".";
        Set<String> members = new java.util.TreeSet<>(moduleMembers.getOrDefault(receiver, Set.of()));
        qualified.stream().filter(q -> q.startsWith(prefix)).map(q -> q.substring(prefix.length()))
                .forEach(members::add);
        return List.copyOf(members);
    }

    /**
     * Whether a word a student calls a keyword is one, or a name students loosely call one: a built-in ("the print
     * keyword", "the super keyword"), {@code self}/{@code cls}, a dunder name or a method of a built-in type. Another
     * documented name is not ("the repeat keyword" is no keyword though itertools has a repeat), nor a lesson's word.
     */
    private boolean looselyAKeyword(String word) {
        return KEYWORDS.contains(word) || builtins.contains(word) || word.equals("self") || word.equals("cls")
                || word.startsWith("__") || BUILTIN_TYPES.stream().anyMatch(t -> qualified.contains(t + "." + word));
    }

    /** Neither a name nor a word the documentation uses anywhere. */
    private boolean unknownWord(String word) {
        return !names.contains(word) && !vocabulary.contains(word);
    }

    /** Up to three real names close in spelling (edit distance at most half the name's length), nearest first. */
    static List<String> nearest(String name, Collection<String> candidates, String prefix) {
        return candidates.stream().filter(c -> c.length() > 1 && !c.startsWith("_"))
                .filter(c -> Spelling.distance(name, c, 99) <= Math.max(2, name.length() / 2)
                        || c.length() >= 4 && (name.contains(c) || c.contains(name)))
                .distinct()
                .sorted(Comparator.comparingInt((String c) -> Spelling.distance(name, c, 99)).thenComparing(c -> c))
                .limit(3).map(c -> prefix + c).toList();
    }

    /** Lower-cases a name list for the constructor. */
    static List<String> lower(Collection<String> names) {
        return names.stream().map(n -> n.toLowerCase(Locale.ROOT).strip()).toList();
    }
}
