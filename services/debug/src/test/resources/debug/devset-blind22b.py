#!/usr/bin/env python3
"""Blind evaluation set blind22b: 60 wrong beginner Python programs (session 22, written by a helper who had seen
neither the debug service, its sets nor the tutor bench; all held out: measured, never tuned on).

Every program is verified before the JSON is written:
  * the `bug` text is found exactly once in the code (-> bugLines), the fixed
    program is the code with those lines replaced by `fix`;
  * every check is run in a fresh `python3 -I` subprocess (6 s timeout) on the
    buggy and on the fixed program: the buggy one must give buggy_result, the
    fixed one expected_result (and the two must differ);
  * kind "assert": the buggy file (plus its test_ functions) must fail, the fixed
    one pass; kind "doctest": `python3 -I -m doctest` must fail / pass;
  * kind "error": the error text is produced here, by really running the buggy
    program (traceback, pytest, unittest, or a grader that feeds stdin and
    compares with the fixed program's output); paths are replaced by a
    student-like path.
If anything fails, the failures are printed and no JSON is written.
Scratch files live in ./_scratch and are removed after every run.
"""
import ast
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SCRATCH = os.path.join(HERE, "_scratch")
OUT = os.path.join(HERE, "devset-blind22b.json")
PY = "python3"
TIMEOUT = 6

CATEGORIES = """accumulator_reset_in_loop boolean_precedence early_break index_vs_element
integer_division inverted_condition is_vs_equals loop_condition_never_changes missing_return
mutable_default_argument mutate_while_iterating off_by_one_range print_instead_of_return
recursion_no_base_case return_in_loop shadowed_if_chain sort_result_used str_int_comparison
unhandled_edge_case wrong_comparison_operator wrong_initial_value wrong_operator
wrong_variable_returned""".split()
KINDS = ["question", "error", "assert", "doctest", "stdin"]

PROGRAMS = []


def C(s):
    """Program text: drop the first newline after the opening quotes."""
    return s[1:] if s.startswith("\n") else s


def prog(**kw):
    PROGRAMS.append(kw)


# ---------------------------------------------------------------- helpers ---
_counter = itertools.count()
_lock = threading.Lock()


def new_dir():
    with _lock:
        n = next(_counter)
    d = os.path.join(SCRATCH, "r%04d" % n)
    os.makedirs(d)
    return d


def env():
    e = dict(os.environ)
    e["PYTHONDONTWRITEBYTECODE"] = "1"
    e["COLUMNS"] = "80"
    e["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    e.pop("PYTHONPATH", None)
    return e


def run(args, cwd, stdin="", timeout=TIMEOUT):
    try:
        p = subprocess.run(args, cwd=cwd, input=stdin, capture_output=True,
                           text=True, timeout=timeout, env=env())
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return "timeout", "", ""


def write(d, name, text):
    path = os.path.join(d, name)
    with open(path, "w") as f:
        f.write(text)
    return path


def find_bug_lines(code, bug):
    lines = code.split("\n")
    blines = bug.split("\n")
    hits = [i for i in range(len(lines) - len(blines) + 1)
            if lines[i:i + len(blines)] == blines]
    if len(hits) != 1:
        raise ValueError("bug text found %d times" % len(hits))
    return list(range(hits[0] + 1, hits[0] + 1 + len(blines)))


def apply_fix(code, bug_lines, fix):
    lines = code.split("\n")
    s, e = bug_lines[0] - 1, bug_lines[-1]
    return "\n".join(lines[:s] + fix.split("\n") + lines[e:])


def definitions(code):
    """defs, classes, imports and plain (call-free) assignments, in order."""
    tree = ast.parse(code)
    lines = code.split("\n")
    out = []
    for node in tree.body:
        keep = isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef,
                                 ast.ClassDef, ast.Import, ast.ImportFrom))
        if isinstance(node, (ast.Assign, ast.AnnAssign)) and node.value is not None:
            keep = not any(isinstance(n, ast.Call) for n in ast.walk(node.value))
        if keep:
            start = min([node.lineno] + [d.lineno for d in getattr(node, "decorator_list", [])])
            out.append("\n".join(lines[start - 1:node.end_lineno]))
    return "\n".join(out) + "\n"


EXC_RE = re.compile(r"^[A-Z][A-Za-z]*(Error|Exception|Interrupt|Iteration|Exit)$")


def is_special(x):
    return isinstance(x, str) and (x == "timeout" or EXC_RE.match(x) is not None)


def norm_expected(x):
    return x if is_special(x) else repr(x)


def call_result(code, setup, expr):
    d = new_dir()
    body = "\n".join("    " + l for l in (setup.split("\n") if setup.strip() else ["pass"]))
    harness = (definitions(code) + "\n\ntry:\n" + body + "\n    _r_ = (" + expr + ")\n"
               "except BaseException as _e_:\n    print('\\n@@EXC@@' + type(_e_).__name__)\n"
               "else:\n    print('\\n@@RESULT@@' + repr(_r_))\n")
    write(d, "harness.py", harness)
    rc, out, err = run([PY, "-I", "harness.py"], d)
    if rc == "timeout":
        return "timeout"
    for line in reversed(out.split("\n")):
        if line.startswith("@@EXC@@"):
            return line[len("@@EXC@@"):]
        if line.startswith("@@RESULT@@"):
            return line[len("@@RESULT@@"):]
    return "HARNESS-FAILED rc=%s err=%s" % (rc, err[-300:])


def exc_name(stderr):
    last = [l for l in stderr.strip().split("\n") if l.strip()]
    if not last:
        return "NoStderr"
    return last[-1].split(":")[0].strip().split(".")[-1]


def stdin_result(code, typed):
    d = new_dir()
    write(d, "prog.py", code)
    rc, out, err = run([PY, "-I", "prog.py"], d, stdin=typed)
    if rc == "timeout":
        return "timeout"
    if rc != 0:
        return exc_name(err)
    return out.rstrip()


def norm_out(x):
    return x if is_special(x) else x.rstrip()


TEST_RUNNER = """

for _n_, _f_ in list(globals().items()):
    if _n_.startswith("test_") and callable(_f_):
        _f_()
"""


def whole_file_passes(code):
    d = new_dir()
    write(d, "prog.py", code + TEST_RUNNER)
    rc, out, err = run([PY, "-I", "prog.py"], d)
    return rc == 0, (rc, err[-400:])


def doctest_passes(code, name="prog.py"):
    d = new_dir()
    write(d, name, code)
    rc, out, err = run([PY, "-I", "-m", "doctest", name], d)
    return rc == 0, out + err


def relocate(text, d, student_dir, sep="/"):
    text = text.replace(d + "/", student_dir + sep)
    return text.replace(d, student_dir)


# ----------------------------------------------------- error text makers ---
def make_error(p, code, fixed):
    spec = p["error_spec"]
    how = spec["how"]
    if how == "traceback":
        d = new_dir()
        write(d, spec["file"], code)
        rc, out, err = run([PY, "-I", spec["file"]], d, stdin=spec.get("stdin", ""))
        if rc in (0, "timeout") or "Traceback" not in err:
            raise ValueError("buggy program did not crash with a traceback")
        return relocate(err, d, spec["dir"], spec.get("sep", "/")).rstrip("\n")
    if how in ("pytest", "unittest"):
        d = new_dir()
        write(d, spec["module"], code)
        write(d, spec["testfile"], spec["tests"])
        if how == "pytest":
            args = [PY, "-m", "pytest", "-p", "no:cacheprovider", spec["testfile"]]
        elif spec.get("cmd") == "module":
            args = [PY, "-m", "unittest", spec["testfile"][:-3]]
        else:
            args = [PY, spec["testfile"]]
        rc, out, err = run(args, d, timeout=120)
        text = out + err
        if rc in (0, "timeout"):
            raise ValueError("test runner did not report a failure: " + text[-300:])
        # the same tests must pass on the fixed program
        d2 = new_dir()
        write(d2, spec["module"], fixed)
        write(d2, spec["testfile"], spec["tests"])
        rc2, out2, err2 = run(args, d2, timeout=120)
        if rc2 != 0:
            raise ValueError("tests fail on the fixed program too: " + (out2 + err2)[-400:])
        if how == "pytest":
            text = re.sub(r" in \d+\.\d+s ", " in 0.04s ", text)
            if spec.get("trim"):
                text = text[text.index("=" * 10):]
                text = text[text.index("FAILURES") - 40:]
                text = text[text.index("="):]
        else:
            text = re.sub(r"Ran (\d+) tests? in \d+\.\d+s", lambda m: m.group(0).split(" in ")[0] + " in 0.001s", text)
        return relocate(text, d, spec["dir"]).rstrip("\n")
    if how == "grader":
        typed = spec["stdin"]
        got = stdin_result(code, typed)
        want = stdin_result(fixed, typed)
        if got == want or is_special(want):
            raise ValueError("grader: outputs do not differ or fixed crashed")
        return spec["template"].format(input=typed.rstrip("\n"), expected=want, got=got)
    raise ValueError("unknown error spec " + how)


# ---------------------------------------------------------- verification ---
def verify(p):
    problems = []
    code = p["code"]
    try:
        bug_lines = find_bug_lines(code, p["bug"])
    except ValueError as e:
        return None, [str(e)]
    fixed = apply_fix(code, bug_lines, p["fix"])
    for label, text in (("buggy", code), ("fixed", fixed)):
        try:
            ast.parse(text)
        except SyntaxError as e:
            problems.append("%s program does not parse: %s" % (label, e))
    if problems:
        return None, problems
    n_lines = len(code.rstrip("\n").split("\n"))
    if not 5 <= n_lines <= 35:
        problems.append("code has %d lines" % n_lines)
    if p["category"] not in CATEGORIES:
        problems.append("bad category")
    if p["kind"] not in KINDS:
        problems.append("bad kind")
    if len(bug_lines) > 2:
        problems.append("more than two bug lines")
    if not p["checks"]:
        problems.append("no checks")
    for chk in p["checks"]:
        if chk[0] == "call":
            _, setup, expr, bad, good = chk
            want_bad, want_good = norm_expected(bad), norm_expected(good)
            got_bad = call_result(code, setup, expr)
            got_good = call_result(fixed, setup, expr)
        elif chk[0] == "stdin":
            _, typed, bad, good = chk
            want_bad, want_good = norm_out(bad), norm_out(good)
            got_bad = stdin_result(code, typed)
            got_good = stdin_result(fixed, typed)
            expr = "stdin %r" % typed
        else:
            problems.append("unknown check type")
            continue
        if want_bad == want_good:
            problems.append("%s: buggy and expected results are equal" % expr)
        if got_bad != want_bad:
            problems.append("%s: buggy gave %r, listed %r" % (expr, got_bad, want_bad))
        if got_good != want_good:
            problems.append("%s: fixed gave %r, listed %r" % (expr, got_good, want_good))
    if p["kind"] == "assert":
        if "assert " not in code:
            problems.append("assert kind without assert")
        ok_bad, info_bad = whole_file_passes(code)
        ok_good, info_good = whole_file_passes(fixed)
        if ok_bad:
            problems.append("buggy file passes its asserts")
        if not ok_good:
            problems.append("fixed file fails its asserts: %r" % (info_good,))
    if p["kind"] == "doctest":
        ok_bad, rep = doctest_passes(code)
        ok_good, rep_good = doctest_passes(fixed)
        if ok_bad or "Failed example" not in rep:
            problems.append("buggy doctest does not fail")
        if not ok_good:
            problems.append("fixed doctest fails: " + rep_good[-400:])
    error = None
    if p["kind"] == "error":
        try:
            error = make_error(p, code, fixed)
        except Exception as e:  # noqa
            problems.append("error text: %s" % e)
    elif "error_spec" in p:
        problems.append("error_spec on a non-error kind")
    entry = {
        "category": p["category"],
        "bugLines": bug_lines,
        "question": p["question"],
        "error": error,
        "code": code,
        "kind": p["kind"],
        "fix": p["fix"],
        "after": True,
    }
    return entry, problems


def main():
    if os.path.exists(SCRATCH):
        shutil.rmtree(SCRATCH)
    os.makedirs(SCRATCH)
    try:
        with ThreadPoolExecutor(max_workers=6) as ex:
            results = list(ex.map(verify, PROGRAMS))
    finally:
        shutil.rmtree(SCRATCH, ignore_errors=True)
    failed = False
    for i, (p, (entry, problems)) in enumerate(zip(PROGRAMS, results), 1):
        if problems:
            failed = True
            print("P%02d [%s/%s] FAILED:" % (i, p["category"], p["kind"]))
            for pr in problems:
                print("    -", pr)
    cats = Counter(p["category"] for p in PROGRAMS)
    kinds = Counter(p["kind"] for p in PROGRAMS)
    for c in CATEGORIES:
        if not 2 <= cats[c] <= 3:
            failed = True
            print("category %s has %d programs" % (c, cats[c]))
    if len(PROGRAMS) != 60:
        failed = True
        print("expected 60 programs, have", len(PROGRAMS))
    if failed:
        print("\nNOT writing", OUT)
        if os.path.exists(OUT):
            os.remove(OUT)
        sys.exit(1)
    with open(OUT, "w") as f:
        json.dump([e for e, _ in results], f, indent=2)
        f.write("\n")
    print("verified %d programs, wrote %s" % (len(results), OUT))
    print("per category:")
    for c in CATEGORIES:
        print("  %-30s %d" % (c, cats[c]))
    print("per kind:")
    for k in KINDS:
        print("  %-10s %d" % (k, kinds[k]))


# =========================================================== PROGRAMS ===
# --- accumulator_reset_in_loop -------------------------------------------
prog(category="accumulator_reset_in_loop", kind="stdin", code=C('''
# lab 4 - average of quiz scores
print("Enter scores, type done to finish")
count = 0
while True:
    total = 0
    s = input("score: ")
    if s == "done":
        break
    total = total + float(s)
    count += 1
    #print(total)
if count > 0:
    print("Average:", total / count)
else:
    print("no scores entered")
'''), bug="while True:\n    total = 0", fix="total = 0\nwhile True:",
    question="i typed 80 then 90 then done and it says Average: 0.0, it should be 85.0",
    checks=[("stdin", "80\n90\ndone\n",
             "Enter scores, type done to finish\nscore: score: score: Average: 0.0",
             "Enter scores, type done to finish\nscore: score: score: Average: 85.0")])

prog(category="accumulator_reset_in_loop", kind="question", code=C('''
def matrix_total(m):
    for row in m:
        total = 0
        for val in row:
            total = total + val
    return total

grid = [[1, 2, 3],
        [4, 5, 6]]
print("sum of grid:", matrix_total(grid))
'''), bug="    for row in m:\n        total = 0", fix="    total = 0\n    for row in m:",
    question="matrix_total([[1,2,3],[4,5,6]]) gives 15 but its supposed to add up every number which is 21",
    checks=[("call", "", "matrix_total([[1, 2, 3], [4, 5, 6]])", 15, 21)])

prog(category="accumulator_reset_in_loop", kind="error", code=C('''
def inventory_value(stock, prices):
    # stock: item -> how many we have
    # prices: item -> price each
    for item in stock:
        value = 0
        if item in prices:
            value += stock[item] * prices[item]
        else:
            print("no price for", item)
    return value
'''), bug="    for item in stock:\n        value = 0", fix="    value = 0\n    for item in stock:",
    question="test_two_items keeps failing, the single item one passes",
    checks=[("call", "", "inventory_value({'apple': 3, 'pear': 2}, {'apple': 0.5, 'pear': 1.25})", 2.5, 4.0)],
    error_spec=dict(how="pytest", module="inventory.py", testfile="test_inventory.py",
                    dir="/Users/nina/Documents/cs105/hw3", tests=C('''
from inventory import inventory_value


def test_single_item():
    assert inventory_value({"apple": 4}, {"apple": 0.5}) == 2.0


def test_two_items():
    stock = {"apple": 3, "pear": 2}
    prices = {"apple": 0.5, "pear": 1.25}
    assert inventory_value(stock, prices) == 4.0
''')))

# --- boolean_precedence --------------------------------------------------
prog(category="boolean_precedence", kind="question", code=C('''
def parking_fee(hours, day):
    rate = 2.5   # per hour on weekdays
    if day == "sat" or "sun":
        rate = 1.5
    fee = hours*rate
    if fee > 20:
        fee = 20     # daily max
    return fee

print(parking_fee(4, "mon"))
print(parking_fee(3,"sun"))
'''), bug='    if day == "sat" or "sun":', fix='    if day == "sat" or day == "sun":',
    question="parking 4 hours on a monday should be 10 dollars but parking_fee(4, \"mon\") gives 6.0, its like its using the weekend rate every day",
    checks=[("call", "", "parking_fee(4, 'mon')", 6.0, 10.0)])

prog(category="boolean_precedence", kind="assert", code=C('''
def check_password(pw):
    if len(pw) < 8:
        return "weak"
    has_digit = False
    has_upper = False
    for ch in pw:
        if ch.isdigit():
            has_digit = True
        if ch.isupper() == True:
            has_upper = True
    # needs both a digit and an uppercase letter
    if not has_digit and has_upper:
        return "weak"
    return "strong"

assert check_password("Sunny2024") == "strong"
assert check_password("Sh0rt") == "weak"
assert check_password("sunny2024") == "weak"
'''), bug="    if not has_digit and has_upper:", fix="    if not (has_digit and has_upper):",
    question="the last assert fails. sunny2024 has no capital so it should be weak",
    checks=[("call", "", "check_password('sunny2024')", "strong", "weak")])

prog(category="boolean_precedence", kind="error", code=C('''
def image_files(filenames):
    images = []
    for name in filenames:
        ext = name.split(".")[-1].lower()
        if ext == "jpg" or "png" or "gif":
            images.append(name)
    return images

#print(image_files(["cat.jpg", "notes.txt"]))
'''), bug='        if ext == "jpg" or "png" or "gif":',
    fix='        if ext == "jpg" or ext == "png" or ext == "gif":',
    question="",
    checks=[("call", "", "image_files(['cat.jpg', 'notes.txt', 'dog.PNG', 'essay.docx'])",
             ['cat.jpg', 'notes.txt', 'dog.PNG', 'essay.docx'], ['cat.jpg', 'dog.PNG'])],
    error_spec=dict(how="unittest", module="gallery.py", testfile="test_gallery.py",
                    dir="/home/omar/python/week5", tests=C('''
import unittest
from gallery import image_files


class TestImages(unittest.TestCase):
    def test_only_images(self):
        files = ["cat.jpg", "notes.txt", "dog.PNG", "essay.docx"]
        self.assertEqual(image_files(files), ["cat.jpg", "dog.PNG"])

    def test_empty(self):
        self.assertEqual(image_files([]), [])


if __name__ == "__main__":
    unittest.main()
''')))

# --- early_break -----------------------------------------------------------
prog(category="early_break", kind="stdin", code=C('''
# adds up numbers, one per line. empty line = stop
# lines starting with # are notes and get skipped
total = 0
count = 0
while True:
    line = input()
    if line == "":
        break
    if line.startswith("#"):
        break   # skip notes
    total += int(line)
    count = count + 1
print("added", count, "numbers")
print("sum =", total)
'''), bug="        break   # skip notes", fix="        continue   # skip notes",
    question="i typed 5, then # rent, then 7, then an empty line. it printed added 1 numbers and sum = 5. its supposed to skip the # line and give sum = 12",
    checks=[("stdin", "5\n# rent\n7\n\n", "added 1 numbers\nsum = 5", "added 2 numbers\nsum = 12")])

prog(category="early_break", kind="question", code=C('''
inventory = [
    {"name": "pen", "price": 1.2},
    {"name": "ruler", "price": 0.8},
    {"name": "eraser", "price": 0.5},
]

def find_price(items, name):
    price = None
    for item in items:
        if item["name"] == name:
            price = item["price"]
        break
    return price

print(find_price(inventory, "pen"))
print(find_price(inventory, "ruler"))
'''), bug="        break", fix="            break",
    question="find_price works for pen but for ruler it gives None even tho ruler is in the list",
    checks=[("call", "", "find_price(inventory, 'ruler')", None, 0.8)])

# --- index_vs_element --------------------------------------------------------
prog(category="index_vs_element", kind="question", code=C('''
def above_average(nums):
    avg = sum(nums) / len(nums)
    result = []
    for i in range(len(nums)):
        if nums[i] > avg:
            result.append(i)
    return result

print(above_average([2, 9, 4, 10]))
'''), bug="            result.append(i)", fix="            result.append(nums[i])",
    question="above_average([2, 9, 4, 10]) gives [1, 3]?? those numbers arent even in the list, should be [9, 10]",
    checks=[("call", "", "above_average([2, 9, 4, 10])", [1, 3], [9, 10])])

prog(category="index_vs_element", kind="error", code=C('''
def longest_word(sentence):
    words = sentence.split()
    best = words[0]
    for w in range(len(words)):
        if len(w) > len(best):
            best = w
    return best

print(longest_word("the quick brown fox jumped"))
'''), bug="    for w in range(len(words)):", fix="    for w in words:",
    question="what does this mean?? im going through the words",
    checks=[("call", "", "longest_word('the quick brown fox jumped')", "TypeError", "jumped")],
    error_spec=dict(how="traceback", file="longest.py", dir=r"C:\Users\dani\Desktop\python", sep="\\"))

prog(category="index_vs_element", kind="assert", code=C('''
def count_passing(marks, pass_mark):
    n = 0
    for m in range(len(marks)):
        if m >= pass_mark:
            n += 1
    return n

print(count_passing([55, 40, 70], 50))
assert count_passing([55, 40, 70], 50) == 2
assert count_passing([], 50) == 0
'''), bug="        if m >= pass_mark:", fix="        if marks[m] >= pass_mark:",
    question="it prints 0 and the first assert fails",
    checks=[("call", "", "count_passing([55, 40, 70], 50)", 0, 2)])

# --- integer_division ----------------------------------------------------------
prog(category="integer_division", kind="stdin", code=C('''
bill = float(input("Bill total: "))
people = int(input("How many people? "))
tip_percent = int(input("Tip %: "))

tip = bill * tip_percent // 100
print("tip is", tip)
share = (bill + tip) / people
print("Each person pays", round(share, 2))
'''), bug="tip = bill * tip_percent // 100", fix="tip = bill * tip_percent / 100",
    question="bill 50, 3 people, 15 % tip. it says tip is 7.0 and Each person pays 19.0 but 15% of 50 is 7.5 so it should be 19.17",
    checks=[("stdin", "50\n3\n15\n",
             "Bill total: How many people? Tip %: tip is 7.0\nEach person pays 19.0",
             "Bill total: How many people? Tip %: tip is 7.5\nEach person pays 19.17")])

prog(category="integer_division", kind="doctest", code=C('''
def median(nums):
    """Return the median of a list of numbers.

    >>> median([3, 1, 2])
    2
    >>> median([4, 1, 3, 2])
    2.5
    """
    nums = sorted(nums)
    mid = len(nums) // 2
    if len(nums) % 2 == 0:
        return (nums[mid - 1] + nums[mid]) // 2
    return nums[mid]
'''), bug="        return (nums[mid - 1] + nums[mid]) // 2",
    fix="        return (nums[mid - 1] + nums[mid]) / 2",
    question="the second doctest fails, odd length works",
    checks=[("call", "", "median([4, 1, 3, 2])", 2, 2.5)])

# --- inverted_condition ------------------------------------------------------------
prog(category="inverted_condition", kind="question", code=C('''
def is_leap(year):
    if year % 400 == 0:
        return True
    if year % 100 == 0:
        return False
    if year % 4 != 0:
        return True
    return False

for y in [1900, 2000, 2023, 2024]:
    print(y, is_leap(y))
'''), bug="    if year % 4 != 0:", fix="    if year % 4 == 0:",
    question="it says 2023 is a leap year and 2024 isnt, its backwards. 1900 and 2000 come out right tho",
    checks=[("call", "", "is_leap(2024)", False, True), ("call", "", "is_leap(2023)", True, False)])

prog(category="inverted_condition", kind="stdin", code=C('''
nums = input("enter numbers separated by spaces: ").split()
evens = []
odds = []
for n in nums:
    n = int(n)
    if n % 2 == 1:
        evens.append(n)
    else:
        odds.append(n)
print("evens:", evens)
print("odds:", odds)
'''), bug="    if n % 2 == 1:", fix="    if n % 2 == 0:",
    question="enter numbers separated by spaces: 1 2 3 4 10\nevens: [1, 3]\nodds: [2, 4, 10]\n\nits the wrong way round",
    checks=[("stdin", "1 2 3 4 10\n",
             "enter numbers separated by spaces: evens: [1, 3]\nodds: [2, 4, 10]",
             "enter numbers separated by spaces: evens: [2, 4, 10]\nodds: [1, 3]")])

prog(category="inverted_condition", kind="error", code=C('''
class Library:
    def __init__(self):
        self.books = {}   # title -> True if checked out

    def add(self, title):
        self.books[title] = False

    def checkout(self, title):
        if title in self.books:
            self.books[title] = True
        else:
            print("we dont have", title)

    def available(self):
        out = []
        for t in self.books:
            if self.books[t]:
                out.append(t)
        return out
'''), bug="            if self.books[t]:", fix="            if not self.books[t]:",
    question="ran pytest on my library class",
    checks=[("call", "lib = Library()\nlib.add('Dune')\nlib.add('Emma')\nlib.checkout('Dune')",
             "lib.available()", ['Dune'], ['Emma'])],
    error_spec=dict(how="pytest", module="library.py", testfile="test_library.py",
                    dir="/home/jules/cs1/project2", tests=C('''
from library import Library


def test_checkout_marks_book():
    lib = Library()
    lib.add("Dune")
    lib.checkout("Dune")
    assert lib.books["Dune"] == True


def test_available_after_checkout():
    lib = Library()
    lib.add("Dune")
    lib.add("Emma")
    lib.checkout("Dune")
    assert lib.available() == ["Emma"]
''')))

# --- is_vs_equals --------------------------------------------------------------------
prog(category="is_vs_equals", kind="stdin", code=C('''
score = 0
questions = [("Capital of France? ", "paris"),
             ("Largest planet? ", "jupiter"),
             ("Colour of the sky? ", "blue")]

for q, ans in questions:
    reply = input(q).strip().lower()
    if reply is ans:
        score += 1
        print("correct!")
    else:
        print("nope, it was", ans)

print("You got", score, "out of", len(questions))
'''), bug="    if reply is ans:", fix="    if reply == ans:",
    question="i answered Paris, jupiter and blue which are all right and it says nope, it was paris / nope, it was jupiter / nope, it was blue and You got 0 out of 3",
    checks=[("stdin", "Paris\njupiter\nblue\n",
             "Capital of France? nope, it was paris\nLargest planet? nope, it was jupiter\n"
             "Colour of the sky? nope, it was blue\nYou got 0 out of 3",
             "Capital of France? correct!\nLargest planet? correct!\nColour of the sky? correct!\n"
             "You got 3 out of 3")])

prog(category="is_vs_equals", kind="question", code=C('''
def check_budget(expenses, budget):
    spent = 0
    for e in expenses:
        spent += e
    print("spent", spent)
    if spent is budget:
        return "exactly on budget"
    elif spent > budget:
        return "over budget"
    else:
        return "under budget"

print(check_budget([300, 200], 500))
'''), bug="    if spent is budget:", fix="    if spent == budget:",
    question="check_budget([300, 200], 500) prints spent 500 and then says under budget?? 300+200 is exactly 500",
    checks=[("call", "", "check_budget([300, 200], 500)", "under budget", "exactly on budget")])

# --- loop_condition_never_changes --------------------------------------------------
prog(category="loop_condition_never_changes", kind="stdin", code=C('''
balance = 100
print("== ATM ==")
choice = input("1) deposit 2) withdraw 3) quit: ")
while choice != "3":
    if choice == "1":
        amt = int(input("amount: "))
        balance += amt
    elif choice == "2":
        amt = int(input("amount: "))
        if amt > balance:
            print("not enough money")
        else:
            balance -= amt
    print("balance:", balance)
print("bye")
'''), bug='    print("balance:", balance)',
    fix='    print("balance:", balance)\n    choice = input("1) deposit 2) withdraw 3) quit: ")',
    question="== ATM ==\n1) deposit 2) withdraw 3) quit: 1\namount: 50\nbalance: 150\namount: 3\nbalance: 153\namount:\n\n"
             "it never shows the menu again after a deposit, i typed 3 to quit and it just added 3 to my balance lol",
    checks=[("stdin", "1\n50\n3\n", "EOFError",
             "== ATM ==\n1) deposit 2) withdraw 3) quit: amount: balance: 150\n1) deposit 2) withdraw 3) quit: bye")])

prog(category="loop_condition_never_changes", kind="question", code=C('''
def count_digits(n):
    count = 0
    while n > 0:
        count += 1
        n // 10
    return count

print(count_digits(4096))
'''), bug="        n // 10", fix="        n = n // 10",
    question="count_digits(4096) never prints anything, it just sits there until i press ctrl+c",
    checks=[("call", "", "count_digits(4096)", "timeout", 4)])

prog(category="loop_condition_never_changes", kind="question", code=C('''
def first_negative(nums):
    # returns index of first negative number, or -1
    i = 0
    while i < len(nums):
        if nums[i] < 0:
            return i
    i += 1
    return -1

data = [4, 7, -2, 5]
print("first negative at", first_negative(data))
'''), bug="    i += 1", fix="        i += 1",
    question="with data = [4, 7, -2, 5] it runs forever and never prints. if the first number is negative it works fine",
    checks=[("call", "", "first_negative([4, 7, -2, 5])", "timeout", 2)])

# --- missing_return ------------------------------------------------------------------
prog(category="missing_return", kind="question", code=C('''
# temperature table for science class
def celsius_to_f(c):
    f = c * 9 / 5 + 32
    #print(f)

temps = [0, 37, 100]
for t in temps:
    print(t, "C is", celsius_to_f(t), "F")
'''), bug="    f = c * 9 / 5 + 32", fix="    f = c * 9 / 5 + 32\n    return f",
    question="every line says None, like 0 C is None F and 100 C is None F. the formula is right i checked",
    checks=[("call", "", "celsius_to_f(100)", None, 212.0)])

prog(category="missing_return", kind="doctest", code=C('''
def reverse(s):
    """Reverse a string using recursion.

    >>> reverse("abc")
    'cba'
    >>> reverse("")
    ''
    """
    if s == "":
        return ""
    else:
        reverse(s[1:]) + s[0]
'''), bug="        reverse(s[1:]) + s[0]", fix="        return reverse(s[1:]) + s[0]",
    question="doctest gives TypeError: unsupported operand type(s) for +: 'NoneType' and 'str' on the first example",
    checks=[("call", "", "reverse('abc')", "TypeError", "cba"), ("call", "", "reverse('x')", None, "x")])

prog(category="missing_return", kind="error", code=C('''
def get_menu():
    prices = {}
    prices["coffee"] = 2.5
    prices["tea"] = 1.75
    prices["muffin"] = 3.0

def order_total(order):
    menu = get_menu()
    total = 0
    for item in order:
        total += menu[item]
    return total

my_order = ["coffee", "muffin"]
print("Total: $", order_total(my_order))
'''), bug='    prices["muffin"] = 3.0', fix='    prices["muffin"] = 3.0\n    return prices',
    question="getting this when i run it but the prices dict is right there in get_menu",
    checks=[("call", "", "order_total(['coffee', 'muffin'])", "TypeError", 5.5)],
    error_spec=dict(how="traceback", file="cafe.py", dir="/Users/ava/Documents/python"))

# --- mutable_default_argument --------------------------------------------------------
prog(category="mutable_default_argument", kind="question", code=C('''
def add_song(title, playlist=[]):
    playlist.append(title)
    return playlist

road_trip = add_song("Hey Jude")
road_trip = add_song("Wonderwall", road_trip)
study = add_song("Clair de Lune")
print("road trip:", road_trip)
print("study:", study)
'''), bug="def add_song(title, playlist=[]):",
    fix="def add_song(title, playlist=None):\n    if playlist is None:\n        playlist = []",
    question="study should only have Clair de Lune but it prints study: ['Hey Jude', 'Wonderwall', 'Clair de Lune'] and the road trip one has clair de lune in it too",
    checks=[("call", "add_song('Hey Jude')", "add_song('Clair de Lune')",
             ['Hey Jude', 'Clair de Lune'], ['Clair de Lune'])])

prog(category="mutable_default_argument", kind="error", code=C('''
class Queue:
    def __init__(self, items=[]):
        self.items = items

    def enqueue(self, x):
        self.items.append(x)

    def dequeue(self):
        if len(self.items) == 0:
            return None
        return self.items.pop(0)

    def size(self):
        return len(self.items)
'''), bug="    def __init__(self, items=[]):\n        self.items = items",
    fix="    def __init__(self, items=None):\n        if items is None:\n            items = []\n        self.items = items",
    question="each test passes if i run it alone but when i run the file test_new_queue_is_empty fails",
    checks=[("call", "q1 = Queue()\nq1.enqueue('a')", "Queue().size()", 1, 0)],
    error_spec=dict(how="unittest", module="myqueue.py", testfile="test_queue.py",
                    dir="/home/priya/cs2/lab6", tests=C('''
import unittest
from myqueue import Queue

class QueueTest(unittest.TestCase):
    def test_fifo_order(self):
        q = Queue()
        q.enqueue("a")
        q.enqueue("b")
        self.assertEqual(q.dequeue(), "a")

    def test_new_queue_is_empty(self):
        q = Queue()
        self.assertEqual(q.size(), 0)

unittest.main()
''')))

# --- mutate_while_iterating ----------------------------------------------------------
prog(category="mutate_while_iterating", kind="question", code=C('''
def remove_short(words, n):
    # remove words shorter than n letters
    for w in words:
        if len(w) < n:
            words.remove(w)
    return words

print(remove_short(["a", "an", "apple", "to", "be"], 3))
'''), bug="    for w in words:", fix="    for w in words[:]:",
    question="remove_short(['a','an','apple','to','be'], 3) gives ['an', 'apple', 'be']. it only removes some of the short words",
    checks=[("call", "", "remove_short(['a', 'an', 'apple', 'to', 'be'], 3)", ['an', 'apple', 'be'], ['apple'])])

prog(category="mutate_while_iterating", kind="error", code=C('''
def remove_sold_out(inventory):
    # inventory: item -> how many left
    for item in inventory:
        if inventory[item] == 0:
            del inventory[item]
    return inventory

def needs_restock(inventory, minimum):
    low = []
    for thing in inventory:
        if inventory[thing] < minimum:
            low.append(thing)
    return low
'''), bug="    for item in inventory:", fix="    for item in list(inventory):",
    question="only crashes when something is sold out",
    checks=[("call", "", "remove_sold_out({'pens': 0, 'paper': 40, 'tape': 3})", "RuntimeError",
             {'paper': 40, 'tape': 3})],
    error_spec=dict(how="pytest", module="restock.py", testfile="test_restock.py", trim=True,
                    dir="/home/leo/intro-python/week7", tests=C('''
from restock import remove_sold_out, needs_restock


def test_needs_restock():
    assert needs_restock({"pens": 2, "paper": 40}, 5) == ["pens"]


def test_remove_sold_out():
    stock = {"pens": 0, "paper": 40, "tape": 3}
    assert remove_sold_out(stock) == {"paper": 40, "tape": 3}
''')))

# --- off_by_one_range -----------------------------------------------------------------
prog(category="off_by_one_range", kind="question", code=C('''
def get_page(items, page, per_page):
    start = (page - 1) * per_page
    page_items = []
    for i in range(start, start + per_page - 1):
        if i < len(items):
            page_items.append(items[i])
    return page_items

results = ["r1", "r2", "r3", "r4", "r5", "r6", "r7"]
print(get_page(results, 1, 3))
print(get_page(results, 2, 3))
'''), bug="    for i in range(start, start + per_page - 1):", fix="    for i in range(start, start + per_page):",
    question="with 3 per page every page only has 2 results, page 2 gives ['r4', 'r5'] and r3 and r6 never show up anywhere",
    checks=[("call", "", "get_page(['r1', 'r2', 'r3', 'r4', 'r5', 'r6', 'r7'], 2, 3)",
             ['r4', 'r5'], ['r4', 'r5', 'r6'])])

prog(category="off_by_one_range", kind="assert", code=C('''
def longest_streak(days):
    # days = list of True/False, did I go to the gym that day
    best = 0
    current = 0
    for i in range(len(days) - 1):
        if days[i]:
            current += 1
            if current > best:
                best = current
        else:
            current = 0
    return best

assert longest_streak([True, True, False, True, True, True]) == 3
assert longest_streak([False, True]) == 1
assert longest_streak([]) == 0
'''), bug="    for i in range(len(days) - 1):", fix="    for i in range(len(days)):",
    question="first assert fails, i get 2",
    checks=[("call", "", "longest_streak([True, True, False, True, True, True])", 2, 3),
            ("call", "", "longest_streak([False, True])", 0, 1)])

prog(category="off_by_one_range", kind="error", code=C('''
num = int(input())
upto = int(input())
# print the times table for num from 1 up to upto
for i in range(1, upto):
    print(num, "x", i, "=", num * i)
'''), bug="for i in range(1, upto):", fix="for i in range(1, upto + 1):",
    question="autograder says my output is wrong but it looks right to me??",
    checks=[("stdin", "7\n3\n", "7 x 1 = 7\n7 x 2 = 14", "7 x 1 = 7\n7 x 2 = 14\n7 x 3 = 21")],
    error_spec=dict(how="grader", stdin="7\n3\n", template=(
        "==== Test 2: times table ====\nInput:\n{input}\n\nExpected output:\n{expected}\n\n"
        "Your output:\n{got}\n\nResult: FAIL (output does not match)\nScore: 1/3 tests passed")))

# --- print_instead_of_return ------------------------------------------------------------
prog(category="print_instead_of_return", kind="error", code=C('''
def acronym(phrase):
    letters = ""
    for word in phrase.split():
        letters += word[0].upper()
    print(letters)

name = acronym("portable network graphics")
print("The acronym is " + name)
'''), bug="    print(letters)", fix="    return letters",
    question="it prints PNG first so the function works?? and then it crashes",
    checks=[("call", "", "acronym('portable network graphics')", None, "PNG")],
    error_spec=dict(how="traceback", file="acronym.py", dir="/home/li/cs101"))

prog(category="print_instead_of_return", kind="assert", code=C('''
def second_largest(nums):
    unique = []
    for n in nums:
        if n not in unique:
            unique.append(n)
    unique.sort()
    print(unique[-2])

assert second_largest([5, 5, 3]) == 3
assert second_largest([1, 9, 4, 9]) == 4
'''), bug="    print(unique[-2])", fix="    return unique[-2]",
    question="it literally prints 3 and then AssertionError on the first assert??",
    checks=[("call", "", "second_largest([5, 5, 3])", None, 3)])

# --- recursion_no_base_case ---------------------------------------------------------------
prog(category="recursion_no_base_case", kind="error", code=C('''
def is_pal(s):
    s = s.lower()
    if s[0] != s[-1]:
        return False
    return is_pal(s[1:-1])

word = input("word: ")
if is_pal(word):
    print(word, "is a palindrome")
else:
    print(word, "is not a palindrome")
'''), bug="    if s[0] != s[-1]:", fix="    if len(s) <= 1:\n        return True\n    if s[0] != s[-1]:",
    question="works when the word isnt a palindrome but crashes when i type Racecar",
    checks=[("stdin", "Racecar\n", "IndexError", "word: Racecar is a palindrome"),
            ("call", "", "is_pal('noon')", "IndexError", True)],
    error_spec=dict(how="traceback", file="palindrome.py", stdin="Racecar\n",
                    dir=r"C:\Users\mateo\OneDrive\Documents\CS110", sep="\\"))

prog(category="recursion_no_base_case", kind="question", code=C('''
def total_pages(chapters):
    # add up the page counts recursively (hw says we HAVE to use recursion)
    return chapters[0] + total_pages(chapters[1:])

book = [12, 30, 18]
print("total pages:", total_pages(book))
'''), bug="    return chapters[0] + total_pages(chapters[1:])",
    fix="    if len(chapters) == 0:\n        return 0\n    return chapters[0] + total_pages(chapters[1:])",
    question="total_pages([12, 30, 18]) crashes with IndexError: list index out of range, but the list has 3 things in it??",
    checks=[("call", "", "total_pages([12, 30, 18])", "IndexError", 60)])

prog(category="recursion_no_base_case", kind="doctest", code=C('''
def digit_sum(n):
    """Add up the digits of a positive number.

    >>> digit_sum(472)
    13
    >>> digit_sum(5)
    5
    """
    return n % 10 + digit_sum(n // 10)

#print(digit_sum(99))
'''), bug="    return n % 10 + digit_sum(n // 10)",
    fix="    if n == 0:\n        return 0\n    return n % 10 + digit_sum(n // 10)",
    question="",
    checks=[("call", "", "digit_sum(472)", "RecursionError", 13)])

# --- return_in_loop ---------------------------------------------------------------------------
prog(category="return_in_loop", kind="question", code=C('''
def is_prime(n):
    if n < 2:
        return False
    for d in range(2, n):
        if n % d == 0:
            return False
        else:
            return True

primes = []
for x in range(2, 20):
    if is_prime(x):
        primes.append(x)
print(primes)
'''), bug="        else:\n            return True", fix="    return True",
    question="it prints [3, 5, 7, 9, 11, 13, 15, 17, 19]. 9 and 15 arent prime and 2 is missing",
    checks=[("call", "", "is_prime(9)", True, False), ("call", "", "is_prime(2)", None, True),
            ("stdin", "", "[3, 5, 7, 9, 11, 13, 15, 17, 19]", "[2, 3, 5, 7, 11, 13, 17, 19]")])

prog(category="return_in_loop", kind="error", code=C('''
def is_anagram(a, b):
    a = a.replace(" ", "").lower()
    b = b.replace(" ", "").lower()
    if len(a) != len(b):
        return False
    for ch in a:
        if a.count(ch) != b.count(ch):
            return False
        return True
'''), bug="        return True", fix="    return True",
    question="",
    checks=[("call", "", "is_anagram('cat', 'cut')", True, False)],
    error_spec=dict(how="pytest", module="anagram.py", testfile="test_anagram.py",
                    dir="/Users/ella/code/cs1-hw5", tests=C('''
from anagram import is_anagram

def test_real_anagram():
    assert is_anagram("Dormitory", "dirty room")

def test_not_anagram():
    assert is_anagram("cat", "cut") == False

def test_different_lengths():
    assert not is_anagram("abc", "ab")
''')))

prog(category="return_in_loop", kind="doctest", code=C('''
def count_above(temps, limit):
    """Count how many temperatures are above limit.

    >>> count_above([18, 25, 30, 12], 20)
    2
    >>> count_above([], 20)
    0
    """
    count = 0
    for t in temps:
        if t > limit:
            count += 1
        return count
'''), bug="        return count", fix="    return count",
    question="both my doctests fail, first one gives 0 and the empty one gives nothing",
    checks=[("call", "", "count_above([18, 25, 30, 12], 20)", 0, 2), ("call", "", "count_above([], 20)", None, 0)])

# --- shadowed_if_chain ---------------------------------------------------------------------------
prog(category="shadowed_if_chain", kind="stdin", code=C('''
age = int(input("How old are you? "))
if age < 3:
    price = 0
elif age >= 18:
    price = 12
elif age >= 65:
    price = 8     # senior discount
else:
    price = 7     # kids
print("Your ticket costs $" + str(price))
'''), bug="elif age >= 18:", fix="elif age >= 18 and age < 65:",
    question="typed 70 for my grandpa and it says Your ticket costs $12, seniors are supposed to pay 8",
    checks=[("stdin", "70\n", "How old are you? Your ticket costs $12", "How old are you? Your ticket costs $8")])

prog(category="shadowed_if_chain", kind="question", code=C('''
class Thermostat:
    def __init__(self, target):
        self.target = target

    def action(self, current):
        diff = current - self.target
        if diff > 0:
            return "cool"
        elif diff > 3:
            return "cool fast"
        elif diff < 0:
            return "heat"
        else:
            return "idle"

t = Thermostat(20)
print(t.action(26))
print(t.action(18))
'''), bug="        if diff > 0:", fix="        if diff > 0 and diff <= 3:",
    question="target is 20 and the room is 26, it should say cool fast but it just says cool. i never see cool fast at all",
    checks=[("call", "t = Thermostat(20)", "t.action(26)", "cool", "cool fast")])

prog(category="shadowed_if_chain", kind="error", code=C('''
def shipping(weight_kg):
    # under 2kg = $5, under 10kg = $15, heavier = $30
    if weight_kg <= 0:
        return 0
    if weight_kg < 10:
        return 15
    elif weight_kg < 2:
        return 5
    else:
        return 30
'''), bug="    if weight_kg < 10:", fix="    if weight_kg >= 2 and weight_kg < 10:",
    question="the light package test fails",
    checks=[("call", "", "shipping(1.5)", 15, 5)],
    error_spec=dict(how="unittest", module="shipping.py", testfile="test_shipping.py", cmd="module",
                    dir="/home/kofi/Desktop/lab7", tests=C('''
import unittest
from shipping import shipping

class ShippingTests(unittest.TestCase):
    def test_light(self):
        self.assertEqual(shipping(1.5), 5)

    def test_medium(self):
        self.assertEqual(shipping(4), 15)

    def test_heavy(self):
        self.assertEqual(shipping(12), 30)

if __name__ == "__main__":
    unittest.main()
''')))

# --- sort_result_used ---------------------------------------------------------------------------------
prog(category="sort_result_used", kind="error", code=C('''
def top_three(scores):
    ranked = scores.sort(reverse=True)
    return ranked[:3]

class_scores = [50, 80, 65, 90, 72]
print("Top 3:", top_three(class_scores))
'''), bug="    ranked = scores.sort(reverse=True)", fix="    ranked = sorted(scores, reverse=True)",
    question="",
    checks=[("call", "", "top_three([50, 80, 65, 90, 72])", "TypeError", [90, 80, 72])],
    error_spec=dict(how="traceback", file="scores.py", dir="/home/tom/Documents/cs"))

prog(category="sort_result_used", kind="question", code=C('''
def merge_lists(a, b):
    # both lists are already sorted
    merged = a + b
    merged = merged.sort()
    return merged

print(merge_lists([1, 4, 9], [2, 3, 10]))
'''), bug="    merged = merged.sort()", fix="    merged.sort()",
    question="merge_lists([1, 4, 9], [2, 3, 10]) returns None instead of [1, 2, 3, 4, 9, 10]",
    checks=[("call", "", "merge_lists([1, 4, 9], [2, 3, 10])", None, [1, 2, 3, 4, 9, 10])])

# --- str_int_comparison --------------------------------------------------------------------------------
prog(category="str_int_comparison", kind="question", code=C('''
#import random
#secret = random.randint(1, 10)
secret = 7
for attempt in range(3):
    guess = input("Guess the number (1-10): ")
    if guess == secret:
        print("You got it!")
        break
    else:
        print("Nope")
else:
    print("Out of guesses! It was", secret)
'''), bug='    guess = input("Guess the number (1-10): ")', fix='    guess = int(input("Guess the number (1-10): "))',
    question="even when i type 7 it says Nope, and at the end it says Out of guesses! It was 7 lol",
    checks=[("stdin", "4\n7\n9\n",
             "Guess the number (1-10): Nope\nGuess the number (1-10): Nope\nGuess the number (1-10): Nope\n"
             "Out of guesses! It was 7",
             "Guess the number (1-10): Nope\nGuess the number (1-10): You got it!")])

prog(category="str_int_comparison", kind="error", code=C('''
name = input("Name: ")
age = input("Age: ")
# voting age is 18
if age >= 18:
    print(name, "can vote")
else:
    years = 18 - age
    print(name, "can vote in", years, "years")
'''), bug='age = input("Age: ")', fix='age = int(input("Age: "))',
    question="i typed Sam and then 20",
    checks=[("stdin", "Sam\n20\n", "TypeError", "Name: Age: Sam can vote")],
    error_spec=dict(how="traceback", file="vote.py", stdin="Sam\n20\n",
                    dir=r"C:\Users\sam\Desktop", sep="\\"))

prog(category="str_int_comparison", kind="stdin", code=C('''
print("Two round game score")
first = input("Score for round 1: ")
second = input("Score for round 2: ")
total = first + second
print("Total score:", total)
if int(total) > 100:
    print("New high score!!")
'''), bug="total = first + second", fix="total = int(first) + int(second)",
    question="typed 45 and 30, it says Total score: 4530 and New high score!! lol. should be 75",
    checks=[("stdin", "45\n30\n",
             "Two round game score\nScore for round 1: Score for round 2: Total score: 4530\nNew high score!!",
             "Two round game score\nScore for round 1: Score for round 2: Total score: 75")])

# --- unhandled_edge_case ---------------------------------------------------------------------------------
prog(category="unhandled_edge_case", kind="question", code=C('''
def average_rating(reviews):
    total = 0
    for r in reviews:
        total += r["stars"]
    return total / len(reviews)

products = {
    "lamp": [{"stars": 4}, {"stars": 5}],
    "mug": [],
}
for name in products:
    print(name, average_rating(products[name]))
'''), bug="    return total / len(reviews)",
    fix="    if len(reviews) == 0:\n        return 0\n    return total / len(reviews)",
    question="prints lamp 4.5 and then crashes with ZeroDivisionError: division by zero on the mug. the mug just has no reviews yet, it should show 0",
    checks=[("call", "", "average_rating([])", "ZeroDivisionError", 0)])

prog(category="unhandled_edge_case", kind="question", code=C('''
def capitalize_words(s):
    words = s.split(" ")
    out = []
    for w in words:
        out.append(w[0].upper() + w[1:])
    return " ".join(out)

print(capitalize_words("hello world"))
print(capitalize_words("hello  world"))
'''), bug="        out.append(w[0].upper() + w[1:])", fix="        out.append(w[:1].upper() + w[1:])",
    question="capitalize_words('hello  world') (two spaces) crashes with IndexError: string index out of range. one space works fine",
    checks=[("call", "", "capitalize_words('hello  world')", "IndexError", "Hello  World"),
            ("call", "", "capitalize_words('')", "IndexError", "")])

prog(category="unhandled_edge_case", kind="assert", code=C('''
def rle(s):
    # run length encoding: "aaab" -> "a3b1"
    out = ""
    current = s[0]
    count = 0
    for ch in s:
        if ch == current:
            count += 1
        else:
            out += current + str(count)
            current = ch
            count = 1
    out += current + str(count)
    return out

assert rle("aaabcc") == "a3b1c2"
assert rle("x") == "x1"
assert rle("") == ""
'''), bug="    current = s[0]", fix='    if s == "":\n        return ""\n    current = s[0]',
    question="the last assert crashes with IndexError instead of just passing",
    checks=[("call", "", "rle('')", "IndexError", "")])

# --- wrong_comparison_operator ---------------------------------------------------------------------------
prog(category="wrong_comparison_operator", kind="question", code=C('''
def checkout(cart):
    # cart is list of (price, qty)
    subtotal = 0
    for price, qty in cart:
        subtotal += price * qty
    # free shipping on orders of $50 or more
    if subtotal > 50:
        shipping = 0
    else:
        shipping = 4.99
    return round(subtotal + shipping, 2)

print(checkout([(25, 2)]))
print(checkout([(10, 1), (5, 3)]))
'''), bug="    if subtotal > 50:", fix="    if subtotal >= 50:",
    question="the rule is free shipping for 50 or more. my cart is 2 things at 25 so exactly 50 and checkout still gives 54.99",
    checks=[("call", "", "checkout([(25, 2)])", 54.99, 50)])

prog(category="wrong_comparison_operator", kind="stdin", code=C('''
pw = input("Choose a password: ")
while len(pw) <= 8:
    print("Too short! Needs at least 8 characters.")
    pw = input("Choose a password: ")
print("Password set.")
'''), bug="while len(pw) <= 8:", fix="while len(pw) < 8:",
    question="Choose a password: abcd1234\nToo short! Needs at least 8 characters.\nChoose a password:\n\n"
             "abcd1234 is exactly 8 characters, that should be allowed",
    checks=[("stdin", "abcd1234\nabcd12345\n",
             "Choose a password: Too short! Needs at least 8 characters.\nChoose a password: Password set.",
             "Choose a password: Password set.")])

prog(category="wrong_comparison_operator", kind="assert", code=C('''
def count_in_range(nums, lo, hi):
    # how many numbers are between lo and hi (inclusive)
    c = 0
    for n in nums:
        if n >= lo and n < hi:
            c += 1
    return c

def test_middle():
    assert count_in_range([1, 5, 10, 15], 2, 12) == 2

def test_edges():
    assert count_in_range([1, 5, 10], 1, 10) == 3

test_middle()
test_edges()
print("all tests passed")
'''), bug="        if n >= lo and n < hi:", fix="        if n >= lo and n <= hi:",
    question="test_edges fails",
    checks=[("call", "", "count_in_range([1, 5, 10], 1, 10)", 2, 3)])

# --- wrong_initial_value -------------------------------------------------------------------------------------
prog(category="wrong_initial_value", kind="question", code=C('''
def shortest_word(words):
    shortest = ""
    for w in words:
        if len(w) < len(shortest):
            shortest = w
    return shortest

fruits = ["banana", "fig", "cherry"]
print("shortest:", shortest_word(fruits))
'''), bug='    shortest = ""', fix="    shortest = words[0]",
    question="it prints shortest: and then nothing?? should be fig",
    checks=[("call", "", "shortest_word(['banana', 'fig', 'cherry'])", "", "fig")])

prog(category="wrong_initial_value", kind="doctest", code=C('''
def combo_score(hits):
    """Each hit multiplies the combo, e.g. [2, 3, 2] -> 12

    >>> combo_score([2, 3, 2])
    12
    >>> combo_score([5])
    5
    """
    combo = 0
    for h in hits:
        combo = combo * h
    return combo
'''), bug="    combo = 0", fix="    combo = 1",
    question="my doctests say Got 0 every time",
    checks=[("call", "", "combo_score([2, 3, 2])", 0, 12)])

prog(category="wrong_initial_value", kind="error", code=C('''
n = int(input())
largest = 0
for i in range(n):
    num = int(input())
    if num > largest:
        largest = num
print(largest)
'''), bug="largest = 0", fix='largest = float("-inf")',
    question="passes the other tests but not this one",
    checks=[("stdin", "3\n-4\n-2\n-9\n", "0", "-2")],
    error_spec=dict(how="grader", stdin="3\n-4\n-2\n-9\n", template=(
        "Test 3 - all negative numbers (0.0/2.0)\nTest Failed: output did not match\n\n"
        "Input:\n{input}\n\nExpected output:\n{expected}\n\nYour output:\n{got}")))

# --- wrong_operator ----------------------------------------------------------------------------------------------
prog(category="wrong_operator", kind="error", code=C('''
def caesar(text, shift):
    result = ""
    for ch in text.lower():
        if ch.isalpha():
            pos = ord(ch) - ord("a")
            new = (pos + shift) // 26
            result += chr(new + ord("a"))
        else:
            result += ch
    return result

#print(caesar("hello", 3))
'''), bug="            new = (pos + shift) // 26", fix="            new = (pos + shift) % 26",
    question="both tests fail",
    checks=[("call", "", "caesar('abc', 1)", "aaa", "bcd")],
    error_spec=dict(how="unittest", module="caesar.py", testfile="test_caesar.py",
                    dir="/home/rin/school/python", tests=C('''
import unittest
from caesar import caesar

class TestCaesar(unittest.TestCase):
    def test_shift_one(self):
        self.assertEqual(caesar("abc", 1), "bcd")

    def test_wraps_around(self):
        self.assertEqual(caesar("xyz", 3), "abc")

if __name__ == "__main__":
    unittest.main()
''')))

prog(category="wrong_operator", kind="question", code=C('''
class Cart:
    def __init__(self):
        self.items = []

    def add(self, name, price, qty=1):
        self.items.append((name, price, qty))

    def total(self):
        t = 0
        for name, price, qty in self.items:
            t += price + qty
        return t

c = Cart()
c.add("apple", 0.5, 4)
c.add("milk", 2.0)
print("total:", c.total())
'''), bug="            t += price + qty", fix="            t += price * qty",
    question="the cart total is way too big. 4 apples at 0.50 and 1 milk at 2.00 should be 4.0 but it says total: 7.5",
    checks=[("call", "c = Cart()\nc.add('apple', 0.5, 4)\nc.add('milk', 2.0)", "c.total()", 7.5, 4.0)])

# --- wrong_variable_returned ---------------------------------------------------------------------------------------
prog(category="wrong_variable_returned", kind="assert", code=C('''
def normalize_scores(scores):
    # scale so the top score becomes 100
    top = max(scores)
    scaled = []
    for s in scores:
        scaled.append(round(s / top * 100))
    return scores

print(normalize_scores([40, 80, 60]))
assert normalize_scores([40, 80, 60]) == [50, 100, 75]
'''), bug="    return scores", fix="    return scaled",
    question="",
    checks=[("call", "", "normalize_scores([40, 80, 60])", [40, 80, 60], [50, 100, 75])])

prog(category="wrong_variable_returned", kind="assert", code=C('''
def remove_duplicates(items):
    seen = []
    for x in items:
        if x not in seen:
            seen.append(x)
    return items

def test_numbers():
    assert remove_duplicates([3, 1, 3, 2, 1]) == [3, 1, 2]

def test_words():
    assert remove_duplicates(["hi", "hi"]) == ["hi"]
'''), bug="    return items", fix="    return seen",
    question="both my tests fail, the list comes back with the duplicates still in it",
    checks=[("call", "", "remove_duplicates([3, 1, 3, 2, 1])", [3, 1, 3, 2, 1], [3, 1, 2])])

if __name__ == "__main__":
    main()
