package dev.learnflow.codereview.domain;

/**
 * One thing the review noticed.
 *
 * @param rule        stable rule id, e.g. {@code mutable-default-argument}
 * @param line        1-based line in the student's code
 * @param column      1-based column (characters)
 * @param message     what was found, naming the student's identifiers
 * @param explanation why it matters, for a beginner
 * @param suggestion  a concrete improvement
 */
public record Finding(String rule, int line, int column, Severity severity, String message, String explanation,
                      String suggestion) {
}
