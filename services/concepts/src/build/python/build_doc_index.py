"""Builds the concepts service's offline index of Python's own documentation (run by the Maven build).

Sources (all PSF-licensed, all on the build machine, no network):
  * the language reference topics of the standard library's ``pydoc_data.topics`` (what ``help('yield')`` shows);
  * the docstrings of the built-in functions and of the methods of str, list, dict, set, tuple, int and float
    (what ``help(str.split)`` shows);
  * the tutorial, the library reference of the modules beginners meet, the FAQ, some HOWTOs and the glossary from
    Debian's ``python3-doc`` package (the reStructuredText sources under .../html/_sources).

Every passage is one section (or one documented function/method), with its source and section for citing, and,
where the passage shows code, a small example that was run here and finished cleanly (doctest sessions are
turned into a script: an expression whose result the session shows is printed).

Output: <out>/python-docs.jsonl (one passage per line) and <out>/python-docs-meta.json (counts, sources).
Usage: build_doc_index.py <out-dir> [<python3-doc _sources dir>]
"""
import ast
import builtins
import glob
import io
import json
import os
import re
import select
import signal
import sys
import tempfile
import textwrap
import time

MAX_TEXT = 1600
MAX_EXAMPLE_LINES = 18
DOC_ROOT_CANDIDATES = [
    "/usr/share/doc/python3-doc/html/_sources",
    "/usr/share/doc/python3/html/_sources",
] + sorted(glob.glob("/usr/share/doc/python3.*/html/_sources"), reverse=True)

TUTORIAL = ["introduction", "controlflow", "datastructures", "modules", "inputoutput", "errors", "classes",
            "stdlib", "stdlib2", "floatingpoint", "venv", "interpreter"]
LIBRARY = ["functions", "stdtypes", "exceptions", "constants", "string", "re", "math", "random", "statistics",
           "datetime", "time", "collections", "itertools", "functools", "operator", "os.path", "pathlib",
           "shutil", "json", "csv", "sys", "copy", "dataclasses", "typing", "enum", "abc", "contextlib",
           "argparse", "logging", "pprint", "textwrap", "fractions", "decimal", "heapq", "bisect", "glob",
           "tempfile", "io", "timeit", "pickle", "sqlite3", "unittest", "doctest", "venv", "secrets", "uuid",
           "calendar", "array", "zipfile", "os", "builtins", "__main__", "inspect", "traceback", "warnings",
           "keyword", "pdb", "turtle", "queue", "threading", "asyncio-task", "urllib.request", "subprocess",
           "difflib", "zoneinfo", "hashlib", "base64", "struct", "weakref", "types", "graphlib", "numbers",
           "cmath", "locale", "getpass", "fnmatch", "filecmp", "shelve", "gzip", "string", "html", "webbrowser"]
FAQ = ["programming", "general", "design", "library"]
# The special methods a class defines ("object.__eq__"), one section each. They are references only: quoted under the
# lesson on dunder methods or classes ("make == work for my class"), never the answer in its place (the lesson has
# the worked example; the data model's prose is for those who know the lesson).
REFERENCE_METHODS = {"datamodel": re.compile(r"object\.__\w+__(,|$)")}
# Sections of the language reference that pydoc's topics lack (the topics cover the rest): students ask for the
# "ternary" and the "walrus" by those names. Each with the names it documents (as the topics' keywords are).
REFERENCE_SECTIONS = {"expressions": {"Conditional expressions": "if, else", "Assignment expressions": ":="}}
HOWTO = ["sorting", "functional", "regex", "logging", "enum", "argparse", "unicode", "annotations"]
BOOKS = {"tutorial": "Python Tutorial", "library": "Python Library Reference", "faq": "Python FAQ",
         "howto": "Python HOWTO", "reference": "Python Language Reference", "glossary": "Python Glossary"}
HELP_TYPES = [str, list, dict, set, tuple, int, float]
# Examples that reach outside a small deterministic script are not kept.
UNSAFE_EXAMPLE = re.compile(r"\b(input|open|urlopen|socket|subprocess|os\.system|shutil|threading|asyncio|"
                            r"tkinter|turtle|webbrowser|getpass|sleep|random|time\(|datetime\.now|today\(|"
                            r"sys\.exit|exit\(|quit\(|pdb|breakpoint|multiprocessing|signal|sqlite3|tempfile|"
                            r"__import__|id\(|hash\(|memory|os\.|glob|Path\(|timeit|unittest|doctest|argparse|logging|"
                            r"import (?!(?:math|string|re|collections|itertools|functools|operator|json|copy|"
                            r"dataclasses|typing|enum|fractions|decimal|heapq|bisect|statistics|textwrap|pprint|"
                            r"keyword|abc|contextlib|datetime|array|calendar|types|numbers|cmath|difflib)\b))",
                            re.I)

VERSION = "%d.%d" % sys.version_info[:2]


def main():
    started = time.time()
    out = sys.argv[1]
    root = sys.argv[2] if len(sys.argv) > 2 and sys.argv[2] else next(
        (d for d in DOC_ROOT_CANDIDATES if os.path.isdir(os.path.join(d, "tutorial"))), None)
    if root is None or not os.path.isdir(os.path.join(root, "tutorial")):
        sys.exit("python3-doc is not installed (no .../html/_sources/tutorial under /usr/share/doc): "
                 "install it with `apt-get install python3-doc` (see the README's setup and .ci/run)")
    target = os.path.join(out, "python-docs.jsonl")
    if os.path.exists(target) and os.path.getmtime(target) > os.path.getmtime(__file__):
        print("[doc-index] up to date: %s" % target)
        return
    passages = []
    passages += pydoc_topics()
    passages += help_docstrings()
    for name in TUTORIAL:
        passages += rst_file(root, "tutorial", name)
    for name in dict.fromkeys(LIBRARY):
        passages += rst_file(root, "library", name)
    for name in FAQ:
        passages += rst_file(root, "faq", name)
    for name in HOWTO:
        passages += rst_file(root, "howto", name)
    for name, documented in REFERENCE_METHODS.items():
        for p in rst_file(root, "reference", name):
            if documented.match(p["keywords"]):
                p["referenceOnly"] = True
                passages.append(p)
    for name, titles in REFERENCE_SECTIONS.items():
        for p in rst_file(root, "reference", name):
            title = p["section"].split(" › ")[-1]
            if title in titles:
                p["keywords"] = p["keywords"] or titles[title]
                passages.append(p)
    passages += glossary(root)
    kept, examples = [], 0
    seen = set()
    for p in passages:
        p["text"] = tidy(p["text"])
        # a section that documents one name is kept however short ("list.reverse(): Reverse the elements of the
        # list in place."): students ask for that name; other fragments this short say nothing
        # (a Python name is lower case: the topics' keywords are upper case, "ASYNC", and their fragments are kept out)
        documents_name = re.fullmatch(r"[a-z_][a-z0-9_.]*", p.get("keywords") or "") is not None
        if len(p["text"]) < (15 if documents_name else 60) or p["id"] in seen:
            continue
        seen.add(p["id"])
        if p.get("candidates"):
            p["example"] = first_running(p.pop("candidates"))
            examples += p["example"] is not None
        else:
            p.pop("candidates", None)
            p["example"] = None
        kept.append(p)
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "python-docs.jsonl"), "w", encoding="utf-8") as f:
        for p in kept:
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    meta = {"python": VERSION, "docRoot": root, "passages": len(kept), "withExample": examples,
            "bySource": {}, "seconds": round(time.time() - started, 1)}
    for p in kept:
        meta["bySource"][p["source"]] = meta["bySource"].get(p["source"], 0) + 1
    with open(os.path.join(out, "python-docs-meta.json"), "w", encoding="utf-8") as f:
        json.dump(meta, f, indent=1)
    print("[doc-index] %d passages (%d with a runnable example) from %s in %.1f s" % (
        len(kept), examples, root, time.time() - started))


# ---------------------------------------------------------------------------------------------------- pydoc topics

def pydoc_topics():
    from pydoc import Helper
    from pydoc_data.topics import topics
    keywords_of = {}
    for keyword, target in list(Helper.keywords.items()) + list(Helper.symbols.items()) + list(
            Helper.topics.items()):
        topic = target if isinstance(target, str) else target[0]
        for part in topic.split():
            keywords_of.setdefault(part, []).append(keyword)
    passages = []
    for key, text in topics.items():
        names = sorted(set(keywords_of.get(key, [])), key=lambda n: (not n.islower(), n))
        label = ", ".join(n for n in names if n.isidentifier() or len(n) <= 3)[:80]
        for i, (section, body) in enumerate(plain_sections(text)):
            section_name = section or key
            passages.append({
                "id": "topic:%s:%d" % (key, i), "source": "Python Language Reference",
                "section": section_name, "doc": "pydoc topic '%s'" % key,
                "keywords": label, "text": body, "candidates": doctest_blocks(body)})
    return passages


def plain_sections(text):
    """Splits a plain-text topic at its underlined headings; long parts are cut into paragraph groups."""
    lines = text.split("\n")
    sections, title, body = [], None, []
    i = 0
    while i < len(lines):
        if i + 1 < len(lines) and lines[i].strip() and re.fullmatch(r"[*=\-~^]{3,}", lines[i + 1].strip()) \
                and len(lines[i + 1].strip()) >= len(lines[i].strip()) - 2:
            if any(b.strip() for b in body):
                sections.append((title, "\n".join(body)))
            title, body = lines[i].strip(), []
            i += 2
            continue
        body.append(lines[i])
        i += 1
    if any(b.strip() for b in body):
        sections.append((title, "\n".join(body)))
    out = []
    for title, body in sections:
        for part in cut(body):
            out.append((title, part))
    return out


def cut(body):
    """Paragraph groups of at most MAX_TEXT characters (a code block stays with the paragraph before it)."""
    paragraphs = re.split(r"\n\s*\n", body.strip())
    parts, current = [], ""
    for para in paragraphs:
        if current and len(current) + len(para) > MAX_TEXT and not para.startswith((" ", ">>>")):
            parts.append(current)
            current = ""
        current = (current + "\n\n" + para) if current else para
    if current.strip():
        parts.append(current)
    return parts


# ------------------------------------------------------------------------------------------------------- help()

def help_docstrings():
    passages = []
    for name in dir(builtins):
        obj = getattr(builtins, name)
        if name.startswith("_") or isinstance(obj, type) and issubclass(obj, BaseException):
            continue
        if callable(obj) and obj.__doc__:
            passages.append(help_passage("builtins." + name, name, obj.__doc__))
    for kind in HELP_TYPES:
        for name, member in vars(kind).items():
            if name.startswith("_") or not getattr(member, "__doc__", None):
                continue
            qualified = "%s.%s" % (kind.__name__, name)
            passages.append(help_passage("help:" + qualified, qualified, member.__doc__))
    return passages


def help_passage(pid, name, doc):
    return {"id": "help:" + pid if not pid.startswith("help:") else pid, "source": "Python help()",
            "section": name, "doc": "help(%s)" % name, "keywords": name.split(".")[-1], "text": doc,
            "candidates": doctest_blocks(doc)}


# -------------------------------------------------------------------------------------------------------- RST

HEADING = re.compile(r"^([=\-~^*#\"'+])\1{2,}\s*$")
DIRECTIVE = re.compile(r"^\.\. (function|method|class|exception|attribute|data|decorator|classmethod|"
                       r"staticmethod|describe|opcode|module|index|note|seealso|versionadded|versionchanged|"
                       r"deprecated|impl-detail|warning|important|testsetup|testcode|testoutput|doctest|"
                       r"code-block|sourcecode|highlight|productionlist|literalinclude|toctree|_|[a-z\-]+)"
                       r"(::)?\s*(.*)$")
MORE_SIGNATURE = re.compile(r"^ {4,}[A-Za-z_][\w.]*\(.*\)\s*$")
OBJECT_DIRECTIVES = {"function", "method", "class", "exception", "decorator", "classmethod", "staticmethod",
                     "attribute", "data"}


def rst_file(root, book, name):
    path = os.path.join(root, book, name + ".rst.txt")
    if not os.path.exists(path):
        return []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    page_title = None
    passages, stack = [], []
    current = {"heading": None, "object": None, "names": None, "lines": []}

    def flush():
        text_lines = current["lines"]
        if not any(l.strip() for l in text_lines):
            return
        raw = "\n".join(text_lines)
        heading = current["heading"] or page_title or name
        section = " › ".join([h for h in stack if h][-2:] + ([current["object"]] if current["object"] else []))
        anchor = current["object"] or heading
        for i, part in enumerate(cut(raw)):
            passages.append({
                "id": "%s/%s:%s:%d" % (book, name, anchor, len(passages)),
                "source": BOOKS[book], "section": section or heading,
                "doc": "%s/%s.html" % (book, name) + ("#" + slug(anchor) if anchor else ""),
                "keywords": ", ".join(current.get("names") or []) or current["object"] or "",
                "text": rst_to_text(dedent_body(part)),
                "candidates": code_blocks(part)})

    i = 0
    while i < len(lines):
        line = lines[i]
        # over-and-underlined or underlined heading
        if i + 1 < len(lines) and line.strip() and not line.startswith((" ", "..")) and HEADING.match(
                lines[i + 1]) and len(lines[i + 1].strip()) >= len(line.strip()) - 1:
            flush()
            title = rst_inline(line.strip())
            level = lines[i + 1][0]
            over = i > 0 and HEADING.match(lines[i - 1] or "") is not None
            if page_title is None:
                page_title = title
                stack[:] = [title]
            else:
                depth = {"=": 1, "-": 2, "~": 3, "^": 3, "*": 1, "#": 1, '"': 3, "'": 3, "+": 3}.get(level, 2)
                if over:
                    depth = 1
                del stack[depth:]
                while len(stack) < depth:
                    stack.append(None)
                stack.append(title)
            current.update(heading=title, object=None, names=None, lines=[])
            i += 2
            continue
        if HEADING.match(line) and i + 2 < len(lines) and HEADING.match(lines[i + 2] or ""):
            i += 1
            continue
        m = DIRECTIVE.match(line)
        if m and m.group(1) in OBJECT_DIRECTIVES and m.group(2):
            flush()
            signature = m.group(3).strip()
            signatures = [signature]
            i += 1
            # the data model's signatures on the lines right below ("object.__lt__(self, other)" then
            # "object.__eq__(...)"): the section documents each of those names
            while book == "reference" and i < len(lines) and MORE_SIGNATURE.match(lines[i]):
                signatures.append(lines[i].strip())
                i += 1
            names = list(dict.fromkeys(sig.split("(")[0].strip() for sig in signatures))
            current.update(object=names[0], names=names, lines=signatures)
            while i < len(lines) and lines[i].startswith("   :"):
                i += 1
            continue
        if m and (m.group(1) in ("index", "_", "toctree", "highlight", "module", "productionlist",
                                 "literalinclude", "testsetup", "impl-detail", "sectionauthor",
                                 "moduleauthor", "currentmodule", "include", "tabularcolumns", "only",
                                 "audit-event", "availability") or line.startswith(".. _")
                  or (m.group(1) not in OBJECT_DIRECTIVES and not m.group(2) and m.group(1) != "_")):
            # skip the directive and its indented body
            base = len(line) - len(line.lstrip())
            i += 1
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) > base):
                i += 1
            continue
        if m and m.group(1) in ("note", "seealso", "versionadded", "versionchanged", "deprecated", "warning",
                                "important", "testcode", "doctest", "code-block", "sourcecode"):
            if m.group(1) in ("testcode", "doctest", "code-block", "sourcecode"):
                current["lines"].append("::")
            elif m.group(3).strip():
                current["lines"].append(rst_inline(m.group(3)))
            i += 1
            continue
        current["lines"].append(line)
        i += 1
    flush()
    return passages


def glossary(root):
    path = os.path.join(root, "glossary.rst.txt")
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    passages, term, body = [], None, []
    for line in lines:
        if line.startswith("   ") and not line.startswith("    ") and line.strip():
            if term and body:
                passages.append(term_passage(term, body))
            term, body = rst_inline(line.strip()), []
        elif term and line.startswith("      ") or (term and not line.strip()):
            body.append(line[6:])
    if term and body:
        passages.append(term_passage(term, body))
    return passages


def term_passage(term, body):
    text = "\n".join(body)
    return {"id": "glossary:" + term, "source": "Python Glossary", "section": term,
            "doc": "glossary.html#term-" + slug(term), "keywords": term, "text": rst_to_text(text),
            "candidates": code_blocks(text)}


def dedent_body(text):
    """A documented object's signature line stays; its indented body moves to the margin."""
    first, _, rest = text.partition("\n")
    return first + "\n" + textwrap.dedent(rest) if rest else text


def slug(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


ROLE = re.compile(r":(?:[a-z]+:)?[a-z]+:`~?!?([^`<]*?)(?:\s*<[^>]*>)?`")


def rst_inline(text):
    text = ROLE.sub(lambda m: m.group(1).lstrip("~!."), text)
    text = re.sub(r"``([^`]*)``", r"`\1`", text)
    text = re.sub(r"`([^`<]+?)\s*<[^>]+>`_+", r"\1", text)
    text = re.sub(r"\|([\w-]+)\|_?", r"\1", text)
    text = re.sub(r"(?<!\w)\*\*([^*]+)\*\*", r"\1", text)
    text = re.sub(r"(?<![\w*])\*([^*\s][^*]*)\*(?!\*)", r"\1", text)
    return text


def rst_to_text(rst):
    out = []
    for line in rst.split("\n"):
        if line.strip() == "::":
            continue
        if line.rstrip().endswith("::"):
            line = line.rstrip()[:-1]
        if line.lstrip().startswith(".. "):
            continue
        out.append(rst_inline(line))
    return "\n".join(out)


def tidy(text):
    text = re.sub(r"[ \t]+\n", "\n", text)
    text = re.sub(r"\n{3,}", "\n\n", text).strip()
    if len(text) > MAX_TEXT + 400:
        text = text[:MAX_TEXT + 400].rsplit("\n", 1)[0] + "\n…"
    return text


# ---------------------------------------------------------------------------------------------------- examples

def code_blocks(rst):
    """Literal blocks of an RST passage (after '::'), each as a script (doctest sessions converted)."""
    blocks, lines, i = [], rst.split("\n"), 0
    while i < len(lines):
        if lines[i].rstrip().endswith("::"):
            i += 1
            while i < len(lines) and not lines[i].strip():
                i += 1
            if i >= len(lines):
                break
            indent = len(lines[i]) - len(lines[i].lstrip())
            block = []
            while i < len(lines) and (not lines[i].strip() or len(lines[i]) - len(lines[i].lstrip()) >= indent):
                block.append(lines[i][indent:] if lines[i].strip() else "")
                i += 1
            if indent > 0:
                blocks.append("\n".join(block).strip("\n"))
            continue
        i += 1
    scripts = [s for s in (to_script(b) for b in blocks) if s]
    candidates = []
    if len(scripts) > 1:
        candidates.append("\n".join(scripts))
    candidates += scripts
    return candidates


def doctest_blocks(text):
    """Doctest sessions inside plain text (docstrings, pydoc topics)."""
    sessions, current = [], []
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped.startswith(">>>") or (current and stripped and not stripped.startswith(">>>")
                                          and current[-1].strip().startswith((">>>", "...")) is not None
                                          and len(line) - len(line.lstrip()) >= current_indent(current)):
            current.append(line)
        else:
            if current:
                sessions.append(dedent(current))
            current = []
    if current:
        sessions.append(dedent(current))
    scripts = [s for s in (to_script(b) for b in sessions) if s]
    return (["\n".join(scripts)] if len(scripts) > 1 else []) + scripts


def current_indent(lines):
    return len(lines[0]) - len(lines[0].lstrip())


def dedent(lines):
    indent = current_indent(lines)
    return "\n".join(l[indent:] for l in lines)


def to_script(block):
    """A doctest session becomes a script; plain code stays as it is. None if it is not Python."""
    if ">>>" not in block:
        try:
            ast.parse(block)
        except SyntaxError:
            return None
        return block if re.search(r"\b(print|def|class|for|while|if|assert)\b", block) else None
    script, lines, i = [], block.split("\n"), 0
    while i < len(lines):
        line = lines[i]
        if not line.startswith(">>>"):
            i += 1
            continue
        statement = [line[4:]]
        i += 1
        while i < len(lines) and lines[i].startswith("..."):
            statement.append(lines[i][4:])
            i += 1
        shows_output = i < len(lines) and lines[i].strip() and not lines[i].startswith(">>>")
        source = "\n".join(statement).rstrip()
        if "Traceback" in (lines[i] if i < len(lines) else ""):
            return None  # the session shows an error: not a clean example
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return None
        if shows_output and len(tree.body) == 1 and isinstance(tree.body[0], ast.Expr) and not (
                isinstance(tree.body[0].value, ast.Call) and getattr(tree.body[0].value.func, "id", "") == "print"):
            source = "print(%s)" % source.strip()
        script.append(source)
    return "\n".join(script) if script else None


def first_running(candidates):
    for source in candidates[:2]:
        lines = source.strip("\n").split("\n")
        if len(lines) > MAX_EXAMPLE_LINES or len(lines) < 2 or UNSAFE_EXAMPLE.search(source):
            continue
        output = run(source)
        if output:
            return {"code": source.strip("\n") + "\n", "output": output}
    return None


class _Timeout(BaseException):
    pass


def _alarm(signum, frame):
    raise _Timeout()


def run(source):
    """Runs a candidate example (no stdin, empty folder, 1 s); its output if it finished cleanly.

    In-process for speed (forking thousands of children is slow on a busy machine); the examples reaching outside
    a small script were filtered out before, and state is restored afterwards."""
    saved = sys.stdin, sys.stdout, sys.stderr, os.getcwd(), sys.getrecursionlimit()
    buffer = io.StringIO()
    previous = signal.signal(signal.SIGALRM, _alarm)
    try:
        os.chdir(SCRATCH)
        sys.stdin, sys.stdout, sys.stderr = io.StringIO(""), buffer, io.StringIO()
        signal.setitimer(signal.ITIMER_REAL, 1.0)
        exec(compile(source, "<example>", "exec"), {"__name__": "__main__"})
        signal.setitimer(signal.ITIMER_REAL, 0)
        ok = True
    except BaseException:
        signal.setitimer(signal.ITIMER_REAL, 0)
        ok = False
    finally:
        signal.signal(signal.SIGALRM, previous)
        sys.stdin, sys.stdout, sys.stderr = saved[0], saved[1], saved[2]
        os.chdir(saved[3])
        sys.setrecursionlimit(saved[4])
    output = buffer.getvalue()
    return output if ok and output.strip() and len(output) < 2000 else None


SCRATCH = tempfile.mkdtemp(prefix="doc-index-")


if __name__ == "__main__":
    main()
