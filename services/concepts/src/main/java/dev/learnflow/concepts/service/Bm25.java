package dev.learnflow.concepts.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Okapi BM25 over short documents, with the word handling of student questions: lower case, identifiers kept
 * whole ({@code __init__}, {@code str.split} → {@code str}, {@code split}), English filler dropped but Python's
 * keywords kept ({@code yield}, {@code lambda}, {@code with}), plural {@code s} folded.
 */
public class Bm25 {

    static final double K1 = 1.2;
    static final double B = 0.75;
    /** Question words and filler; Python keywords that are also English ("for", "if", "in", "is") are here too. */
    static final Set<String> STOPWORDS = Set.copyOf(List.of("a", "an", "the", "and", "or", "not", "of", "to", "in", "on", "at",
            "for", "by", "with", "as", "is", "are", "was", "be", "been", "it", "its", "this", "that", "these",
            "those", "i", "me", "my", "you", "your", "we", "do", "does", "did", "doing", "done", "how", "what",
            "why", "when", "where", "which", "who", "can", "could", "should", "would", "will", "shall", "may",
            "might", "must", "if", "then", "than", "so", "but", "from", "into", "about", "use", "using", "used",
            "get", "gets", "got", "make", "makes", "mean", "means", "meaning", "there", "here", "some", "any",
            "all", "just", "also", "very", "really", "please", "thanks", "hi", "hello", "hey", "python", "work",
            "works", "way", "thing", "things", "like", "want", "need", "know", "tell", "explain", "show",
            "example", "examples", "difference", "between", "vs", "versus", "keyword", "statement", "function",
            "functions", "code", "program", "write", "am", "im", "dont", "doesnt", "has", "have", "had", "one",
            "same", "other", "more", "still", "again", "understand", "happen", "happens", "does", "u", "ur", "pls",
            "plz", "help", "question", "s", "t", "each", "every", "only", "work", "something", "someone", "them",
            "they", "their", "he", "she", "him", "her", "our", "us"));

    private final List<Map<String, Integer>> termCounts = new ArrayList<>();
    private final List<Integer> lengths = new ArrayList<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private double averageLength;

    /** Adds a document; its position is its id. */
    public void add(String text) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> tokens = tokens(text);
        tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
        counts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        termCounts.add(counts);
        lengths.add(tokens.size());
        averageLength = lengths.stream().mapToInt(Integer::intValue).average().orElse(1);
    }

    public int size() {
        return termCounts.size();
    }

    /** Inverse document frequency of a (tokenized) term; 0 for a term no document has. */
    public double idf(String term) {
        int df = documentFrequency.getOrDefault(term, 0);
        return df == 0 ? 0 : Math.log(1 + (size() - df + 0.5) / (df + 0.5));
    }

    /** The score of every document for the query (0 where no term matches). */
    public double[] scores(List<String> queryTerms) {
        double[] scores = new double[size()];
        for (String term : queryTerms) {
            double idf = idf(term);
            if (idf == 0) {
                continue;
            }
            for (int doc = 0; doc < size(); doc++) {
                Integer tf = termCounts.get(doc).get(term);
                if (tf != null) {
                    double norm = K1 * (1 - B + B * lengths.get(doc) / averageLength);
                    scores[doc] += idf * tf * (K1 + 1) / (tf + norm);
                }
            }
        }
        return scores;
    }

    public static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^a-z0-9_]+")) {
            String word = raw.length() > 2 && raw.startsWith("__") && raw.endsWith("__") ? raw
                    : raw.replaceAll("^_+|_+$", "");
            if (word.isEmpty() || STOPWORDS.contains(word)) {
                continue;
            }
            tokens.add(fold(word));
        }
        return tokens;
    }

    static String fold(String word) {
        if (word.length() > 4 && word.endsWith("ies")) {
            return word.substring(0, word.length() - 3) + "y";
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }
}
