package dev.learnflow.concepts.service;

import java.util.ArrayList;
import java.util.Arrays;
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

    /**
     * Per term, the documents holding it and how often, in document order: an inverted index of plain int arrays
     * (one map entry per distinct term, not one per term and document, and each term's String held once: ~20 MiB
     * less heap over the documentation's 4 400 sections than a map per document, issue 19).
     */
    private final Map<String, Postings> postings = new HashMap<>();
    private int[] lengths = new int[64];
    private int size;
    private long totalLength;
    private double averageLength;

    /** One term's documents and counts, growing as documents are added (ids only increase). */
    private static final class Postings {
        int[] docs = new int[2];
        int[] counts = new int[2];
        int size;

        void add(int doc, int count) {
            if (size == docs.length) {
                docs = Arrays.copyOf(docs, size * 2);
                counts = Arrays.copyOf(counts, size * 2);
            }
            docs[size] = doc;
            counts[size] = count;
            size++;
        }
    }

    /** Adds a document; its position is its id. */
    public void add(String text) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> tokens = tokens(text);
        tokens.forEach(t -> counts.merge(t, 1, Integer::sum));
        int doc = size;
        counts.forEach((term, count) -> postings.computeIfAbsent(term, t -> new Postings()).add(doc, count));
        if (size == lengths.length) {
            lengths = Arrays.copyOf(lengths, size * 2);
        }
        lengths[size++] = tokens.size();
        totalLength += tokens.size();
        averageLength = (double) totalLength / size;
    }

    public int size() {
        return size;
    }

    /** Inverse document frequency of a (tokenized) term; 0 for a term no document has. */
    public double idf(String term) {
        Postings p = postings.get(term);
        int df = p == null ? 0 : p.size;
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
            Postings p = postings.get(term);
            for (int i = 0; i < p.size; i++) {
                int doc = p.docs[i];
                int tf = p.counts[i];
                double norm = K1 * (1 - B + B * lengths[doc] / averageLength);
                scores[doc] += idf * tf * (K1 + 1) / (tf + norm);
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
            String folded = fold(word);
            // the plural of a filler word is filler too ("if statements" asks about if, not about statements);
            // "pythons" are snakes, not the language
            if (!folded.equals(word) && STOPWORDS.contains(folded) && !folded.equals("python")) {
                continue;
            }
            tokens.add(folded);
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
