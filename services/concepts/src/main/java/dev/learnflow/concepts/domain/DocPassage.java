package dev.learnflow.concepts.domain;

/**
 * One section of Python's own documentation from the offline index ({@code docs/python-docs.jsonl}, built by
 * {@code src/build/python/build_doc_index.py}).
 *
 * @param source   which book: "Python Tutorial", "Python Library Reference", "Python Language Reference",
 *                 "Python help()", "Python FAQ", "Python HOWTO", "Python Glossary"
 * @param section  the section path inside it, e.g. "Classes › Generators"
 * @param doc      where it lives, e.g. {@code tutorial/classes.html#generators} or {@code help(str.split)}
 * @param keywords the documented name or keyword, if the passage documents one
 * @param example  a small example that ran cleanly when the index was built, or null
 * @param exampleOutput what it printed then
 */
public record DocPassage(String id, String source, String section, String doc, String keywords, String text,
                         String example, String exampleOutput) {

    /** How the answer names it: book, section and place. */
    public String citation() {
        return source + ", “" + section + "” (" + doc + ")";
    }
}
