# LearnFlow code review script.
#
# Runs INSIDE the code-execution sandbox (never in a service process): the service sends this file as the program
# and the student's code as stdin, so untrusted code is only ever parsed by a sandboxed python3. Reads:
#   line 1: a JSON header {"encoding": "plain" | "zlib+base64"}
#   rest:   the student's program
# Prints one JSON document on stdout: {"version": 1, "findings": [...], "stats": {...}}.
# Only ast, tokenize and the standard library; every rule explains itself to a beginner and suggests a fix.
import ast
import copy
import builtins
import io
import json
import re
import sys
import tokenize

MAX_NESTING = 3          # blocks inside blocks inside blocks is where code starts to get hard to follow
MAX_FUNCTION_LINES = 40  # a function that no longer fits on one screen
MAX_COMPLEXITY = 10      # McCabe's original threshold
MAX_LINE_LENGTH = 79     # PEP 8
MAX_FINDINGS = 60
MAX_PER_RULE = 8

SNAKE_CASE = re.compile(r"^_{0,2}[a-z][a-z0-9_]*_{0,2}$|^_$|^__[a-z0-9_]+__$")
UPPER_CASE = re.compile(r"^_{0,2}[A-Z][A-Z0-9_]*$")
CAP_WORDS = re.compile(r"^_?[A-Z][a-zA-Z0-9]*$")
BUILTIN_NAMES = frozenset(n for n in dir(builtins) if not n.startswith("_")) - {"copyright", "credits", "license"}

RULES = {
    "syntax-error": ("error",
                     "Python could not read this program, so it cannot run at all. The line shown is where Python "
                     "noticed the problem; the real mistake is often just before it."),
    "function-naming": ("warning",
                        "PEP 8, Python's style guide, writes function and method names in snake_case: lower-case "
                        "words joined by underscores. Other Python programmers read your code faster when it "
                        "follows the same conventions."),
    "variable-naming": ("warning",
                        "PEP 8 writes variable and parameter names in snake_case (lower-case words joined by "
                        "underscores). UPPER_CASE is kept for constants defined at the top of a module."),
    "class-naming": ("warning",
                     "PEP 8 writes class names in CapWords (each word starts with a capital letter, no "
                     "underscores), so a class is easy to tell apart from a function or a variable."),
    "unused-import": ("warning",
                      "This module is imported but never used. Unused imports make a reader look for code that "
                      "is not there and slow down the start of your program."),
    "unused-variable": ("warning",
                        "This variable gets a value that is never read. Either it is left over from an earlier "
                        "version, or there is a typo where you meant to use it."),
    "mutable-default-argument": ("error",
                                 "A default value is created once, when the function is defined, not on every "
                                 "call. A list, dict or set used as a default is shared between all calls, so "
                                 "changes made in one call show up in the next."),
    "bare-except": ("warning",
                    "A bare `except:` catches every exception, including typos (NameError), Ctrl+C "
                    "(KeyboardInterrupt) and sys.exit(). It hides bugs instead of handling the one error you "
                    "expected."),
    "compare-to-none": ("warning",
                        "None is a single object, so Python checks for it with `is None` / `is not None`. `==` "
                        "asks the object whether it equals None, which a class can answer differently."),
    "compare-to-bool": ("info",
                        "A condition is already True or False, so comparing it with True or False again is "
                        "redundant and reads awkwardly."),
    "shadowed-builtin": ("warning",
                         "This name belongs to one of Python's built-in functions or types. Using it for your "
                         "own variable hides the built-in for the rest of the scope, which leads to confusing "
                         "errors such as 'list' object is not callable."),
    "range-len-loop": ("info",
                       "`for i in range(len(items))` makes you index the list by hand. Python can give you the "
                       "items directly, and enumerate() gives you the index too when you need it."),
    "deep-nesting": ("warning",
                     "Blocks nested this deeply are hard to read and to test: the reader has to keep every "
                     "enclosing condition in mind at once."),
    "long-function": ("warning",
                      "This function is long enough that it probably does several jobs. Smaller functions with "
                      "one job each are easier to read, test and reuse."),
    "high-complexity": ("warning",
                        "This function has many independent paths (each if, loop, and/or and except adds one). "
                        "Every path needs its own test, and the logic is hard to follow."),
    "missing-docstring": ("info",
                          "A public function should say what it does in a docstring: the first statement of "
                          "the function, a string in triple quotes. help() and editors show it to whoever "
                          "uses your function."),
    "unreachable-code": ("warning",
                         "This code comes right after a return, raise, break or continue in the same block, so "
                         "it can never run."),
    "global-statement": ("warning",
                         "`global` lets a function change a variable outside itself. Hidden changes to shared "
                         "state make programs hard to follow and functions impossible to reuse or test on "
                         "their own."),
    "string-concat-in-loop": ("info",
                              "Strings cannot be changed, so `text += piece` in a loop copies the whole text "
                              "every time. With many pieces that becomes slow."),
    "wildcard-import": ("warning",
                        "`from module import *` dumps every public name of the module into yours: readers "
                        "cannot tell where a name comes from, and imported names can silently replace yours."),
    "line-too-long": ("info",
                      "PEP 8 keeps lines at most 79 characters so code can be read side by side and without "
                      "scrolling."),
    "loop-else-always-runs": ("error",
                              "A loop's `else` block runs when the loop ends *without* `break`. A loop that has no "
                              "`break` always ends that way, so its `else` runs every time, also after the loop "
                              "found what it was looking for."),
    "result-discarded": ("error",
                         "Strings can't be changed in place, and built-ins such as `sorted()` or `int()` give back "
                         "a **new** value: a call whose result is not stored, printed or returned changes nothing."),
    "none-result-used": ("error",
                         "List methods that change the list in place (`sort`, `reverse`, `append`, ...) give back "
                         "`None`, not the list. Storing what they return stores `None`."),
    "always-true-condition": ("error",
                              "`or` joins two whole conditions. A value on its own side of `or` (a non-empty "
                              "string, a non-zero number) counts as true, so the whole condition is always true; "
                              "and a value is always unequal to at least one of two different values, so "
                              "`x != 'a' or x != 'b'` is true for every x."),
    "is-with-literal": ("error",
                        "`is` asks whether two names point at the very same object, not whether two values are "
                        "equal. For numbers and strings the answer depends on how Python stored them, so the test "
                        "can fail although the values are equal (Python warns: SyntaxWarning)."),
    "float-equality": ("warning",
                       "Floats are stored in binary, so a result such as `0.1 * 3` is `0.30000000000000004`, "
                       "not `0.3`: comparing a calculated float with `==` can be false although the numbers "
                       "look equal."),
    "parameter-rebound": ("warning",
                          "Giving a parameter a new value with `=` only changes the function's own name for it; "
                          "the caller's variable keeps its old value, and the function returns nothing."),
    "modified-while-iterating": ("error",
                                 "Adding to or removing from a list while a `for` loop walks over it shifts the "
                                 "items under the loop: it skips some or never ends."),
    "none-returning-call-used": ("error",
                                 "This function has no `return` with a value, so every call gives back `None`. "
                                 "Printing a value inside a function does not hand it back to the caller."),
    "repeated-code": ("warning",
                      "The same steps are written out again and again with only some values changed. Each copy "
                      "has to be changed (and can go wrong) separately; writing the steps once and feeding them "
                      "the values that change keeps them in one place."),
    "unclear-names": ("info",
                      "One-letter names say nothing about what they hold, so a reader (and you, next week) has "
                      "to work it out from every line that uses them. Loop counters such as `i` are the usual "
                      "exception."),
    "no-functions": ("info",
                     "Every step runs at the top level, one after another. Steps that belong together, put in "
                     "functions with names that say what they do, make the program read like a list of its "
                     "jobs, and each job can be tested and reused on its own."),
    "multiple-statements": ("info",
                            "Several statements on one line, separated by `;`, are harder to read and to step "
                            "through in a debugger. PEP 8 puts one statement on each line."),
}


def snake(name):
    """calcTotal -> calc_total, MyValue -> my_value."""
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name)
    s = re.sub(r"([A-Z]+)([A-Z][a-z])", r"\1_\2", s)
    return s.lower()


def cap_words(name):
    return "".join(part[:1].upper() + part[1:] for part in name.split("_") if part) or name


class Review:
    def __init__(self, source):
        self.source = source
        self.lines = source.splitlines()
        self.findings = []
        self.per_rule = {}
        self.stats = {"lines": len(self.lines), "functions": 0, "classes": 0, "maxComplexity": 0,
                      "maxNesting": 0}

    def column(self, line, col_offset):
        """ast gives UTF-8 byte offsets; a beginner counts characters from 1."""
        if line is None or col_offset is None:
            return 1
        if 1 <= line <= len(self.lines):
            return len(self.lines[line - 1].encode("utf-8")[:col_offset].decode("utf-8", "ignore")) + 1
        return col_offset + 1

    def add(self, rule, node_or_line, message, suggestion, col=None):
        if isinstance(node_or_line, int):
            line, column = node_or_line, col or 1
        else:
            line = getattr(node_or_line, "lineno", 1)
            column = self.column(line, getattr(node_or_line, "col_offset", 0))
        count = self.per_rule.get(rule, 0)
        self.per_rule[rule] = count + 1
        if count >= MAX_PER_RULE or len(self.findings) >= MAX_FINDINGS:
            return
        severity, explanation = RULES[rule]
        self.findings.append({"rule": rule, "line": line, "column": column, "severity": severity,
                              "message": message, "explanation": explanation, "suggestion": suggestion})

    def result(self):
        self.findings.sort(key=lambda f: (f["line"], f["column"], f["rule"]))
        self.stats["findingsByRule"] = self.per_rule
        return {"version": 1, "findings": self.findings, "stats": self.stats}


# --------------------------------------------------------------------------------------------- scopes

class Scope:
    """Names bound and read in one function (or the module), for unused-variable and unused-import."""

    def __init__(self, node, kind):
        self.node = node
        self.kind = kind            # "module", "function", "class"
        self.stores = {}            # name -> first node that bound it
        self.loads = set()
        self.declared = set()       # global / nonlocal names
        self.children = []


class ScopeBuilder(ast.NodeVisitor):
    def __init__(self, tree):
        self.root = Scope(tree, "module")
        self.stack = [self.root]
        self.imports = []           # (scope, bound name, node, shown module name)
        self.for_targets = set()    # ids of Name nodes that are loop targets
        self.generic_visit(tree)

    @property
    def scope(self):
        return self.stack[-1]

    def push(self, node, kind):
        child = Scope(node, kind)
        self.scope.children.append(child)
        self.stack.append(child)
        return child

    def visit_FunctionDef(self, node):
        self.scope.stores.setdefault(node.name, node)
        for d in node.decorator_list:
            self.visit(d)
        for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
            self.visit(default)
        if node.returns:
            self.visit(node.returns)
        self.push(node, "function")
        args = node.args
        for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
            if a is not None:
                if a.annotation:
                    self.visit(a.annotation)
                self.scope.loads.add(a.arg)  # parameters are part of the interface: never "unused variables"
        for stmt in node.body:
            self.visit(stmt)
        self.stack.pop()

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Lambda(self, node):
        for default in node.args.defaults:
            self.visit(default)
        self.push(node, "function")
        for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
            self.scope.loads.add(a.arg)
        self.visit(node.body)
        self.stack.pop()

    def visit_ClassDef(self, node):
        self.scope.stores.setdefault(node.name, node)
        for expr in node.bases + node.keywords + node.decorator_list:
            self.visit(expr)
        self.push(node, "class")
        for stmt in node.body:
            self.visit(stmt)
        self.stack.pop()

    def visit_Global(self, node):
        self.scope.declared.update(node.names)

    visit_Nonlocal = visit_Global

    def visit_Import(self, node):
        for alias in node.names:
            bound = alias.asname or alias.name.split(".")[0]
            self.imports.append((self.scope, bound, node, alias.name))

    def visit_ImportFrom(self, node):
        if node.module == "__future__":
            return
        for alias in node.names:
            if alias.name != "*":
                self.imports.append((self.scope, alias.asname or alias.name, node, alias.name))

    def visit_For(self, node):
        for target in ast.walk(node.target):
            if isinstance(target, ast.Name):
                self.for_targets.add(id(target))
        self.generic_visit(node)

    visit_AsyncFor = visit_For

    def visit_comprehension(self, node):
        for target in ast.walk(node.target):
            if isinstance(target, ast.Name):
                self.for_targets.add(id(target))
        self.generic_visit(node)

    def visit_AugAssign(self, node):
        # `total += x` reads total as well as writing it
        if isinstance(node.target, ast.Name):
            self.scope.loads.add(node.target.id)
        self.generic_visit(node)

    def visit_Name(self, node):
        if isinstance(node.ctx, ast.Load) or isinstance(node.ctx, ast.Del):
            self.scope.loads.add(node.id)
        elif id(node) not in self.for_targets:
            self.scope.stores.setdefault(node.id, node)

    def visit_Attribute(self, node):
        self.generic_visit(node)


def all_loads(scope):
    names = set(scope.loads)
    for child in scope.children:
        names |= all_loads(child)
    return names


def exported_names(tree):
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets):
            if isinstance(node.value, (ast.List, ast.Tuple)):
                return {e.value for e in node.value.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
    return set()


# ---------------------------------------------------------------------------------------------- rules

def check_unused(review, tree):
    builder = ScopeBuilder(tree)
    exported = exported_names(tree)
    everything_loaded = all_loads(builder.root)
    string_mentions = {n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)}
    seen = set()
    for scope, bound, node, shown in builder.imports:
        used = bound in (all_loads(scope) if scope.kind != "module" else everything_loaded)
        if used or bound in exported or bound in string_mentions or (id(node), bound) in seen:
            continue
        seen.add((id(node), bound))
        review.add("unused-import", node, "`%s` is imported but never used." % shown,
                   "Delete the import of `%s`, or use it where you meant to." % shown)

    def walk(scope):
        if scope.kind == "function" and not isinstance(scope.node, ast.Lambda):
            used = all_loads(scope)
            for name, node in scope.stores.items():
                if name in used or name in scope.declared or name.startswith("_"):
                    continue
                if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                    review.add("unused-variable", node, "`%s` is defined here but never used." % name,
                               "Delete `%s`, or call it where you meant to." % name)
                else:
                    review.add("unused-variable", node,
                               "`%s` is assigned but its value is never used." % name,
                               "Remove the assignment to `%s`, or use the value (did you mean to return it?). "
                               "If you must assign something you will not use, name it `_`." % name)
        for child in scope.children:
            walk(child)

    walk(builder.root)


def check_naming(review, tree):
    module_level = set()
    for node in tree.body:
        for target in assigned_names(node):
            module_level.add(id(target))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            if not SNAKE_CASE.match(node.name) and not node.name.startswith("test"):
                review.add("function-naming", node, "Function `%s` is not written in snake_case." % node.name,
                           "Rename it to `%s` (and update every call)." % snake(node.name))
            args = node.args
            for a in args.posonlyargs + args.args + args.kwonlyargs + [args.vararg, args.kwarg]:
                if a is not None and not SNAKE_CASE.match(a.arg) and a.arg not in ("self", "cls"):
                    review.add("variable-naming", a, "Parameter `%s` is not written in snake_case." % a.arg,
                               "Rename it to `%s`." % snake(a.arg))
        elif isinstance(node, ast.ClassDef):
            if not CAP_WORDS.match(node.name):
                review.add("class-naming", node, "Class `%s` is not written in CapWords." % node.name,
                           "Rename it to `%s`." % cap_words(node.name))
        elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            name = node.id
            if SNAKE_CASE.match(name):
                continue
            if UPPER_CASE.match(name) and id(node) in module_level:
                continue  # a module-level constant
            review.add("variable-naming", node, "Variable `%s` is not written in snake_case." % name,
                       "Rename it to `%s`%s." % (snake(name), ""
                       if id(node) in module_level else " (UPPER_CASE is only for module-level constants)"))


def assigned_names(stmt):
    targets = []
    if isinstance(stmt, ast.Assign):
        targets = stmt.targets
    elif isinstance(stmt, (ast.AnnAssign, ast.AugAssign)):
        targets = [stmt.target]
    names = []
    for t in targets:
        names.extend(n for n in ast.walk(t) if isinstance(n, ast.Name))
    return names


def is_mutable_literal(node):
    if isinstance(node, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
            and node.func.id in ("list", "dict", "set", "bytearray", "defaultdict", "deque", "OrderedDict"))


def function_nodes(tree):
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def check_mutable_defaults(review, tree):
    for fn in function_nodes(tree) + [n for n in ast.walk(tree) if isinstance(n, ast.Lambda)]:
        args = fn.args
        positional = args.posonlyargs + args.args
        pairs = list(zip(positional[len(positional) - len(args.defaults):], args.defaults))
        pairs += [(a, d) for a, d in zip(args.kwonlyargs, args.kw_defaults) if d is not None]
        for arg, default in pairs:
            if is_mutable_literal(default):
                review.add("mutable-default-argument", default,
                           "Parameter `%s` has a mutable default value." % arg.arg,
                           "Use `%s=None` and create a fresh value inside the function: "
                           "`if %s is None: %s = %s`." % (arg.arg, arg.arg, arg.arg, empty_like(default)))


def empty_like(node):
    if isinstance(node, (ast.Dict, ast.DictComp)):
        return "{}"
    if isinstance(node, (ast.Set, ast.SetComp)):
        return "set()"
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return node.func.id + "()"
    return "[]"


def check_bare_except(review, tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ExceptHandler) and node.type is None:
            review.add("bare-except", node, "`except:` without an exception type catches everything.",
                       "Name the exception you expect, e.g. `except ValueError:`; if you really want any "
                       "error, write `except Exception as err:` and report `err`.")


def is_constant(node, values):
    return isinstance(node, ast.Constant) and any(node.value is v for v in values)


def check_comparisons(review, tree):
    for node in ast.walk(tree):
        if not isinstance(node, ast.Compare):
            continue
        left = node.left
        for op, right in zip(node.ops, node.comparators):
            pair = (left, right)
            if isinstance(op, (ast.Eq, ast.NotEq)) and any(is_constant(x, (None,)) for x in pair):
                wanted = "is None" if isinstance(op, ast.Eq) else "is not None"
                review.add("compare-to-none", node, "Comparison with None uses `%s`." %
                           ("==" if isinstance(op, ast.Eq) else "!="),
                           "Write `%s %s`." % (source_of(other(pair, None)), wanted))
            elif isinstance(op, (ast.Eq, ast.NotEq, ast.Is, ast.IsNot)) and any(
                    is_constant(x, (True, False)) for x in pair):
                value = next(x.value for x in pair if is_constant(x, (True, False)))
                subject = source_of(other(pair, value))
                positive = (value is True) == isinstance(op, (ast.Eq, ast.Is))
                review.add("compare-to-bool", node, "The condition is compared with %s." % value,
                           "Write `if %s:` instead." % (subject if positive else "not " + subject))
            left = right


def other(pair, constant):
    a, b = pair
    return b if is_constant(a, (constant,)) else a


def source_of(node):
    try:
        text = ast.unparse(node)
    except Exception:
        text = "value"
    return text if len(text) <= 40 else "value"


def bound_names(node):
    """(name, node) pairs that a statement or parameter list binds in its scope."""
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield node.name, node
    elif isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
        yield node.id, node
    elif isinstance(node, ast.arg):
        yield node.arg, node
    elif isinstance(node, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            if alias.asname:
                yield alias.asname, node


def check_shadowed_builtins(review, tree):
    reported = set()
    for node in ast.walk(tree):
        for name, where in bound_names(node):
            if name in BUILTIN_NAMES and (name, getattr(where, "lineno", 0)) not in reported:
                reported.add((name, getattr(where, "lineno", 0)))
                review.add("shadowed-builtin", where, "`%s` hides Python's built-in `%s`." % (name, name),
                           "Choose a more specific name, e.g. `%s`." % better_name(name))


def better_name(name):
    return {"list": "items", "dict": "counts", "str": "text", "sum": "total", "max": "largest",
            "min": "smallest", "input": "user_input", "id": "user_id", "type": "kind", "len": "length",
            "file": "path", "set": "seen", "filter": "keep", "map": "mapping", "next": "following",
            "object": "item", "range": "span", "format": "fmt", "iter": "iterator", "all": "everything",
            "any": "found", "sorted": "ordered", "print": "show", "open": "is_open", "hash": "digest",
            "tuple": "pair", "zip": "pairs", "round": "rounded", "abs": "magnitude", "pow": "power",
            "float": "number", "int": "number", "bool": "flag", "vars": "variables"}.get(name, name + "_value")


def check_range_len(review, tree):
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.comprehension)):
            it = node.iter
            if (isinstance(it, ast.Call) and isinstance(it.func, ast.Name) and it.func.id == "range"
                    and len(it.args) == 1 and isinstance(it.args[0], ast.Call)
                    and isinstance(it.args[0].func, ast.Name) and it.args[0].func.id == "len"
                    and len(it.args[0].args) == 1):
                seq = source_of(it.args[0].args[0])
                index = source_of(node.target)
                review.add("range-len-loop", node if isinstance(node, ast.For) else it,
                           "Looping over `range(len(%s))` to index `%s`." % (seq, seq),
                           "Loop over the items directly: `for item in %s:`, or use `for %s, item in "
                           "enumerate(%s):` when you also need the position." % (seq, index, seq))


BLOCKS = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.With, ast.AsyncWith, ast.Try)
if hasattr(ast, "TryStar"):
    BLOCKS = BLOCKS + (ast.TryStar,)
if hasattr(ast, "Match"):
    BLOCKS = BLOCKS + (ast.Match,)


def child_bodies(node):
    for field in ("body", "orelse", "finalbody"):
        body = getattr(node, field, None)
        if isinstance(body, list):
            # `elif` is an If inside orelse: same level, not deeper
            if field == "orelse" and len(body) == 1 and isinstance(body[0], ast.If) and isinstance(node, ast.If):
                yield body, True
            else:
                yield body, False
    for handler in getattr(node, "handlers", []) or []:
        yield handler.body, False
    for case in getattr(node, "cases", []) or []:
        yield case.body, False


def check_nesting(review, tree):
    def visit(body, depth):
        for stmt in body:
            if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                visit(stmt.body, 0)
                continue
            if not isinstance(stmt, BLOCKS):
                continue
            level = depth + 1
            review.stats["maxNesting"] = max(review.stats["maxNesting"], level)
            if level > MAX_NESTING:
                review.add("deep-nesting", stmt, "This block is nested %d levels deep (more than %d)."
                           % (level, MAX_NESTING),
                           "Return early for special cases (`if not ok: return`), use `continue` in loops, or "
                           "move the inner part into a helper function with a descriptive name.")
                continue  # one finding per too-deep block, not one for each of its children
            for inner, same_level in child_bodies(stmt):
                visit(inner, depth if same_level else level)

    visit(tree.body, 0)


def complexity(fn):
    score = 1

    def count(node):
        nonlocal score
        for child in ast.iter_child_nodes(node):
            if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                continue  # measured on their own
            if isinstance(child, (ast.If, ast.IfExp, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler,
                                  ast.Assert)):
                score += 1
            elif isinstance(child, ast.BoolOp):
                score += len(child.values) - 1
            elif isinstance(child, ast.comprehension):
                score += 1 + len(child.ifs)
            elif hasattr(ast, "match_case") and isinstance(child, ast.match_case):
                score += 1
            count(child)

    count(fn)
    return score


def check_functions(review, tree):
    class_bodies = {id(stmt) for node in ast.walk(tree) if isinstance(node, ast.ClassDef) for stmt in node.body}
    top_level = {id(stmt) for stmt in tree.body}
    for fn in function_nodes(tree):
        review.stats["functions"] += 1
        length = (fn.end_lineno or fn.lineno) - fn.lineno + 1
        if length > MAX_FUNCTION_LINES:
            review.add("long-function", fn, "Function `%s` is %d lines long (more than %d)."
                       % (fn.name, length, MAX_FUNCTION_LINES),
                       "Split `%s` into smaller helper functions, each doing one step with a name that "
                       "says what it does." % fn.name)
        cc = complexity(fn)
        review.stats["maxComplexity"] = max(review.stats["maxComplexity"], cc)
        if cc > MAX_COMPLEXITY:
            review.add("high-complexity", fn, "Function `%s` has a cyclomatic complexity of %d (more than %d)."
                       % (fn.name, cc, MAX_COMPLEXITY),
                       "Move groups of conditions into well-named helper functions, or replace a long "
                       "if/elif chain with a dictionary lookup.")
        public = not fn.name.startswith("_")
        if public and (id(fn) in top_level or id(fn) in class_bodies) and ast.get_docstring(fn) is None:
            review.add("missing-docstring", fn, "Public function `%s` has no docstring." % fn.name,
                       'Add a first line such as `"""Return ... for the given ...."""` that says what `%s` '
                       "returns and what its parameters mean." % fn.name)
    review.stats["classes"] = sum(1 for n in ast.walk(tree) if isinstance(n, ast.ClassDef))


TERMINATORS = (ast.Return, ast.Raise, ast.Break, ast.Continue)


def check_unreachable(review, tree):
    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            body = getattr(node, field, None)
            if not isinstance(body, list):
                continue
            for i, stmt in enumerate(body[:-1]):
                if isinstance(stmt, TERMINATORS):
                    kind = type(stmt).__name__.lower()
                    review.add("unreachable-code", body[i + 1], "This code comes after `%s` and never runs." % kind,
                               "Delete it, or move it before the `%s` if it should run." % kind)
                    break


def check_globals(review, tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            names = ", ".join(node.names)
            review.add("global-statement", node, "The function changes the global variable(s) %s." % names,
                       "Pass %s in as a parameter and return the new value instead (or keep the state in a "
                       "class)." % names)


def string_initialised(tree):
    """Names that are ever assigned a string literal or f-string."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and is_string_expr(node.value):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if node.value is not None and is_string_expr(node.value):
                names.add(node.target.id)
    return names


def is_string_expr(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return True
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("str", "chr", "repr"):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return is_string_expr(node.left) or is_string_expr(node.right)
    return False


def check_string_building(review, tree):
    strings = string_initialised(tree)
    reported = set()
    for loop in ast.walk(tree):
        if not isinstance(loop, (ast.For, ast.AsyncFor, ast.While)):
            continue
        for node in ast.walk(loop):
            if (isinstance(node, ast.AugAssign) and isinstance(node.op, ast.Add)
                    and isinstance(node.target, ast.Name)
                    and (node.target.id in strings or is_string_expr(node.value))
                    and id(node) not in reported):
                reported.add(id(node))
                name = node.target.id
                review.add("string-concat-in-loop", node, "`%s` is built with `+=` inside a loop." % name,
                           "Collect the pieces in a list (`parts.append(piece)`) and join them once after the "
                           "loop: `%s = ''.join(parts)`." % name)


def check_wildcard(review, tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and any(a.name == "*" for a in node.names):
            review.add("wildcard-import", node, "`from %s import *` imports every public name." % (node.module or "."),
                       "Import only what you use: `from %s import name1, name2`, or `import %s` and write "
                       "`%s.name`." % (node.module, node.module, (node.module or "module").split(".")[-1]))


# --------------------------------------------------------------------------------------------- likely bugs
# Mistakes that run without an error and give a wrong result: a review that only looked at style would call the
# program clean. Each suggestion asks or points; none writes the corrected line.

STRING_METHODS_NEW_VALUE = frozenset(("replace", "upper", "lower", "strip", "lstrip", "rstrip", "title",
                                      "capitalize", "swapcase", "casefold", "zfill", "removeprefix", "removesuffix",
                                      "center", "ljust", "rjust"))
BUILTINS_NEW_VALUE = frozenset(("sorted", "reversed", "round", "abs", "int", "float", "str", "list", "set",
                                "tuple", "len", "max", "min", "sum"))
IN_PLACE_METHODS = frozenset(("sort", "reverse", "append", "extend", "insert", "remove", "clear"))
RESIZING_METHODS = frozenset(("append", "remove", "pop", "insert", "extend", "clear"))


def own_nodes(body):
    """The nodes of a block, not descending into functions, classes or lambdas defined in it."""
    stack = list(body)
    while stack:
        node = stack.pop()
        yield node
        for child in ast.iter_child_nodes(node):
            if not isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
                stack.append(child)


def loop_breaks(loop):
    """Whether a break belongs to this loop (not to a loop inside it)."""
    stack = list(loop.body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Break):
            return True
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)):
            stack.extend(node.orelse)  # a nested loop's else still belongs to this loop
            continue
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)):
            continue
        stack.extend(ast.iter_child_nodes(node))
    return False


def truthy_constant(node):
    return (isinstance(node, ast.Constant) and not isinstance(node.value, bool) and node.value is not None
            and isinstance(node.value, (str, int, float)) and bool(node.value))


def has_arithmetic(node):
    return any(isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Add, ast.Sub, ast.Mult, ast.Div))
               for n in ast.walk(node))


def returns_value(fn):
    return any(isinstance(n, ast.Return) and n.value is not None
               and not is_constant(n.value, (None,)) for n in own_nodes(fn.body))


def else_line(review, loop):
    """The line of a loop's `else:` (ast keeps only the lines of the statements under it)."""
    for number in range(loop.orelse[0].lineno - 1, loop.lineno, -1):
        if review.lines[number - 1].strip().startswith("else"):
            return number
    return loop.orelse[0].lineno


def differs_from_two(node):
    # x != 'a' or x != 'b': the same name against two different constants; the text of the name, or None
    tests = [v for v in node.values if isinstance(v, ast.Compare) and len(v.ops) == 1
             and isinstance(v.ops[0], ast.NotEq) and isinstance(v.comparators[0], ast.Constant)]
    for i, first in enumerate(tests):
        for second in tests[i + 1:]:
            if ast.dump(first.left) == ast.dump(second.left) \
                    and first.comparators[0].value != second.comparators[0].value:
                return source_of(first.left)
    return None


def check_likely_bugs(review, tree):
    # int(text) alone in a try block checks that the text is a number: its value is not what the line is for
    tried = {id(stmt) for node in ast.walk(tree) if isinstance(node, ast.Try) for stmt in node.body}
    # names that hold a calculated value (total = 0.1 + 0.2; total += price)
    calculated = {t.id for node in ast.walk(tree)
                  if isinstance(node, ast.AugAssign) or isinstance(node, ast.Assign) and has_arithmetic(node.value)
                  for t in assigned_names(node)}
    for node in ast.walk(tree):
        if isinstance(node, (ast.For, ast.AsyncFor, ast.While)) and node.orelse and not loop_breaks(node):
            loop = "for" if isinstance(node, (ast.For, ast.AsyncFor)) else "while"
            review.add("loop-else-always-runs", else_line(review, node),
                       "The `else` of the `%s` loop on line %d runs every time: the loop has no `break`."
                       % (loop, node.lineno),
                       "Decide when the `else` should be skipped: which line of the loop knows the search is "
                       "over, and what should it do then?")
        elif isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            call, func = node.value, node.value.func
            if isinstance(func, ast.Attribute) and func.attr in STRING_METHODS_NEW_VALUE:
                review.add("result-discarded", node, "`%s` gives back a new string, and it is not kept."
                           % source_of(call),
                           "Where should the result of `.%s()` go? `%s` itself stays as it was."
                           % (func.attr, source_of(func.value)))
            elif isinstance(func, ast.Name) and func.id in BUILTINS_NEW_VALUE and call.args and id(node) not in tried:
                review.add("result-discarded", node, "`%s` gives back a new value, and it is not kept."
                           % source_of(call),
                           "What should happen to the result of `%s()`? Its argument stays as it was." % func.id)
        elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Attribute) and node.value.func.attr in IN_PLACE_METHODS:
            review.add("none-result-used", node, "`%s` changes the list in place and gives back `None`, so "
                       "`%s` becomes `None`." % (source_of(node.value), source_of(node.targets[0])),
                       "Call `.%s()` on its own line and keep using the list itself." % node.value.func.attr)
        elif isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or) \
                and any(isinstance(v, ast.Compare) for v in node.values):
            bare = next((v for v in node.values[1:] if truthy_constant(v)), None)
            unequal = differs_from_two(node)
            if bare is not None:
                review.add("always-true-condition", node, "`%s` is always true: `%s` on its own side of `or` "
                           "counts as true." % (source_of(node), source_of(bare)),
                           "What should `%s` be compared with? Each side of `or` needs its own comparison."
                           % source_of(bare))
            elif unequal is not None:
                review.add("always-true-condition", node, "`%s` is always true: `%s` cannot equal both values at "
                           "once, so one of the `!=` sides is always true." % (source_of(node), unequal),
                           "Say it in words: when should the condition be true? Which joins the two tests for "
                           "that, `or` or `and`?")
        elif isinstance(node, ast.Compare):
            left = node.left
            for op, right in zip(node.ops, node.comparators):
                pair = (left, right)
                if isinstance(op, (ast.Is, ast.IsNot)) and any(
                        isinstance(x, ast.Constant) and isinstance(x.value, (str, int, float, bytes))
                        and not isinstance(x.value, bool) for x in pair):
                    review.add("is-with-literal", node, "`%s` compares with `is` against a value." % source_of(node),
                               "Which operator compares two values for equality?")
                elif isinstance(op, (ast.Eq, ast.NotEq)) and any(
                        isinstance(x, ast.Constant) and isinstance(x.value, float) for x in pair) \
                        and any(has_arithmetic(x) or isinstance(x, ast.Name) and x.id in calculated for x in pair):
                    review.add("float-equality", node, "`%s` compares a calculated float with `==`."
                               % source_of(node),
                               "How could you check that two floats are close enough (see `math.isclose`)?")
                left = right
        elif isinstance(node, (ast.For, ast.AsyncFor)) and isinstance(node.iter, ast.Name):
            name = node.iter.id
            for inner in own_nodes(node.body):
                if (isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute)
                        and inner.func.attr in RESIZING_METHODS and isinstance(inner.func.value, ast.Name)
                        and inner.func.value.id == name):
                    review.add("modified-while-iterating", inner, "`%s` changes `%s` while the loop on line %d "
                               "walks over it." % (source_of(inner), name, node.lineno),
                               "Which list could the loop walk over, and which one could it change?")
                    break
    check_rebound_parameters(review, tree)
    check_none_returning_calls(review, tree)


def check_rebound_parameters(review, tree):
    for fn in function_nodes(tree):
        if returns_value(fn) or any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own_nodes(fn.body)):
            continue
        declared = {name for n in own_nodes(fn.body) if isinstance(n, (ast.Global, ast.Nonlocal))
                    for name in n.names}
        params = {a.arg for a in fn.args.posonlyargs + fn.args.args + fn.args.kwonlyargs} - {"self", "cls"}
        for n in own_nodes(fn.body):
            target = None
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name):
                target = n.targets[0].id
            elif isinstance(n, ast.AugAssign) and isinstance(n.target, ast.Name) and (
                    isinstance(n.value, ast.Constant) and isinstance(n.value.value, (int, float, str))):
                target = n.target.id  # count += 1 on a number: a new number, not a change
            if target in params and target not in declared and not read_after(fn, n, target):
                review.add("parameter-rebound", n, "`%s` gives the parameter `%s` a new value that never "
                           "leaves `%s`." % (source_of(n), target, fn.name),
                           "How could `%s` hand the new value back to its caller?" % fn.name)
                break


def read_after(fn, assignment, name):
    """Whether the function reads `name` after the assignment: on a later line, or anywhere in a loop around it
    (`n -= 1` in `while n > 0:` is read again by the loop's condition)."""
    loads = [n.lineno for n in own_nodes(fn.body) if isinstance(n, ast.Name) and n.id == name
             and isinstance(n.ctx, ast.Load)]
    if any(line > assignment.lineno for line in loads):
        return True
    for loop in own_nodes(fn.body):
        if isinstance(loop, (ast.For, ast.AsyncFor, ast.While)) \
                and loop.lineno <= assignment.lineno <= (loop.end_lineno or loop.lineno) \
                and any(loop.lineno <= line <= (loop.end_lineno or loop.lineno) for line in loads):
            return True
    return False


def check_none_returning_calls(review, tree):
    top = {fn.name: fn for fn in tree.body if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef))}
    silent = {name for name, fn in top.items() if not returns_value(fn)
              and not any(isinstance(n, (ast.Yield, ast.YieldFrom)) for n in own_nodes(fn.body))}
    if not silent:
        return
    reported = set()
    for node in ast.walk(tree):
        value = None
        if isinstance(node, ast.Assign):
            value = node.value
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "print":
            value = next((a for a in node.args if isinstance(a, ast.Call)), None)
        elif isinstance(node, ast.Return):
            value = node.value
        if (isinstance(value, ast.Call) and isinstance(value.func, ast.Name) and value.func.id in silent
                and value.func.id not in reported):
            reported.add(value.func.id)
            review.add("none-returning-call-used", value, "`%s` is used as a value, but `%s` never returns one."
                       % (source_of(value), value.func.id),
                       "What should `%s` hand back to the line that calls it?" % value.func.id)


REPEATS_NEEDED = 3          # the same steps three times over is a pattern, twice may be a coincidence
LONGEST_REPEATED_GROUP = 5  # statements per repeated group looked for
CONVENTIONAL_SHORT_NAMES = frozenset("ijknmxyz_e")
UNCLEAR_NAMES_NEEDED = 3
TOP_LEVEL_STATEMENTS = 15


def shape(stmt):
    # the statement with its literal values left out: the copies differ only in those
    class Blank(ast.NodeTransformer):
        def visit_Constant(self, node):
            return ast.copy_location(ast.Constant(value=type(node.value).__name__), node)

        def visit_JoinedStr(self, node):
            return ast.copy_location(ast.Constant(value="fstring"), node)
    return ast.dump(Blank().visit(copy.deepcopy(stmt)), annotate_fields=False, include_attributes=False)


def bodies(tree):
    yield tree.body
    for node in ast.walk(tree):
        if isinstance(node, BLOCKS + (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            for body, _ in child_bodies(node):
                yield body


def check_repeated_code(review, tree):
    for body in bodies(tree):
        shapes = [shape(stmt) for stmt in body]
        i = 0
        while i < len(body):
            found = None
            for size in range(1, LONGEST_REPEATED_GROUP + 1):
                group = shapes[i:i + size]
                if len(group) < size:
                    break
                copies = 1
                while shapes[i + copies * size:i + (copies + 1) * size] == group:
                    copies += 1
                # one simple statement three times is common in a demonstration (three prints of three cases);
                # four, or a block (an if with its body) three times, is copying
                simple = size == 1 and not isinstance(body[i], BLOCKS)
                if copies >= REPEATS_NEEDED + simple:
                    found = (size, copies)
                    break
            if not found:
                i += 1
                continue
            size, copies = found
            first, last = body[i], body[i + size * copies - 1]
            end = getattr(last, "end_lineno", last.lineno)
            what = "statement" if size == 1 else "group of %d statements" % size
            review.add("repeated-code", first, "Lines %d-%d repeat the same %s %d times; only some values change."
                       % (first.lineno, end, what, copies),
                       "Which values change from one copy to the next? Put them in a list (or a dict) and write "
                       "the steps once, in a loop over it, or in a function that takes them as parameters.")
            i += size * copies


def check_unclear_names(review, tree):
    scopes = [tree] + [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]
    for scope in scopes:
        loop_targets = {id(t) for n in ast.walk(scope) if isinstance(n, (ast.For, ast.comprehension))
                        for t in ast.walk(n.target)}
        short = {}
        for node in ast.walk(scope):
            if scope is tree and isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                continue
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store) and len(node.id) == 1 \
                    and node.id.lower() not in CONVENTIONAL_SHORT_NAMES and id(node) not in loop_targets:
                short.setdefault(node.id, node)
        if scope is tree:
            # names stored inside functions belong to those functions' own check
            inner = {id(n) for f in ast.walk(tree) if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef))
                     for n in ast.walk(f)}
            short = {k: v for k, v in short.items() if id(v) not in inner}
        # (three of them are common in a demonstration of a, b and c; with data typed in they hold something)
        typed = any(isinstance(n, ast.Assign) and any(is_input_call(x) for x in ast.walk(n.value))
                    and any(isinstance(t, ast.Name) and t.id in short for t in n.targets) for n in ast.walk(scope))
        if len(short) >= UNCLEAR_NAMES_NEEDED + (not typed):
            names = sorted(short, key=lambda k: (short[k].lineno, k))
            first = short[names[0]]
            review.add("unclear-names", first, "The names %s do not say what they hold."
                       % ", ".join("`%s`" % n for n in names),
                       "What does each one hold? Name it for that (what is `%s` here?)." % names[0])


def is_input_call(node):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "input"


def check_no_functions(review, tree):
    if any(isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) for n in ast.walk(tree)):
        return
    count = sum(1 for n in ast.walk(tree) if isinstance(n, ast.stmt))
    if count >= TOP_LEVEL_STATEMENTS:
        review.add("no-functions", tree.body[0], "All %d statements run at the top level, with no functions."
                   % count, "Which steps belong together (reading the input, working something out, printing "
                            "the result)? Give each such job a function with a name that says what it does, and "
                            "call them at the end.")


def check_tokens(review):
    for number, line in enumerate(review.lines, start=1):
        if len(line) > MAX_LINE_LENGTH:
            review.add("line-too-long", number, "Line %d is %d characters long (PEP 8: at most %d)."
                       % (number, len(line), MAX_LINE_LENGTH),
                       "Break it up: Python continues a line inside (), [] and {}, so wrap the expression in "
                       "parentheses and split after a comma or an operator.", col=MAX_LINE_LENGTH + 1)
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(review.source).readline))
    except (tokenize.TokenError, SyntaxError, IndentationError):
        return
    for i, tok in enumerate(tokens):
        if tok.type == tokenize.OP and tok.string == ";":
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and following.type not in (tokenize.NEWLINE, tokenize.COMMENT,
                                                                 tokenize.ENDMARKER):
                review.add("multiple-statements", tok.start[0], "Several statements share line %d." % tok.start[0],
                           "Put each statement on its own line and drop the `;`.", col=tok.start[1] + 1)


def read_input():
    data = sys.stdin.buffer.read()
    header, _, body = data.partition(b"\n")
    encoding = json.loads(header.decode("utf-8") or "{}").get("encoding", "plain")
    if encoding == "zlib+base64":
        import base64
        import zlib
        body = zlib.decompress(base64.b64decode(body), bufsize=1 << 16)
    return body.decode("utf-8", "replace")


def review(source):
    result = Review(source)
    try:
        tree = ast.parse(source, filename="main.py")
    except SyntaxError as e:
        line = e.lineno or 1
        col = e.offset or 1
        what = e.msg or "invalid syntax"
        result.add("syntax-error", line, "SyntaxError: %s." % what,
                   "Look at line %d and the line before it for a missing `:`, bracket or quote, or a mistyped "
                   "keyword." % line, col=col)
        return result.result()
    checks = (check_naming, check_unused, check_mutable_defaults, check_bare_except, check_comparisons,
              check_shadowed_builtins, check_range_len, check_nesting, check_functions, check_unreachable,
              check_globals, check_string_building, check_wildcard, check_likely_bugs, check_repeated_code,
              check_unclear_names, check_no_functions)
    for check in checks:
        check(result, tree)
    check_tokens(result)
    return result.result()


if __name__ == "__main__":
    sys.setrecursionlimit(3000)
    try:
        output = review(read_input())
    except RecursionError:
        output = {"version": 1, "findings": [], "stats": {}, "error": "program too deeply nested to analyse"}
    sys.stdout.write(json.dumps(output))
