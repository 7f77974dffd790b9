#!/usr/bin/env python3
"""Builds bench/tutor/data/wrong-programs.json from the authoring files programs_*.py and checks every program.

For each program it runs, in a fresh python3 process per test case (timeout 6 s, a timeout tried again with 18 s):
  - the buggy program: at least one stated case must fail (wrong value, exception or timeout);
  - the fixed variant (the buggy one with the labelled lines replaced): every stated case must pass, and its
    top-level code must run without an exception.
It fills {actual} / {error} in the student's words from the buggy run, records per case whether it fails and
what the buggy program gives, and refuses to write the JSON when any check fails.

    python3 bench/tutor/data/src/build_programs.py          # check and write
    python3 bench/tutor/data/src/build_programs.py --check  # check only (exit 1 on a problem)
"""
import concurrent.futures
import json
import os
import re
import subprocess
import sys
import textwrap

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "..", "wrong-programs.json")
MARKER = re.compile(r"\s*#@bug\s*$")
CATEGORIES = """off_by_one_range return_in_loop missing_return print_instead_of_return accumulator_reset_in_loop
integer_division wrong_comparison_operator index_vs_element mutate_while_iterating is_vs_equals
wrong_variable_returned boolean_precedence loop_condition_never_changes recursion_no_base_case sort_result_used
str_int_comparison shadowed_if_chain early_break wrong_initial_value mutable_default_argument inverted_condition
unhandled_edge_case wrong_operator""".split()
HOWS = {"question", "error", "assert", "doctest", "stdin"}
TIMEOUT = 6

# Runs one case in a child process and prints one JSON line. A stdin case runs the whole program (as __main__) with
# that input. A call case runs the program's definitions only, then the earlier calls of the same program (state
# such as a mutable default carries over, as in the student's asserts), then the call.
HARNESS = r'''
import ast, contextlib, io, json, sys
spec = json.loads(sys.argv[1])
ns = {"__name__": "__main__"}
out = io.StringIO()
top_error = None
tree = ast.parse(spec["code"])
if spec.get("call"):
    # a call case starts from a fresh program's definitions: defs, classes, imports and call-free assignments
    # (the student's own top-level calls, prints and asserts would leave state behind, e.g. in a mutable default)
    def keep(node):
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
            return True
        return isinstance(node, ast.Assign) and not any(isinstance(n, ast.Call) for n in ast.walk(node))
    tree.body = [n for n in tree.body if keep(n)]
with contextlib.redirect_stdout(out):
    try:
        exec(compile(tree, "main.py", "exec"), ns)
    except BaseException as e:
        top_error = type(e).__name__ + ": " + str(e)
result = {"stdout": out.getvalue(), "topError": top_error}
if spec.get("call"):
    sink = io.StringIO()
    with contextlib.redirect_stdout(sink):
        for before in spec.get("before", []):
            try:
                eval(before, ns)
            except BaseException:
                pass
        try:
            value = eval(spec["call"], ns)
            result["actual"] = repr(value)
            result["passed"] = value == eval(spec["expected"], {})
        except BaseException as e:
            result["error"] = type(e).__name__ + ": " + str(e)
            result["passed"] = False
print(json.dumps(result))
'''


def P(id, category, how, code, fix, cases, question=None, error=None, also_lines=None):
    return dict(id=id, category=category, how=how, code=code, fix=fix, cases=cases, question=question,
                error=error, also_lines=also_lines or [])


def clean(program):
    raw = textwrap.dedent(program["code"]).strip("\n").split("\n")
    lines, marked = [], []
    for i, line in enumerate(raw, start=1):
        if MARKER.search(line):
            marked.append(i)
            line = MARKER.sub("", line)
        lines.append(line.rstrip())
    fix = program["fix"]
    if isinstance(fix, list):
        if len(fix) != len(marked):
            raise ValueError(f"{len(fix)} fixes for {len(marked)} #@bug lines")
        fix = dict(zip(marked, fix))
    fixed = []
    for i, line in enumerate(lines, start=1):
        replacement = fix.get(i)
        if replacement is None:
            fixed.append(line)
        elif replacement != "":
            fixed.extend(replacement.split("\n"))
    return "\n".join(lines) + "\n", "\n".join(fixed) + "\n", sorted(set(marked + program["also_lines"]))


def run(code, case, before):
    """One case in a child process; a timeout is tried once more with a longer limit (a busy machine is slow)."""
    result = run_once(code, case, before, TIMEOUT)
    return run_once(code, case, before, 3 * TIMEOUT) if result.get("timeout") else result


def run_once(code, case, before, timeout):
    spec = {"code": code}
    if "call" in case:
        spec.update(call=case["call"], expected=case["expected"], before=before)
    try:
        p = subprocess.run([sys.executable, "-I", "-c", HARNESS, json.dumps(spec)], input=case.get("stdin") or "",
                           capture_output=True, text=True, timeout=timeout, cwd="/tmp")
    except subprocess.TimeoutExpired:
        return {"timeout": True, "passed": False}
    try:
        return json.loads(p.stdout.strip().split("\n")[-1])
    except (ValueError, IndexError):
        return {"harnessError": p.stderr[-500:], "passed": False}


def normalized_output(text):
    return "\n".join(line.rstrip() for line in text.strip().split("\n"))


def check(program):
    problems = []
    if program["category"] not in CATEGORIES:
        problems.append("unknown category " + program["category"])
    if program["how"] not in HOWS:
        problems.append("unknown how " + program["how"])
    code, fixed, bug_lines = clean(program)
    if not bug_lines:
        problems.append("no #@bug line")
    n_lines = code.count("\n")
    if any(l < 1 or l > n_lines for l in bug_lines):
        problems.append(f"bug line out of range {bug_lines}")
    cases = []
    calls = []
    first_stdin = next((c["stdin"] for c in program["cases"] if isinstance(c, dict)), "")
    whole = run(fixed, {"stdin": first_stdin}, [])
    if whole.get("topError") or whole.get("timeout") or whole.get("harnessError"):
        problems.append(f"the fixed program fails when run: {whole}")
    for raw in program["cases"]:
        case = {"call": raw[0], "expected": raw[1]} if isinstance(raw, tuple) else dict(raw)
        fixed_run = run(fixed, case, calls)
        buggy_run = run(code, case, calls)
        if fixed_run.get("topError") or fixed_run.get("timeout") or fixed_run.get("harnessError"):
            problems.append(f"fixed program fails on this case: {fixed_run}")
        if "call" in case:
            calls.append(case["call"])
            if not fixed_run.get("passed"):
                problems.append(f"fixed fails {case['call']}: {fixed_run}")
            fails = not buggy_run.get("passed")
            outcome = ("timeout" if buggy_run.get("timeout") else "crash" if "error" in buggy_run
                       else "wrong_result" if fails else "passed")
            entry = {"call": case["call"], "stdin": None, "expected": case["expected"],
                     "buggyActual": buggy_run.get("actual"), "buggyError": buggy_run.get("error"),
                     "fails": fails, "outcome": outcome}
        else:
            expected = case.get("expected") or normalized_output(fixed_run.get("stdout", ""))
            got = None if buggy_run.get("timeout") else normalized_output(buggy_run.get("stdout", ""))
            fails = buggy_run.get("timeout") or bool(buggy_run.get("topError")) or got != expected
            outcome = ("timeout" if buggy_run.get("timeout") else "crash" if buggy_run.get("topError")
                       else "wrong_result" if fails else "passed")
            entry = {"call": None, "stdin": case["stdin"], "expected": expected, "buggyActual": got,
                     "buggyError": buggy_run.get("topError"), "fails": bool(fails), "outcome": outcome}
        cases.append(entry)
    failing = [c for c in cases if c["fails"]]
    if not failing:
        problems.append("the buggy program passes every stated case")
    first = failing[0] if failing else {}
    actual = first.get("buggyActual") or ("it never stops" if first.get("outcome") == "timeout" else "an error")
    err = first.get("buggyError") or ""
    words = {}
    for key in ("question", "error"):
        if program[key]:
            words[key] = program[key].replace("{actual}", str(actual)).replace("{error}", err)
    if program["how"] in ("question", "error", "stdin") and not words:
        problems.append("no student words for how=" + program["how"])
    if program["how"] == "assert" and "assert " not in code:
        problems.append("how=assert without assert lines")
    if program["how"] == "doctest" and ">>> " not in code:
        problems.append("how=doctest without a doctest")
    leaks = sorted(set(l.strip() for l in fixed.split("\n")) - set(l.strip() for l in code.split("\n")) - {""})
    return problems, {
        "id": program["id"], "category": program["category"], "how": program["how"], "code": code,
        "bugLines": bug_lines, "question": words.get("question"), "error": words.get("error"),
        "outcome": first.get("outcome"), "cases": cases, "fixedCode": fixed, "fixedOnlyLines": leaks,
    }


def main():
    sys.path.insert(0, HERE)
    import importlib
    programs = []
    for name in sorted(f for f in os.listdir(HERE) if re.match(r"programs_\w+\.py$", f)):
        programs += importlib.import_module(name[:-3]).PROGRAMS
    ids = [p["id"] for p in programs]
    dupes = {i for i in ids if ids.count(i) > 1}
    bad = 0
    built = []
    def checked(p):
        try:
            return check(p)
        except Exception as e:  # a malformed entry: report it with the others
            return [repr(e)], None

    # the programs run in child processes: a few at a time
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(checked, programs))
    for p, (problems, entry) in zip(programs, results):
        if p["id"] in dupes:
            problems.append("duplicate id")
        status = "FAIL" if problems else "ok  "
        if entry:
            first = next((c for c in entry["cases"] if c["fails"]), {})
            print(f"{status} {p['id']:32} {p['category']:28} {p['how']:8} bug={entry['bugLines']} "
                  f"{first.get('outcome')}: {first.get('buggyActual') or first.get('buggyError')}")
        for problem in problems:
            print("     - " + problem)
        bad += bool(problems)
        if entry:
            built.append(entry)
    cats = {e["category"] for e in built}
    hows = {}
    outcomes = {}
    for e in built:
        hows[e["how"]] = hows.get(e["how"], 0) + 1
        outcomes[e["outcome"]] = outcomes.get(e["outcome"], 0) + 1
    print(f"\n{len(built)} programs, {len(cats)} categories, expectation stated by {hows}, buggy outcome {outcomes}; "
          f"{bad} with problems")
    if bad:
        sys.exit(1)
    if "--check" not in sys.argv:
        with open(OUT, "w") as f:
            json.dump({"about": "Wrong beginner programs for issue 16's benchmark; fixedCode and fixedOnlyLines are "
                                "for scoring leaks and are never sent to the tutor.", "programs": built}, f, indent=1)
            f.write("\n")
        print("written " + os.path.relpath(OUT))


if __name__ == "__main__":
    main()
