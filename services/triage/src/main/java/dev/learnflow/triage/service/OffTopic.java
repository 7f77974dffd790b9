package dev.learnflow.triage.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What kind of message lies outside the Python tutor's job, so the reply can fit it: a greeting or thanks is
 * answered in kind; a question about another programming language, or homework in another subject, is declined
 * politely with what the tutor can do instead.
 */
final class OffTopic {

    enum Kind { GREETING, THANKS, OTHER_LANGUAGE, OTHER_SUBJECT }

    private static final Pattern GREETING = Pattern.compile("(?i)^\\s*(?:hi+|hello+|hey+|hiya|yo|howdy|greetings|"
            + "good (?:morning|afternoon|evening|day))\\b[\\s\\p{Punct}]*(?:there|tutor|everyone|all)?[\\s\\p{Punct}]*$");
    private static final Pattern THANKS = Pattern.compile("(?i)^\\s*(?:ok(?:ay)?,?\\s*)?(?:thanks?(?: you)?|thx|ty|"
            + "cheers|great,? thanks|bye|goodbye|good ?night|see you|cya|ok bye)\\b[\\s\\p{Punct}\\w]{0,20}$");
    /** Other programming and markup languages, as students name them. */
    private static final Pattern LANGUAGE = Pattern.compile("(?i)(?<![\\w.])(javascript|typescript|js|java(?!script)"
            + "|c\\+\\+|cpp|c#|csharp|c language|in c\\b|golang|go language|rust|php|ruby|swift|kotlin|scala|perl"
            + "|haskell|matlab|r language|in r\\b|sql|mysql|html|css|bash|powershell|excel formulas?|vba|lua|dart"
            + "|assembly|fortran|cobol|visual basic)(?![\\w+#])");
    /** Work in another school subject ("my calculus hw", "a history essay"). */
    private static final Pattern OTHER_SUBJECT_WORK = Pattern.compile("(?i)(?=.*\\b(?:calculus|algebra|geometry|"
            + "trigonometry|trig|physics|chemistry|biology|history|geography|literature|economics|accounting|"
            + "philosophy|psychology|latin|french|spanish|german|maths?)\\b)(?=.*\\b(?:hw|homework|essay|assignment|"
            + "exam|test|worksheet|problems?|questions?|class|lab report|project)\\b)");
    /** Words that tie a message to programming, so a subject name in it is the program's theme, not the subject. */
    private static final Pattern PROGRAMMING = Pattern.compile("(?i)\\b(?:python|py|code|coding|program\\w*|script|"
            + "developer|software|computer science|cs|algorithms?|"
            + "function|module|import|loop|variable|list|dict\\w*|class (?:in|with)|def)\\b");
    /** A short social message: thanks, acknowledgement, small talk ("lol ok thanks that helped", "how are you"). */
    private static final Pattern SOCIAL = Pattern.compile("(?i)^(?=(?:\\W*\\w+){1,8}\\W*$)(?!.*\\?.*\\w).*\\b(?:thanks?|"
            + "thank (?:you|u)|thx|ty|tysm|cheers|that helped|helped a lot|got it|makes sense now|appreciate it|"
            + "how are (?:you|u)|good (?:morning|afternoon|evening|night)|bye|goodbye|see (?:you|ya|u))\\b");
    /** Arithmetic or calculus asked as maths, not as code: "what is 2+2", "what is the derivative of x^2". */
    private static final Pattern MATHS_QUESTION = Pattern.compile("(?i)^\\W*(?:what(?:'s|s| is)|calculate|compute|"
            + "solve|simplify|how much is)\\s+(?:the\\s+)?(?:-?\\d+(?:\\.\\d+)?\\s*(?:[-+*/x^%]|times|plus|minus|divided by|"
            + "percent of|% of)\\s*-?\\d|(?:derivative|integral|square root|cube root|limit|factorial|logarithm|log) of\\b)"
            + "|\\b(?:derivative|integral|integrate|differentiate|quadratic equation|solve for [a-z])\\b");
    private static final Pattern PYTHON = Pattern.compile("(?i)\\bpython|\\bpy\\b|\\.py\\b|\\bsqlite3\\b");

    private OffTopic() {
    }

    /** Another language named without Python: a question the Python tutor should not answer as if it were one. */
    static Optional<String> otherLanguage(String message) {
        if (message == null || PYTHON.matcher(message).find()) {
            return Optional.empty();
        }
        Matcher m = LANGUAGE.matcher(message);
        return m.find() ? Optional.of(displayName(m.group(1))) : Optional.empty();
    }

    /** Homework in another subject with nothing about programming in the message. */
    static boolean otherSubject(String message) {
        return message != null && OTHER_SUBJECT_WORK.matcher(message).find() && !PROGRAMMING.matcher(message).find();
    }

    /** Thanks, greetings and small talk, with no question about Python in them. */
    static boolean social(String message) {
        return message != null && SOCIAL.matcher(message).find() && !PROGRAMMING.matcher(message).find()
                && !PythonTerms.named(message);
    }

    /** A sum or a calculus question asked as maths, with nothing about programming in it. */
    static boolean mathsQuestion(String message) {
        return message != null && MATHS_QUESTION.matcher(message).find() && !PROGRAMMING.matcher(message).find()
                && !PYTHON.matcher(message).find();
    }

    /** Whether the message talks about programming at all (code, a program, Python, its usual words). */
    static boolean aboutProgramming(String message) {
        return message != null && (PROGRAMMING.matcher(message).find() || PYTHON.matcher(message).find());
    }

    static Kind kindOf(String message) {
        String text = message == null ? "" : message;
        if (GREETING.matcher(text).find()) {
            return Kind.GREETING;
        }
        if (THANKS.matcher(text).find()) {
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
