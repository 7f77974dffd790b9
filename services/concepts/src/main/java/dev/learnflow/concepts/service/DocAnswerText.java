package dev.learnflow.concepts.service;

import dev.learnflow.concepts.domain.DocPassage;
import dev.learnflow.concepts.domain.Lesson;

import java.util.List;
import java.util.stream.Collectors;

/** The Markdown of answers that are not a curated lesson: a documentation section (cited) or an honest "no". */
public final class DocAnswerText {

    /** How much of a documentation section the answer quotes. */
    static final int QUOTED_CHARS = 1100;
    /** ... and how much of one quoted under a lesson. */
    static final int REFERENCE_CHARS = 500;
    public static final String LICENSE = "Python documentation © Python Software Foundation, PSF License";

    private DocAnswerText() {
    }

    public static String documentation(DocPassage passage, String exampleOutput) {
        StringBuilder text = new StringBuilder();
        text.append("## ").append(passage.section()).append("\n\n");
        text.append("I have no lesson of my own on this, so here is what Python's documentation says (")
                .append(passage.source()).append(", section “").append(passage.section()).append("”):\n\n");
        excerpt(passage.text()).lines().forEach(l -> text.append("> ").append(l).append('\n'));
        text.append('\n');
        if (passage.example() != null) {
            text.append("**Example** from the documentation — run it and watch the trace step by step:\n\n```python\n")
                    .append(passage.example().stripTrailing()).append("\n```\n\n");
            String output = exampleOutput != null ? exampleOutput : passage.exampleOutput();
            if (output != null && !output.isBlank()) {
                text.append("It prints:\n\n");
                output.stripTrailing().lines().forEach(l -> text.append("> ").append(l).append('\n'));
                text.append('\n');
            }
        }
        text.append("*Source: ").append(passage.citation()).append(". ").append(LICENSE).append(".*");
        return text.toString().strip();
    }

    /**
     * The documentation section quoted under a lesson: the exact reference for what the question asked, shorter than
     * a documentation answer (the lesson has already explained the idea).
     */
    public static String reference(DocPassage passage) {
        StringBuilder text = new StringBuilder("**In Python's documentation** (").append(passage.source())
                .append(", “").append(passage.section()).append("”):\n\n");
        excerpt(passage.text(), REFERENCE_CHARS).lines().forEach(l -> text.append("> ").append(l).append('\n'));
        return text.append("\n*Source: ").append(passage.citation()).append(". ").append(LICENSE).append(".*")
                .toString();
    }

    public static String abstention(String reason, List<Lesson> choices) {
        return abstention(reason, choices, null);
    }

    /** @param domain for a question from another domain (CSS, SQL, spreadsheets, git): what it is and where to ask */
    public static String abstention(String reason, List<Lesson> choices, OtherDomains.Domain domain) {
        return abstention(reason, choices, domain, null);
    }

    /** @param madeUp for {@code no-such-name}: the name Python does not have and real names near it */
    public static String abstention(String reason, List<Lesson> choices, OtherDomains.Domain domain,
                                    MadeUpNames.MadeUp madeUp) {
        String list = choices.stream().map(l -> "**" + l.title() + "**").collect(Collectors.joining(", "));
        String opening = switch (reason) {
            case "other-language" -> "I'm a Python tutor, so I can't answer questions about other programming "
                    + "languages well.";
            case "vague" -> "I'm not sure which Python topic you mean.";
            case "whole-solution" -> "I won't write the whole assignment for you to hand in: you would not learn from "
                    + "it, and it is probably against your course's rules. I will help you do it yourself: tell me what "
                    + "the task asks and what you have so far, and we'll plan it step by step, or ask about the part you "
                    + "are stuck on.";
            case "no-such-name" -> noSuchName(madeUp);
            case "other-domain" -> "That sounds like a question about " + domain.name() + " rather than Python, "
                    + "so " + domain.pointer() + " will answer it better than I can.";
            default -> "I don't know a good answer to that: nothing in my Python lessons or in Python's "
                    + "documentation matches it well, and I'd rather not guess.";
        };
        return opening + " The nearest topics I can explain are " + list + " — pick one, or ask again naming the "
                + "Python feature you mean (for example a keyword, a built-in function or an error message).";
    }

    /** What Python writes where other languages use an operator it lacks. */
    private static final java.util.Map<String, String> PYTHONS_WAY = java.util.Map.of(
            "??", "for a fallback when a value is `None`, Python writes `value if value is not None else fallback`",
            "??=", "Python writes `if value is None: value = fallback`",
            "?.", "Python writes `obj.attr if obj is not None else None`, or `getattr(obj, \"attr\", None)`",
            "===", "Python compares values with `==` and asks whether two names are the same object with `is`",
            "!==", "Python writes `!=` for different values and `is not` for different objects",
            "&&", "Python writes the word `and`",
            "||", "Python writes the word `or`",
            "++", "Python adds one with `x += 1`",
            "--", "Python subtracts one with `x -= 1`",
            "<=>", "Python compares with `<`, `==` and `>`; `sorted()` needs no three-way comparison");

    /** "Python has no `list.smash()`": what the question names that does not exist, and real names near it. */
    private static String noSuchName(MadeUpNames.MadeUp madeUp) {
        String what = switch (madeUp.kind()) {
            case "method" -> "`" + madeUp.name() + "()`: that type has no method of that name";
            case "function" -> "`" + madeUp.name() + "`: that module has no function of that name";
            case "keyword" -> "keyword `" + madeUp.name() + "`";
            case "module" -> "standard module called `" + madeUp.name() + "` (if it is a package you installed, "
                    + "its own documentation is the place to look)";
            case "decorator" -> madeUp.name().indexOf('.') > 0 ? "decorator `" + madeUp.name() + "`"
                    : "built-in `" + madeUp.name() + "`";
            case "operator" -> "`" + madeUp.name() + "` operator (" + PYTHONS_WAY.getOrDefault(madeUp.name(),
                    "the nearest lessons below show what Python writes instead") + ")";
            default -> "built-in `" + madeUp.name() + "`";
        };
        String near = madeUp.nearest().isEmpty() ? "" : " Real names close to it: "
                + madeUp.nearest().stream().map(n -> "`" + n + "`").collect(Collectors.joining(", ")) + ".";
        return "As far as I know, Python has no " + what + ", so I won't explain it as if it existed." + near;
    }

    /** The opening of the section, cut at a paragraph (or sentence) boundary. */
    static String excerpt(String text) {
        return excerpt(text, QUOTED_CHARS);
    }

    static String excerpt(String text, int chars) {
        if (text.length() <= chars) {
            return text.strip();
        }
        int cut = text.lastIndexOf("\n\n", chars);
        if (cut < chars / 3) {
            cut = text.lastIndexOf(". ", chars) + 1;
        }
        if (cut <= 0) {
            cut = chars;
        }
        return text.substring(0, cut).strip() + " …";
    }
}
