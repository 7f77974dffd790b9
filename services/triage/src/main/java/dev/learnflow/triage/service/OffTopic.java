package dev.learnflow.triage.service;

import dev.learnflow.platform.text.PatternBook;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * What kind of message lies outside the Python tutor's job, so the reply can fit it: a greeting or thanks is
 * answered in kind; a question about another programming language, or homework in another subject, is declined
 * politely with what the tutor can do instead.
 */
final class OffTopic {

    enum Kind { GREETING, THANKS, OTHER_LANGUAGE, OTHER_SUBJECT }

    /** The phrases this class looks for, kept in {@code triage/phrases/off-topic.regex}. */
    private enum Phrase { GREETING, THANKS, LANGUAGE, OTHER_SUBJECT_WORK, PROGRAMMING, SOCIAL, MATHS_QUESTION,
        PYTHON, SUBJECT_NAMED, PERSONAL_LIFE, OTHER_TOOLS, NOT_THE_LANGUAGE }

    private static final PatternBook<Phrase> PHRASES = PatternBook.load("triage/phrases/off-topic.regex", Phrase.class);

    private OffTopic() {
    }

    /** Another language named without Python: a question the Python tutor should not answer as if it were one. */
    static Optional<String> otherLanguage(String message) {
        if (message == null || PHRASES.find(Phrase.PYTHON, message)) {
            return Optional.empty();
        }
        Matcher m = PHRASES.matcher(Phrase.LANGUAGE, message);
        return m.find() ? Optional.of(displayName(m.group(1))) : Optional.empty();
    }

    /** Homework in another subject with nothing about programming in the message. */
    static boolean otherSubject(String message) {
        return message != null && PHRASES.find(Phrase.OTHER_SUBJECT_WORK, message)
                && !PHRASES.find(Phrase.PROGRAMMING, message);
    }

    /**
     * Another school subject or a pastime named ("quiz me on world capitals", "the best exercise for losing weight"),
     * with nothing about programming or Python in the message.
     */
    static boolean otherSubjectNamed(String message) {
        return message != null && PHRASES.find(Phrase.SUBJECT_NAMED, message) && !aboutProgramming(message)
                && !PythonTerms.named(message);
    }

    /** Thanks, greetings and small talk, with no question about Python in them. */
    static boolean social(String message) {
        return message != null && PHRASES.find(Phrase.SOCIAL, message) && !PHRASES.find(Phrase.PROGRAMMING, message)
                && !PythonTerms.named(message);
    }

    /** The student's private life or small talk about likes, whatever else it mentions ("not even coding"). */
    /** Python the snake or the comedy troupe: "do pythons lay eggs", "favourite Monty Python sketch". */
    static boolean notTheLanguage(String message) {
        return message != null && PHRASES.find(Phrase.NOT_THE_LANGUAGE, message);
    }

    static boolean personalLife(String message) {
        return message != null && PHRASES.find(Phrase.PERSONAL_LIFE, message);
    }

    /** Git, the shell, an editor, the computer itself: not Python, unless Python is named with it. */
    static boolean otherTool(String message) {
        return message != null && PHRASES.find(Phrase.OTHER_TOOLS, message) && !PHRASES.find(Phrase.PYTHON, message);
    }

    /** A sum or a calculus question asked as maths, with nothing about programming in it. */
    static boolean mathsQuestion(String message) {
        return message != null && PHRASES.find(Phrase.MATHS_QUESTION, message)
                && !PHRASES.find(Phrase.PROGRAMMING, message)
                && !PHRASES.find(Phrase.PYTHON, message);
    }

    /** Whether the message talks about programming at all (code, a program, Python, its usual words). */
    static boolean aboutProgramming(String message) {
        return message != null && (PHRASES.find(Phrase.PROGRAMMING, message) || PHRASES.find(Phrase.PYTHON, message));
    }

    static Kind kindOf(String message) {
        String text = message == null ? "" : message;
        if (PHRASES.find(Phrase.GREETING, text)) {
            return Kind.GREETING;
        }
        if (PHRASES.find(Phrase.THANKS, text)) {
            return Kind.THANKS;
        }
        if (otherLanguage(text).isPresent()) {
            return Kind.OTHER_LANGUAGE;
        }
        return Kind.OTHER_SUBJECT;
    }

    private static String displayName(String raw) {
        String lower = raw.toLowerCase(Locale.ROOT);
        return switch (lower) {
            case "javascript", "js" -> "JavaScript";
            case "typescript" -> "TypeScript";
            case "java" -> "Java";
            case "c++", "cpp" -> "C++";
            case "c#", "csharp" -> "C#";
            case "c language", "in c" -> "C";
            case "golang", "go language" -> "Go";
            case "r language", "in r" -> "R";
            case "sql", "mysql" -> "SQL";
            case "html", "css", "php" -> lower.toUpperCase(Locale.ROOT);
            default -> Character.toUpperCase(raw.charAt(0)) + raw.substring(1);
        };
    }
}
