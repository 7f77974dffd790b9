#!/usr/bin/env python3
"""Builds bench/tutor/data/questions.tsv and topics.json from questions_*.py and checks the set's shape.

questions.tsv columns: id, intent, topic, answerable, expect, question, code ("\\n", "\\t" and "\\\\" escaped;
empty topic/code = none). expect: answer | clarify | abstain | decline (see questions_other.py).
topics.json: for every labelled topic, the words (lower case, "-" and "_" read as spaces) of which one must appear
in the answer's lesson id, title or documentation citation for the answer to count as on the asked topic.

    python3 bench/tutor/data/src/build_questions.py [--check]
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..")
INTENTS = ["concept_explanation", "debug_help", "code_review", "exercise_request", "progress_question", "off_topic"]

# Words that count as the asked topic in an answer's lesson/topic/citation. Kept small and literal on purpose.
TOPIC_WORDS = {
    "generators": ["generator", "yield"],
    "iterators": ["iterator", "iterable", "next", "iteration"],
    "list comprehensions": ["comprehension"],
    "dict comprehensions": ["comprehension"],
    "set comprehensions": ["comprehension", "set display"],
    "lambda": ["lambda", "anonymous function"],
    "*args and **kwargs": ["args", "kwargs", "arbitrary argument", "variadic", "unpacking argument"],
    "default arguments": ["default argument", "default value", "default parameter", "defaults", "defining functions",
                          "more on defining functions"],
    "keyword arguments": ["keyword argument", "keyword", "defining functions", "more on defining functions"],
    "decorators": ["decorator"],
    "context managers": ["with statement", "with-statement", "context manager", "with"],
    "f-strings": ["f string", "fstring", "formatted string", "string formatting", "format", "literal string"],
    "string formatting": ["format", "f string", "formatted"],
    "slicing": ["slic", "sequence", "strings", "lists"],
    "sets": ["set"],
    "sorting with key": ["sort", "key function", "sorted"],
    "sort vs sorted": ["sort", "sorted"],
    "enumerate": ["enumerate", "looping techniques"],
    "zip": ["zip", "looping techniques"],
    "while loops": ["while"],
    "break and continue": ["break", "continue"],
    "loop else": ["else", "break", "loop"],
    "for loops": ["for loop", "for statement", "for loops", "for"],
    "range": ["range", "for loop", "for loops"],
    "scope": ["scope", "global", "nonlocal", "namespace"],
    "mutability and aliasing": ["mutab", "alias", "identity", "reference", "copy", "object"],
    "copying": ["copy", "alias", "mutab"],
    "exceptions": ["exception", "try", "except", "error"],
    "raise": ["raise", "raising", "exception"],
    "custom exceptions": ["custom exception", "user defined exception", "exception class", "custom-exceptions",
                          "exceptions"],
    "finally": ["finally", "else and finally", "clean up", "cleanup"],
    "classes": ["class", "object"],
    "__init__": ["init", "constructor", "class"],
    "inheritance": ["inherit", "super", "subclass"],
    "dunder methods": ["dunder", "special method", "magic method", "str", "eq", "repr", "data model"],
    "properties": ["property"],
    "dataclasses": ["dataclass"],
    "modules and imports": ["import", "module"],
    "__name__ == '__main__'": ["main", "name", "script", "module"],
    "reading files": ["read", "file"],
    "writing files": ["writ", "file", "append"],
    "pathlib": ["pathlib", "path"],
    "recursion": ["recurs"],
    "type hints": ["type hint", "annotation", "typing"],
    "string methods": ["string method", "str method", "strings", "upper", "strip", "str"],
    "split and join": ["split", "join", "strings", "string method", "str"],
    "integer vs float division": ["division", "divide", "floor", "modulo", "numbers", "arithmetic", "operator"],
    "variables": ["variable", "assignment", "name"],
    "numbers and types": ["number", "int", "float", "numeric", "type"],
    "type conversion": ["conversion", "convert", "int", "str", "cast", "numbers and types"],
    "input": ["input"],
    "print": ["print", "output"],
    "lists": ["list"],
    "list methods": ["list method", "append", "extend", "pop", "lists", "list"],
    "tuples": ["tuple"],
    "tuple unpacking": ["unpack", "tuple", "assignment"],
    "dictionaries": ["dict", "dictionar", "mapping"],
    "dict methods": ["dict", "dictionar", "mapping", "get", "items"],
    "conditionals": ["if", "condition", "elif"],
    "boolean operators": ["boolean", "and", "or", "not", "bool"],
    "is vs ==": ["is", "identity", "comparison", "equality"],
    "None": ["none", "null"],
    "truthiness": ["truth", "bool", "true", "false"],
    "functions": ["function", "def"],
    "return values": ["return"],
    "map and filter": ["map", "filter", "built in function", "builtin function"],
    "closures": ["closure", "nested function", "scope", "nonlocal"],
    "membership test": ["membership", "in operator", "contains", "in"],
    "assert": ["assert"],
    "docstrings": ["docstring", "documentation string"],
    "pass": ["pass"],
    "conditional expression": ["conditional expression", "ternary", "if else expression", "conditional"],
    "nested lists": ["nested list", "2d", "matrix", "list"],
    "random module": ["random"],
    "math module": ["math", "sqrt"],
    "datetime": ["datetime", "date", "time"],
    "json": ["json"],
    "csv": ["csv"],
    "collections.Counter": ["counter", "collections"],
    "deque": ["deque", "collections", "queue"],
    "pip and virtual environments": ["pip", "venv", "virtual environment"],
    "string indexing": ["index", "string", "str", "slic"],
    "string immutability": ["immutab", "string", "str"],
    "walrus operator": ["walrus", "assignment expression", ":="],
    "comments": ["comment"],
    "indentation": ["indent", "block", "syntax"],
    "abs, min, max, sum": ["min", "max", "built in function", "builtin function", "sum"],
    "any and all": ["any", "all", "built in function", "builtin function"],
}

_questions = []


def Q(topic, question, code=None, expect="answer", intent=None):
    return dict(topic=topic, question=question, code=code, expect=expect, intent=intent)


def escape(text):
    return "" if text is None else text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")


def main():
    sys.path.insert(0, HERE)
    import questions_concepts as concepts
    import questions_other as other
    groups = [(concepts.INTENT, concepts.QUESTIONS), ("debug_help", other.DEBUG_HELP),
              ("code_review", other.CODE_REVIEW), ("exercise_request", other.EXERCISE_REQUEST),
              ("progress_question", other.PROGRESS_QUESTION), (None, other.UNANSWERABLE)]
    rows = []
    prefix = {"concept_explanation": "c", "debug_help": "d", "code_review": "r", "exercise_request": "e",
              "progress_question": "p", "off_topic": "o"}
    counters = {}
    problems = []
    for intent, questions in groups:
        for q in questions:
            label = q["intent"] or intent
            answerable = q["expect"] in ("answer", "clarify")
            key = "u" if not answerable else prefix[label]
            counters[key] = counters.get(key, 0) + 1
            rows.append(dict(id=f"{key}{counters[key]:03d}", intent=label, topic=q["topic"], answerable=answerable,
                             expect=q["expect"], question=q["question"], code=q["code"]))
            if label not in INTENTS:
                problems.append(f"unknown intent {label}: {q['question']}")
            if label == "concept_explanation" and answerable and q["topic"] not in TOPIC_WORDS:
                problems.append(f"no topic words for {q['topic']!r}")
    seen = set()
    for r in rows:
        if r["question"] in seen and not r["code"]:
            problems.append("duplicate question " + r["question"])
        seen.add(r["question"])
    by_intent = {i: sum(1 for r in rows if r["intent"] == i) for i in INTENTS}
    concept_topics = {r["topic"] for r in rows if r["intent"] == "concept_explanation" and r["topic"]}
    all_topics = {r["topic"] for r in rows if r["topic"]}
    unanswerable = sum(1 for r in rows if not r["answerable"])
    with_code = sum(1 for r in rows if r["code"])
    inline = sum(1 for r in rows if not r["code"] and ("```" in r["question"] or "\n    " in r["question"]
                                                       or "; " in r["question"] and ":" in r["question"]))
    print(f"{len(rows)} questions; by intent {by_intent}; {len(concept_topics)} concept topics, {len(all_topics)} "
          f"labelled topics in all; {unanswerable} unanswerable; {with_code} with a code field, {inline} with code "
          f"inside the question")
    if len(rows) < 260:
        problems.append("fewer than 260 questions")
    if len(concept_topics) < 60:
        problems.append("fewer than 60 concept topics")
    for p in problems:
        print(" - " + p)
    if problems:
        sys.exit(1)
    if "--check" in sys.argv:
        return
    with open(os.path.join(DATA, "questions.tsv"), "w") as f:
        f.write("id\tintent\ttopic\tanswerable\texpect\tquestion\tcode\n")
        for r in rows:
            f.write("\t".join([r["id"], r["intent"], escape(r["topic"]), "yes" if r["answerable"] else "no",
                               r["expect"], escape(r["question"]), escape(r["code"])]) + "\n")
    with open(os.path.join(DATA, "topics.json"), "w") as f:
        used = sorted(concept_topics)
        json.dump({"about": "Words of which one must appear in an answer's lesson id, title or citation for the "
                            "answer to count as on the labelled topic (lower case; '-' and '_' read as spaces).",
                   "topics": {t: TOPIC_WORDS[t] for t in used}}, f, indent=1)
        f.write("\n")
    print("written questions.tsv and topics.json")


if __name__ == "__main__":
    main()
