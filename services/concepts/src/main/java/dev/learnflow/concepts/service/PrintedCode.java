package dev.learnflow.concepts.service;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code print(...)} around the code a question asks about: "what is the output of print("abc"[::-1])" asks about
 * the slice, "what will print(not []) show" about truth values. The call is only how the value is shown, so the
 * planner reads the expression inside it. Not when print's own parameters are asked about ({@code sep=}, {@code
 * end=}) or when it prints a bare name or text ("why does print(x) still work", "print("hi") gives an error"):
 * then print may well be the subject.
 */
final class PrintedCode {

    private static final Pattern PRINT_CALL = Pattern.compile("(?<![\\w.])print\\s*\\(");
    /** Print's own keyword parameters. */
    private static final Pattern PRINT_PARAMETER = Pattern.compile("\\b(?:sep|end|file|flush)\\s*=");
    /** A string literal's text (not an f-string's, whose braces are code). */
    private static final Pattern PLAIN_STRING = Pattern.compile("(?<![\\w])([\"'])[^\"'\\n]*\\1");
    /** Code beyond a bare name or literal: an operator, a bracket, a call or an expression keyword. */
    private static final Pattern EXPRESSION = Pattern.compile(
            "[\\[\\]{}()%*/+<>=-]|\\b(?:not|and|or|is|in|if|for|lambda)\\b");

    private PrintedCode() {
    }

    /** The question with each {@code print(expression)} replaced by the expression. */
    static String unwrap(String question) {
        StringBuilder out = new StringBuilder();
        int from = 0;
        Matcher m = PRINT_CALL.matcher(question);
        while (m.find(from)) {
            int close = closingParenthesis(question, m.end());
            if (close < 0) {
                break;
            }
            String inside = question.substring(m.end(), close);
            // print(*names) asks how the star passes a list's items to a call
            if (PRINT_PARAMETER.matcher(inside).find() || inside.strip().startsWith("*")
                    || !EXPRESSION.matcher(PLAIN_STRING.matcher(inside).replaceAll("")).find()) {
                out.append(question, from, m.end());
                from = m.end();
                continue;
            }
            out.append(question, from, m.start()).append(inside);
            from = close + 1;
        }
        return out.append(question.substring(from)).toString();
    }

    /** The index of the parenthesis closing one opened just before {@code start}, skipping strings; -1 if none. */
    private static int closingParenthesis(String text, int start) {
        int depth = 1;
        char quote = 0;
        for (int i = start; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
