package dev.learnflow.concepts.service;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Mends misspelt names of Python concepts in a question ("enumrate", "dictionery", "comprhension", "tupel") before it
 * is searched: the sentence model splits an unknown word into pieces that no longer mean the concept, and a lesson's
 * own names match whole words only. A word is only mended when neither the lessons nor Python's documentation use it
 * (so real words stay as written), and only into a concept name (a lesson's title or alias word, a documented
 * name) that starts with the same letter and is one edit away (two for long words). A longer misspelt word that is no
 * concept name ("bigegst", "laregst", "bigest") is mended into the one word the lessons or the documentation use
 * that it is with two neighbouring letters swapped back, a left-out letter put back, a letter typed twice typed
 * once, or (in a long word) a stray letter taken out, the commonest typing slips: the embedding reads "biggest" as a
 * word and the misspelling as pieces.
 */
public final class Spelling {

    private static final Pattern WORD = Pattern.compile("[a-z_][a-z0-9_]*");
    /** A word as written, any case (what {@link #correct} may mend). */
    /** A word as written; one quoted as code (right after a backtick: "`forevery`") is the student's name, kept. */
    private static final Pattern WRITTEN_WORD = Pattern.compile("(?<![`\\w])[A-Za-z_][A-Za-z0-9_]*");
    /** A plain word of three letters or more, not part of a name, a number or a call. */
    private static final Pattern PLAIN_WORD = Pattern.compile("(?<![a-z0-9_.])[a-z]{3,}(?![a-z0-9_(])");
    /** Shorter words are left alone: "bake" is one edit from "break". */
    private static final int SHORTEST = 5;
    /** Words that are no concept name are mended only from this length on (a swap or a left-out letter). */
    private static final int SHORTEST_PLAIN = 6;
    /** From this length a plain word may also be mended by taking out a stray letter ("interger"). */
    private static final int LONG_WORD = 8;

    /** Every word the lessons and the documentation use. */
    private final Set<String> known;
    /** Concept names by first letter: what a misspelt word may be mended into. */
    private final Map<Character, Set<String>> names = new HashMap<>();
    /** Every known word of at least {@link #SHORTEST_PLAIN} letters, by first letter. */
    private final Map<Character, Set<String>> plainWords = new HashMap<>();

    public Spelling(Set<String> knownWords, Set<String> conceptNames) {
        this.known = Set.copyOf(knownWords);
        for (String name : conceptNames) {
            if (name.length() >= SHORTEST && WORD.matcher(name).matches()) {
                names.computeIfAbsent(name.charAt(0), c -> new HashSet<>()).add(name);
            }
        }
        for (String word : known) {
            if (isPlain(word)) {
                plainWords.computeIfAbsent(word.charAt(0), c -> new HashSet<>()).add(word);
            }
        }
    }

    /** Lower-case words of a text, as this class compares them. */
    public static Set<String> words(String text) {
        Set<String> words = new HashSet<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        return words;
    }

    /** The question with misspelt concept names mended (lower case where a word was changed). */
    public String correct(String question) {
        StringBuilder out = new StringBuilder();
        Matcher m = WRITTEN_WORD.matcher(question);
        int last = 0;
        while (m.find()) {
            String word = m.group().toLowerCase(Locale.ROOT);
            String mended = mend(word);
            out.append(question, last, m.start()).append(mended == null ? m.group() : mended);
            last = m.end();
        }
        return out.append(question.substring(last)).toString();
    }

    /**
     * Whether the text holds a word anybody could read: one the lessons or the documentation use, or one that mends
     * into such a word. Keyboard mashing ("asdfgh", "jjjjj") holds none, and the sentence model would still find a
     * nearest lesson for its letter pieces. Short words and code-like text say too little to judge: true.
     */
    public boolean readsAnyWord(String text) {
        Matcher m = PLAIN_WORD.matcher(text.toLowerCase(Locale.ROOT));
        boolean anyWord = false;
        while (m.find()) {
            String word = m.group();
            anyWord = true;
            if (known.contains(word) || bases(word).stream().anyMatch(known::contains) || mend(word) != null) {
                return true;
            }
        }
        return !anyWord;
    }

    private String mend(String word) {
        if (word.length() < SHORTEST || known.contains(word) || bases(word).stream().anyMatch(known::contains)) {
            return null;
        }
        int allowed = word.length() >= 7 ? 2 : 1;
        String best = null;
        int bestDistance = allowed + 1;
        boolean tie = false;
        for (String name : names.getOrDefault(word.charAt(0), Set.of())) {
            if (Math.abs(name.length() - word.length()) > allowed) {
                continue;
            }
            // a five-letter name ("yield", "class") only through two swapped neighbours ("yeild") or a letter
            // typed twice ("tupple"): one other edit from it is too often another English word
            if (name.length() == SHORTEST && !swapped(word, name) && !doubledOnce(word, name)) {
                continue;
            }
            int d = distance(word, name, allowed);
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
                tie = false;
            } else if (d == bestDistance && !name.equals(best)) {
                tie = true;
            }
        }
        if (!tie && best != null && bestDistance <= 1) {
            return best;
        }
        // a plain word two swapped letters away ("eleemnt": element), or one edit away when the alternative is a
        // concept name two edits away ("somthing": something, not sorting)
        String plain = isPlain(word) ? plainWord(word, best != null && !tie) : null;
        return plain != null ? plain : tie ? null : best;
    }

    /** A word of letters only, long enough to be mended into a plain word (or to be one). */
    private static boolean isPlain(String word) {
        return word.length() >= SHORTEST_PLAIN && word.chars().allMatch(ch -> ch >= 'a' && ch <= 'z');
    }

    /**
     * The one known word that a misspelt plain word is with two neighbouring letters swapped back, a left-out
     * letter put back, a letter typed twice typed once ("comming"), or, in a long word, a stray letter taken out
     * ("interger", "arguement") (or, with {@code anyEdit}, one edit away), or null. Other edits only against a far
     * concept name: a short word one letter too many or one letter other than a known word is too often a real word
     * the documentation never uses ("brother", "margin").
     */
    private String plainWord(String word, boolean anyEdit) {
        String found = null;
        for (String candidate : plainWords.getOrDefault(word.charAt(0), Set.of())) {
            boolean near = candidate.length() == word.length() && swapped(word, candidate)
                    || missingOne(word, candidate)
                    || doubledOnce(word, candidate)
                    || word.length() >= LONG_WORD && missingOne(candidate, word)
                    || anyEdit && Math.abs(candidate.length() - word.length()) <= 1 && distance(word, candidate, 1) == 1;
            if (near) {
                if (found != null) {
                    return null;
                }
                found = candidate;
            }
        }
        return found;
    }

    /**
     * What an inflected word may come from ("crashes": crash, "hearing": hear, "tries": try): a known base makes it a
     * real word, not a misspelling ("crashes" is not "classes").
     */
    static java.util.List<String> bases(String word) {
        java.util.List<String> bases = new java.util.ArrayList<>();
        for (String[] ending : new String[][] {{"s", ""}, {"es", ""}, {"ies", "y"}, {"ed", ""}, {"ed", "e"}, {"d", ""},
                {"ing", ""}, {"ing", "e"}, {"er", ""}, {"er", "e"}, {"ly", ""}}) {
            if (word.endsWith(ending[0]) && word.length() - ending[0].length() >= 3) {
                bases.add(word.substring(0, word.length() - ending[0].length()) + ending[1]);
            }
        }
        return bases;
    }

    /** Whether the word is the candidate with one of its letters typed twice ("tupple": tuple). */
    static boolean doubledOnce(String word, String candidate) {
        if (!missingOne(candidate, word)) {
            return false;
        }
        int i = 0;
        while (i < candidate.length() && word.charAt(i) == candidate.charAt(i)) {
            i++;
        }
        // word has an extra letter at i: it repeats the letter before or after it
        return i > 0 && word.charAt(i) == word.charAt(i - 1) || i + 1 < word.length() && word.charAt(i) == word.charAt(i + 1);
    }

    /** Whether the word is the candidate with one letter left out ("bigest": biggest, "eleent": element). */
    static boolean missingOne(String word, String candidate) {
        if (candidate.length() != word.length() + 1) {
            return false;
        }
        int i = 0;
        while (i < word.length() && word.charAt(i) == candidate.charAt(i)) {
            i++;
        }
        return word.substring(i).equals(candidate.substring(i + 1));
    }

    /** Whether the two words differ only by two neighbouring letters swapped. */
    static boolean swapped(String a, String b) {
        if (a.length() != b.length()) {
            return false;
        }
        int i = 0;
        while (i < a.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1 < a.length() && a.charAt(i) == b.charAt(i + 1) && a.charAt(i + 1) == b.charAt(i)
                && a.substring(i + 2).equals(b.substring(i + 2));
    }

    /** Optimal string alignment distance (an adjacent swap is one edit), cut off above {@code limit}. */
    static int distance(String a, String b, int limit) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            int rowMin = Integer.MAX_VALUE;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
                rowMin = Math.min(rowMin, d[i][j]);
            }
            if (rowMin > limit) {
                return limit + 1;
            }
        }
        return d[a.length()][b.length()];
    }
}
