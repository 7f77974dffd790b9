"""blind22: 80 wrong beginner Python programs for testing a debugging tutor (session 22, issue 16/17 follow-up),
written by a helper who had seen neither the debug service nor its other sets nor the tutor bench. Every third
program (`after`) is the hold-out: measured, never tuned on.

Run:  python3 programs.py [--review]
Verifies every program (buggy run gives the stated wrong result, fixed run the
expected one, each case in a fresh `python3 -I` subprocess with a 6 s timeout)
and only then writes devset-blind22.json next to this file.
--review also prints every entry (code with bug lines starred, fix, texts).

Conventions for program entries (PROGRAMS list below):
  * code is written with markers: a line containing "#@BUG" is a bug line;
    a line containing "#@FIX" is not a bug line but belongs to the span that
    the fix replaces (used when a fix reorders an if/elif chain).
    Markers (and the whitespace before them) are removed from the final code.
  * fix: corrected text.  If it has as many lines as there are bug lines and
    there are no #@FIX lines, bug lines are replaced one-to-one; otherwise the
    contiguous span min..max of all marked lines is replaced by the fix lines.
  * checks: ("call", setup, expr, buggy, expected) or
            ("stdin", typed, buggy_output, expected_output)
    A buggy/expected value that is "timeout" or an exception class name means
    the run times out / raises that exception.
  * question / error may contain placeholders filled from a real run of the
    buggy program (stdin = first stdin check's input, else empty):
      {TB}  stderr (traceback), {OUT} stdout, {DT} output of python -m doctest
    The temp path of the program is replaced by the entry's tbpath.
"""
import ast
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import warnings

PY = sys.executable
TIMEOUT = 6
CAP = 200_000
# scratch space stays inside this folder and is removed after each program
TMPROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "_scratch")

CATEGORIES = """accumulator_reset_in_loop boolean_precedence early_break index_vs_element
integer_division inverted_condition is_vs_equals loop_condition_never_changes missing_return
mutable_default_argument mutate_while_iterating off_by_one_range print_instead_of_return
recursion_no_base_case return_in_loop shadowed_if_chain sort_result_used str_int_comparison
unhandled_edge_case wrong_comparison_operator wrong_initial_value wrong_operator
wrong_variable_returned""".split()
KINDS = ["question", "error", "assert", "doctest", "stdin"]

EXC_RE = re.compile(r"^[A-Z][A-Za-z]*(Error|Exception|Exit|Interrupt|Iteration)$")


def is_special(v):
    return isinstance(v, str) and (v == "timeout" or bool(EXC_RE.match(v)))


def prep(marked):
    text = marked[1:] if marked.startswith("\n") else marked
    lines = text.rstrip("\n").split("\n")
    out, bug, span = [], [], []
    for i, ln in enumerate(lines, 1):
        for mk in ("#@BUG", "#@FIX"):
            if mk in ln:
                span.append(i)
                if mk == "#@BUG":
                    bug.append(i)
                ln = ln.replace(mk, "").rstrip()
        out.append(ln)
    return "\n".join(out) + "\n", bug, sorted(set(span))


def apply_fix(code, bug, span, fix):
    lines = code.rstrip("\n").split("\n")
    fl = fix.split("\n")
    if len(fl) == len(bug) and span == bug:
        for n, f in zip(bug, fl):
            lines[n - 1] = f
    else:
        lines[span[0] - 1:span[-1]] = fl
    return "\n".join(lines) + "\n"


def definitions(code):
    """defs, classes, imports and call-free plain assignments of a module."""
    tree = ast.parse(code)
    keep = []
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef, ast.Import, ast.ImportFrom)):
            keep.append(node)
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            if not any(isinstance(n, ast.Call) for n in ast.walk(node)):
                keep.append(node)
    return "\n".join(ast.get_source_segment(code, n) for n in keep) + "\n"


def run(args, stdin_text, cwd):
    p = subprocess.Popen(args, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, cwd=cwd)
    bufs = {"out": bytearray(), "err": bytearray()}

    def reader(stream, key):
        while True:
            chunk = stream.read1(65536)
            if not chunk:
                break
            room = CAP - len(bufs[key])
            if room > 0:
                bufs[key] += chunk[:room]

    def writer():
        try:
            p.stdin.write(stdin_text.encode())
            p.stdin.close()
        except (BrokenPipeError, OSError):
            pass

    ts = [threading.Thread(target=reader, args=(p.stdout, "out")),
          threading.Thread(target=reader, args=(p.stderr, "err")),
          threading.Thread(target=writer)]
    for t in ts:
        t.start()
    timed_out = False
    try:
        p.wait(TIMEOUT)
    except subprocess.TimeoutExpired:
        timed_out = True
        p.kill()
        p.wait()
    for t in ts:
        t.join()
    return (p.returncode, bufs["out"].decode(errors="replace"),
            bufs["err"].decode(errors="replace"), timed_out)


def exc_name(stderr):
    lines = [l for l in stderr.strip().split("\n") if l.strip()]
    if not lines:
        return "UnknownError"
    last = lines[-1]
    m = re.match(r"^([A-Za-z_][\w.]*)(:|$)", last)
    return m.group(1).split(".")[-1] if m else "UnknownError:" + last


class Runner:
    def __init__(self, basename="prog.py"):
        os.makedirs(TMPROOT, exist_ok=True)
        self.tmp = tempfile.mkdtemp(prefix="b22_", dir=TMPROOT)
        self.basename = basename

    def write(self, src, name=None):
        path = os.path.join(self.tmp, name or self.basename)
        with open(path, "w") as f:
            f.write(src)
        return path

    def whole(self, src, stdin_text=""):
        path = self.write(src)
        return run([PY, "-I", path], stdin_text, self.tmp)

    def doctest(self, src):
        path = self.write(src)
        return run([PY, "-I", "-m", "doctest", path], "", self.tmp)

    def call(self, code, setup, expr):
        src = (definitions(code) + "\n" + setup + "\n"
               "try:\n    _r = (" + expr + ")\n"
               "except BaseException as _e:\n    print('\\n@@EXC ' + type(_e).__name__)\n"
               "else:\n    print('\\n@@VAL ' + repr(_r))\n")
        rc, out, err, to = run([PY, "-I", self.write(src, "callcheck.py")], "", self.tmp)
        if to:
            return "timeout", None
        marks = [l for l in out.split("\n") if l.startswith("@@")]
        if not marks:
            return "NOMARK", err[-500:]
        m = marks[-1]
        if m.startswith("@@EXC "):
            return ("exc", m[6:]), None
        return ("val", m[6:]), None


def outcome_matches(observed, want):
    if observed == "timeout":
        return want == "timeout"
    kind, val = observed
    if kind == "exc":
        return want == val
    if is_special(want):
        return False
    return val == repr(want)


def stdin_outcome(rc, out, err, to):
    if to:
        return "timeout"
    if rc != 0:
        return exc_name(err)
    return out


def norm(s):
    return "\n".join(l.rstrip() for l in s.rstrip().split("\n"))


def stdin_matches(obs, want):
    if is_special(want):
        return obs == want
    if is_special(obs):
        return False
    return norm(obs) == norm(want)


def verify(entry, idx):
    """Returns (problems, filled_entry)."""
    probs = []
    name = "#%d %s/%s" % (idx, entry["category"], entry["kind"])
    if entry["category"] not in CATEGORIES:
        probs.append("bad category")
    if entry["kind"] not in KINDS:
        probs.append("bad kind")
    code, bug, span = prep(entry["code"])
    if not bug:
        return [name + ": no #@BUG line"], None
    try:
        fixed = apply_fix(code, bug, span, entry["fix"])
    except ValueError as e:
        return [name + ": " + str(e)], None
    for label, src in (("buggy", code), ("fixed", fixed)):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compile(src, "prog.py", "exec")
        except SyntaxError as e:
            probs.append("%s does not compile: %s" % (label, e))
    if probs:
        return [name + ": " + p for p in probs], None
    if span == bug and len(entry["fix"].split("\n")) == len(bug):
        old = [code.split("\n")[n - 1] for n in bug]
    else:
        old = code.split("\n")[span[0] - 1:span[-1]]
    if [l.rstrip() for l in old] == [l.rstrip() for l in entry["fix"].split("\n")]:
        probs.append("fix identical to bug lines")
    nlines = code.count("\n")
    if not 5 <= nlines <= 32:
        probs.append("program has %d lines" % nlines)

    basename = os.path.basename(entry.get("tbpath", "/home/student/prog.py").replace("\\", "/"))
    R = Runner(basename)
    checks = entry["checks"]
    if not checks:
        probs.append("no checks")
    first_stdin = ""
    for c in checks:
        if c[0] == "stdin":
            first_stdin = c[1]
            break
    for c in checks:
        if c[0] == "call":
            _, setup, expr, bval, fval = c
            if repr(bval) == repr(fval):
                probs.append("check %s: buggy == expected" % expr)
            ob, info = R.call(code, setup, expr)
            if ob == "NOMARK" or not outcome_matches(ob, bval):
                probs.append("check %s: buggy gave %r, stated %r %s" % (expr, ob, bval, info or ""))
            of, info = R.call(fixed, setup, expr)
            if of == "NOMARK" or not outcome_matches(of, fval):
                probs.append("check %s: fixed gave %r, stated %r %s" % (expr, of, fval, info or ""))
        elif c[0] == "stdin":
            _, typed, bout, fout = c
            if norm(bout) == norm(fout):
                probs.append("stdin check %r: buggy == expected" % typed)
            ob = stdin_outcome(*R.whole(code, typed))
            if not stdin_matches(ob, bout):
                probs.append("stdin %r: buggy gave %r, stated %r" % (typed, ob, bout))
            of = stdin_outcome(*R.whole(fixed, typed))
            if not stdin_matches(of, fout):
                probs.append("stdin %r: fixed gave %r, stated %r" % (typed, of, fout))
        else:
            probs.append("bad check type")

    has_input = "input(" in code
    if not has_input:
        rc, out, err, to = R.whole(fixed, "")
        if rc != 0 or to:
            probs.append("fixed whole program fails: rc=%s timeout=%s %s" % (rc, to, err[-300:]))
    if entry["kind"] == "assert":
        if not re.search(r"^\s*assert ", code, re.M):
            probs.append("assert kind without assert lines")
        rc, out, err, to = R.whole(code, "")
        if to or rc == 0 or exc_name(err) != "AssertionError":
            probs.append("buggy whole run does not raise AssertionError (rc=%s to=%s %s)" % (rc, to, err[-200:]))
    if entry["kind"] == "doctest":
        if ">>>" not in code:
            probs.append("doctest kind without doctest")
        rc, out, err, to = R.doctest(code)
        if to or rc == 0 or "Failed example" not in out:
            probs.append("buggy doctest does not fail (rc=%s) %s" % (rc, out[-200:]))
        rc, out, err, to = R.doctest(fixed)
        if to or rc != 0 or out.strip():
            probs.append("fixed doctest does not pass (rc=%s) %s" % (rc, out[-300:]))
    if entry["kind"] in ("question", "stdin") and entry.get("error") not in (None,) and "{" not in (entry.get("error") or ""):
        pass

    # placeholders
    texts = {"question": entry.get("question", ""), "error": entry.get("error")}
    need = any(t and any(p in t for p in ("{TB}", "{OUT}", "{DT}")) for t in texts.values())
    if need:
        rc, out, err, to = R.whole(code, first_stdin)
        if to:
            probs.append("placeholder run timed out")
        drc, dout, derr, dto = R.doctest(code)
        tbpath = entry.get("tbpath", "/home/student/prog.py")
        real = os.path.join(R.tmp, basename)

        def fill(t):
            if t is None:
                return None
            t = t.replace("{TB}", err.rstrip("\n")).replace("{OUT}", out).replace("{DT}", dout.rstrip("\n"))
            t = t.replace(real, tbpath).replace(R.tmp, os.path.dirname(tbpath))
            return t.rstrip()
        texts = {k: fill(v) for k, v in texts.items()}
        for v in texts.values():
            if v and ("b22_" in v or "/tmp/" in v or "_scratch" in v):
                probs.append("temp path leaked into text")
    if entry["kind"] != "question" and entry["kind"] != "stdin" and not texts["error"] and entry["kind"] == "error":
        probs.append("error kind without error text")
    if entry["kind"] == "question" and not texts["question"].strip():
        probs.append("question kind with empty question")

    out_entry = {
        "category": entry["category"],
        "bugLines": bug,
        "question": texts["question"],
        "error": texts["error"],
        "code": code,
        "kind": entry["kind"],
        "fix": entry["fix"],
        "after": False,
    }
    shutil.rmtree(R.tmp, ignore_errors=True)
    return [name + ": " + p for p in probs], out_entry

# =====================================================================
# The programs.  Bug lines carry a "#@BUG" marker (removed on output).
# =====================================================================
PROGRAMS = []


def P(**kw):
    PROGRAMS.append(kw)


# ---------------- accumulator_reset_in_loop ----------------
P(category="accumulator_reset_in_loop", kind="question",
  code=r'''
# lab 3 - average of test scores
def average(scores):
    for s in scores:  #@BUG
        total = 0  #@BUG
        total = total + s
        #print(total)
    avg = total / len(scores)
    return avg

marks = [80, 90, 70]
print("Average is", average(marks))
''',
  fix="    total = 0\n    for s in scores:",
  question="my average function gives 23.333333333333332 for [80, 90, 70] but it should be 80?? what am i doing wrong",
  error=None,
  checks=[("call", "", "average([80, 90, 70])", 23.333333333333332, 80.0),
          ("call", "", "average([10, 20])", 10.0, 15.0)])

P(category="accumulator_reset_in_loop", kind="stdin",
  code=r'''
# shopping cart total
n = int(input("How many items? "))
i = 0
while i < n:  #@BUG
    total = 0  #@BUG
    price = float(input("Price of item: "))
    total += price
    i = i + 1

print("Your total is", total)
''',
  fix="total = 0\nwhile i < n:",
  question="I entered 3 items (2.50, 4 and 1.25) and it printed Your total is 1.25. The total should be 7.75, its like it only remembers the last price",
  error=None,
  checks=[("stdin", "3\n2.50\n4\n1.25\n",
           "How many items? Price of item: Price of item: Price of item: Your total is 1.25\n",
           "How many items? Price of item: Price of item: Price of item: Your total is 7.75\n")])

P(category="accumulator_reset_in_loop", kind="error",
  code=r'''
def count_vowels(text):
    vowels = "aeiou"
    for ch in text.lower():  #@BUG
        count = 0  #@BUG
        if ch in vowels:
            count += 1
    return count


print(count_vowels("Hello World"))
''',
  fix="    count = 0\n    for ch in text.lower():",
  question="why does test_hello_world fail",
  error="""___________________________ test_hello_world ___________________________

    def test_hello_world():
>       assert count_vowels("Hello World") == 3
E       AssertionError: assert 0 == 3
E        +  where 0 = count_vowels('Hello World')

test_vowels.py:5: AssertionError""",
  checks=[("call", "", 'count_vowels("Hello World")', 0, 3),
          ("call", "", 'count_vowels("banana")', 1, 3)])

P(category="accumulator_reset_in_loop", kind="assert",
  code=r'''
gradebook = {
    "ana": [7, 8],
    "bo": [5, 6, 9],
}

def class_total(book):
    # add up every mark of every student
    for name in book:  #@BUG
        total = 0  #@BUG
        for mark in book[name]:
            total += mark
    return total

assert class_total(gradebook) == 35
assert class_total({"x": [1, 2, 3]}) == 6
''',
  fix="    total = 0\n    for name in book:",
  question="first assert fails and idk why",
  error=None,
  checks=[("call", "", "class_total(gradebook)", 20, 35)])

# ---------------- boolean_precedence ----------------
P(category="boolean_precedence", kind="question",
  code=r'''
def hide_vowels(word):
    # replace every vowel with a star
    res = ""
    for ch in word:
        if ch == "a" or "e" or "i" or "o" or "u":  #@BUG
            res += "*"
        else:
            res +=ch
    return res

print(hide_vowels("banana"))
''',
  fix='        if ch in "aeiou":',
  question='hide_vowels("banana") gives ****** , every letter turns into a star. it should be b*n*n*',
  error=None,
  checks=[("call", "", 'hide_vowels("banana")', "******", "b*n*n*"),
          ("call", "", 'hide_vowels("sky")', "***", "sky")])

P(category="boolean_precedence", kind="stdin",
  code=r'''
day = input("What day is it? ")
day = day.strip().lower()

if day == "saturday" or "sunday":  #@BUG
    print("Sleep in!")
else:
    print("Go to school :(")
''',
  fix='if day == "saturday" or day == "sunday":',
  question="when I type Monday it still says Sleep in! , it should say Go to school :(",
  error=None,
  checks=[("stdin", "Monday\n", "What day is it? Sleep in!\n", "What day is it? Go to school :(\n")])

P(category="boolean_precedence", kind="error",
  code=r'''
def ticket_price(age):
    base = 12
    # kids under 12 and seniors over 65 pay half price
    if not age < 12 or age > 65:  #@BUG
        return base
    else:
        return base / 2

print(ticket_price(30))
print(ticket_price(8))
''',
  fix="    if not (age < 12 or age > 65):",
  question="the kid and adult tests pass but the senior one doesnt",
  error="""F..
======================================================================
FAIL: test_senior (test_tickets.TestTicketPrice.test_senior)
----------------------------------------------------------------------
Traceback (most recent call last):
  File "/home/student/lab4/test_tickets.py", line 12, in test_senior
    self.assertEqual(ticket_price(70), 6)
AssertionError: 12 != 6

----------------------------------------------------------------------
Ran 3 tests in 0.001s

FAILED (failures=1)""",
  checks=[("call", "", "ticket_price(70)", 12, 6.0)])

# ---------------- early_break ----------------
P(category="early_break", kind="stdin",
  code=r'''
names = ["tom", "ann", "joe", "liz"]
target = input("Name to find: ")
found = False

for n in names:
    if n == target:
        found = True
    break  #@BUG

if found:
    print(target, "is in the list")
else:
    print(target, "not found")
''',
  fix="        break",
  question="I type joe and it says joe not found, but joe IS in the list! tom works tho",
  error=None,
  checks=[("stdin", "joe\n", "Name to find: joe not found\n", "Name to find: joe is in the list\n")])

P(category="early_break", kind="question",
  code=r'''
def shopping(prices, budget):
    # buy things in order, skip anything that costs more then the money left
    bought = []
    for p in prices:
        if p > budget:
            break  #@BUG
        budget = budget - p
        bought.append(p)
    return bought

print(shopping([5, 20, 3, 2], 10))
''',
  fix="            continue",
  question="for prices 5 20 3 2 and budget 10 i only get [5] back. ok the 20 is too expensive but the 3 and the 2 should still be bought so [5, 3, 2]",
  error=None,
  checks=[("call", "", "shopping([5, 20, 3, 2], 10)", [5], [5, 3, 2])])

P(category="early_break", kind="error",
  code=r'''
import random

secret = 7   # random.randint(1, 10)  fixed for testing
tries = 0

while True:
    guess = int(input("Guess a number 1-10: "))
    tries += 1
    if guess < secret:
        print("Too low!")
    elif guess > secret:
        print("Too high!")
    if guess == secret:
        print("Correct! You needed", tries, "tries")
    break  #@BUG
''',
  fix="        break",
  question="why does it stop after one guess",
  error="""Test 1 FAILED
Input:
3
9
7
Expected output:
Guess a number 1-10: Too low!
Guess a number 1-10: Too high!
Guess a number 1-10: Correct! You needed 3 tries
Your output:
{OUT}""",
  checks=[("stdin", "3\n9\n7\n", "Guess a number 1-10: Too low!\n",
           "Guess a number 1-10: Too low!\nGuess a number 1-10: Too high!\n"
           "Guess a number 1-10: Correct! You needed 3 tries\n")])

# ---------------- index_vs_element ----------------
P(category="index_vs_element", kind="question",
  code=r'''
temps = [21, 19, 24, 22, 18, 25, 20]

def weekly_average(temps):
    sm = 0
    for i in range(len(temps)):
        sm += i  #@BUG
    return sm / len(temps)

print("avg temp this week:", weekly_average(temps))
''',
  fix="        sm += temps[i]",
  question="my week average comes out as 3.0 but the temps are all around 20, it should be like 21.29",
  error=None,
  checks=[("call", "", "weekly_average(temps)", 3.0, 21.285714285714285)])

P(category="index_vs_element", kind="error", tbpath=r"C:\Users\maria\Documents\python\biggest.py",
  code=r'''
def biggest(nums):
    big=nums[0]
    for i in nums:
        if nums[i] > big:  #@BUG
            big = nums[i]  #@BUG
    return big

print(biggest([3, 8, 5]))
''',
  fix="        if i > big:\n            big = i",
  question="why index out of range?? the list has 3 things",
  error="{TB}",
  checks=[("call", "", "biggest([3, 8, 5])", "IndexError", 8)])

P(category="index_vs_element", kind="doctest", tbpath="/home/dev/week6/longest.py",
  code=r'''
def longest_word(sentence):
    """Return the longest word in the sentence.

    >>> longest_word("the quick brown fox")
    'quick'
    """
    words = sentence.split()
    best = 0
    for i in range(len(words)):
        if len(words[i]) > len(words[best]):
            best = i
    return best  #@BUG


if __name__ == "__main__":
    import doctest
    doctest.testmod()
''',
  fix="    return words[best]",
  question="doctest fails",
  error="{DT}",
  checks=[("call", "", 'longest_word("the quick brown fox")', 1, "quick")])

P(category="index_vs_element", kind="assert",
  code=r'''
def find_position(items, target):
    # gives back the position of target, or -1
    for i in range(len(items)):
        if items[i] == target:
            return items[i]  #@BUG
    return -1

fruits = ["apple", "kiwi", "mango"]
assert find_position(fruits, "kiwi") == 1
assert find_position(fruits, "plum") == -1
print("all good")
''',
  fix="            return i",
  question="",
  error=None,
  checks=[("call", "", 'find_position(fruits, "kiwi")', "kiwi", 1)])

# ---------------- integer_division ----------------
P(category="integer_division", kind="question",
  code=r'''
def split_bill(total, people):
    tip = total * 0.1
    share = (total + tip) // people  #@BUG
    return round(share, 2)

print(split_bill(100, 3))
''',
  fix="    share = (total + tip) / people",
  question="split_bill(100, 3) gives 36.0 but it should be 36.67 , where do the cents go?",
  error=None,
  checks=[("call", "", "split_bill(100, 3)", 36.0, 36.67)])

P(category="integer_division", kind="question",
  code=r'''
# convert celsius to fahrenheit
# formula: F = C * 9/5 + 32
c = int(input("Temperature in C: "))
f = c * 9 // 5 + 32  #@BUG
#print(f)
print(c, "C is", round(f, 1), "F")
''',
  fix="f = c * 9 / 5 + 32",
  question="if i put 37 it says 37 C is 98 F but body temp is 98.6 F. where is the .6",
  error=None,
  checks=[("stdin", "37\n", "Temperature in C: 37 C is 98 F\n", "Temperature in C: 37 C is 98.6 F\n")])

P(category="integer_division", kind="error",
  code=r'''
def score_percent(correct, total):
    """percentage of questions right"""
    percent = correct // total * 100  #@BUG
    return percent

print(score_percent(10, 10))
print(score_percent(0, 10))
''',
  fix="    percent = correct / total * 100",
  question="why does test_seven_of_ten fail",
  error="""=================================== FAILURES ===================================
______________________________ test_seven_of_ten _______________________________

    def test_seven_of_ten():
>       assert score_percent(7, 10) == 70
E       assert 0 == 70
E        +  where 0 = score_percent(7, 10)

test_quiz.py:8: AssertionError
=========================== short test summary info ============================
FAILED test_quiz.py::test_seven_of_ten - assert 0 == 70
========================= 1 failed, 2 passed in 0.03s ==========================""",
  checks=[("call", "", "score_percent(7, 10)", 0, 70.0)])

# ---------------- inverted_condition ----------------
P(category="inverted_condition", kind="question",
  code=r'''
def get_evens(numbers):
    evens=[]
    # only keep the even ones
    for n in numbers:
        if n % 2 == 1:  #@BUG
            evens.append(n)
    return evens

print(get_evens([1, 2, 3, 4, 5, 6]))
''',
  fix="        if n % 2 == 0:",
  question="get_evens([1,2,3,4,5,6]) gives me [1, 3, 5] thats the odd ones lol",
  error=None,
  checks=[("call", "", "get_evens([1, 2, 3, 4, 5, 6])", [1, 3, 5], [2, 4, 6])])

P(category="inverted_condition", kind="doctest", tbpath="/Users/noah/cs1/caps.py",
  code=r'''
def count_capitals(text):
    """Count the capital letters.

    >>> count_capitals("Hello World")
    2
    >>> count_capitals("abc")
    0
    """
    n = 0
    for ch in text:
        if not ch.isupper():  #@BUG
            n += 1
    return n
''',
  fix="        if ch.isupper():",
  question="both doctests fail",
  error="{DT}",
  checks=[("call", "", 'count_capitals("Hello World")', 9, 2),
          ("call", "", 'count_capitals("abc")', 3, 0)])

P(category="inverted_condition", kind="stdin",
  code=r'''
password = input("Choose a password: ")

if len(password) > 8:  #@BUG
    print("Too short, use at least 8 characters")
else:
    print("Password accepted")
''',
  fix="if len(password) < 8:",
  question="i typed sunflower123 and it says Too short?? but when i type cat it says accepted. its backwards",
  error=None,
  checks=[("stdin", "sunflower123\n", "Choose a password: Too short, use at least 8 characters\n",
           "Choose a password: Password accepted\n"),
          ("stdin", "cat\n", "Choose a password: Password accepted\n",
           "Choose a password: Too short, use at least 8 characters\n")])

P(category="inverted_condition", kind="assert", tbpath="/home/lena/oop/bank.py",
  code=r'''
class BankAccount:
    def __init__(self, owner, balance=0):
        self.owner = owner
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount

    def withdraw(self, amount):
        # only take money out if theres enough
        if amount > self.balance:  #@BUG
            self.balance -= amount
        else:
            print("Insufficient funds!")


acc = BankAccount("Lena", 100)
acc.withdraw(30)
assert acc.balance == 70, "balance should be 70"
''',
  fix="        if amount <= self.balance:",
  question="it prints Insufficient funds! even though there is 100 in the account",
  error="{OUT}{TB}",
  checks=[("call", "acc = BankAccount('Lena', 100)\nacc.withdraw(30)", "acc.balance", 100, 70)])

# ---------------- is_vs_equals ----------------
P(category="is_vs_equals", kind="question",
  code=r'''
def is_palindrome(word):
    word = word.lower()
    backwards = word[::-1]
    if backwards is word:  #@BUG
        return True
    else:
        return False

print(is_palindrome("racecar"))
''',
  fix="    if backwards == word:",
  question="for 'racecar' it says False??? i printed backwards and its racecar too",
  error=None,
  checks=[("call", "", 'is_palindrome("racecar")', False, True)])

P(category="is_vs_equals", kind="error",
  code=r'''
def sum_of_divisors(n):
    total = 0
    for d in range(1, n):
        if n % d == 0:
            total += d
    return total

def is_perfect(n):
    return sum_of_divisors(n) is n  #@BUG

print(is_perfect(6), is_perfect(28))
''',
  fix="    return sum_of_divisors(n) == n",
  question="6 and 28 pass but 496 fails, 496 is perfect i checked by hand",
  error="""============================= test session starts ==============================
collected 3 items

test_perfect.py ..F                                                      [100%]

=================================== FAILURES ===================================
_______________________________ test_big_perfect _______________________________

    def test_big_perfect():
>       assert is_perfect(496)
E       assert False
E        +  where False = is_perfect(496)

test_perfect.py:11: AssertionError
=========================== short test summary info ============================
FAILED test_perfect.py::test_big_perfect - assert False
========================= 1 failed, 2 passed in 0.02s ==========================""",
  checks=[("call", "", "is_perfect(496)", False, True)])

P(category="is_vs_equals", kind="stdin",
  code=r'''
print("== mini calculator ==")
choice = input("add or sub? ")
a = int(input("first number: "))
b = int(input("second number: "))

if choice is "add":  #@BUG
    print("answer:", a + b)
elif choice is "sub":  #@BUG
    print("answer:", a - b)
else:
    print("I don't know that one")
''',
  fix='if choice == "add":\nelif choice == "sub":',
  question="""i typed add, why doesnt it know add??

== mini calculator ==
add or sub? add
first number: 4
second number: 5
I don't know that one""",
  error=None,
  checks=[("stdin", "add\n4\n5\n",
           "== mini calculator ==\nadd or sub? first number: second number: I don't know that one\n",
           "== mini calculator ==\nadd or sub? first number: second number: answer: 9\n")])

# ---------------- loop_condition_never_changes ----------------
P(category="loop_condition_never_changes", kind="question",
  code=r'''
def countdown(n):
    while n > 0:
        print(n)
        n - 1  #@BUG
    print("Happy new year!")

countdown(5)
''',
  fix="        n -= 1",
  question="my countdown just keeps printing 5 forever, i have to press ctrl+c",
  error=None,
  checks=[("call", "", "countdown(5)", "timeout", None)])

P(category="loop_condition_never_changes", kind="error",
  code=r'''
def years_to_double(balance, rate):
    target = balance * 2
    years = 0
    while balance < target:
        new_balance = balance * (1 + rate)  #@BUG
        years += 1
    return years

print(years_to_double(500, 0.05))
''',
  fix="        balance = balance * (1 + rate)",
  question="what does time limit exceeded mean?",
  error="""Test case 1: years_to_double(1000, 0.1)
Result: TIME LIMIT EXCEEDED (your code ran longer than 5 seconds)
Expected: 8""",
  checks=[("call", "", "years_to_double(1000, 0.1)", "timeout", 8)])

P(category="loop_condition_never_changes", kind="question",
  code=r'''
age = int(input("Enter your age: "))

while age < 0:
    print("Age can't be negative!")
    new_age = int(input("Enter your age: "))  #@BUG

print("In 10 years you will be", age + 10)
''',
  fix='    age = int(input("Enter your age: "))',
  question="if i type -3 first and then 20 it keeps saying Age can't be negative! and asks again. it never accepts the 20",
  error=None,
  checks=[("stdin", "-3\n20\n", "EOFError",
           "Enter your age: Age can't be negative!\nEnter your age: In 10 years you will be 30\n")])

# ---------------- missing_return ----------------
P(category="missing_return", kind="question",
  code=r'''
def rectangle_area(length, width):
    # area = length times width
    length * width  #@BUG

l = 4
w = 5
print("The area is", rectangle_area(l, w))
''',
  fix="    return length * width",
  question="it returns none instead of 20 when i do rectangle_area(4, 5)",
  error=None,
  checks=[("call", "", "rectangle_area(4, 5)", None, 20)])

P(category="missing_return", kind="error", tbpath="/home/ricky/hw/fact.py",
  code=r'''
def factorial(n):
    if n <= 1:
        return 1
    else:
        n * factorial(n - 1)  #@BUG

print(factorial(5))
''',
  fix="        return n * factorial(n - 1)",
  question="why does it say NoneType?? factorial(1) returns 1",
  error="{TB}",
  checks=[("call", "", "factorial(5)", "TypeError", 120)])

P(category="missing_return", kind="assert",
  code=r'''
class Playlist:
    def __init__(self, name):
        self.name = name
        self.songs = []

    def add(self, title, seconds):
        self.songs.append((title, seconds))

    def total_length(self):
        t = 0
        for title, secs in self.songs:
            t += secs
        self.length = t  #@BUG


mix = Playlist("road trip")
mix.add("song A", 200)
mix.add("song B", 185)
print(mix.total_length())
assert mix.total_length() == 385
''',
  fix="        return t",
  question="it prints None and the assert fails",
  error=None,
  checks=[("call", "mix = Playlist('x')\nmix.add('a', 200)\nmix.add('b', 185)", "mix.total_length()", None, 385)])

P(category="missing_return", kind="doctest", tbpath="/home/ana/labs/rev.py",
  code=r'''
def reverse_words(sentence):
    """
    >>> reverse_words("i love python")
    'python love i'
    """
    words = sentence.split(" ")
    words.reverse()
    " ".join(words)  #@BUG
''',
  fix='    return " ".join(words)',
  question="doctest says Got nothing ?",
  error="{DT}",
  checks=[("call", "", 'reverse_words("i love python")', None, "python love i")])

# ---------------- mutable_default_argument ----------------
P(category="mutable_default_argument", kind="question",
  code=r'''
def add_item(item, cart=[]):  #@BUG
    cart.append(item)
    return cart

order1 = add_item("milk")
order2 = add_item("eggs")
print(order1)
print(order2)
''',
  fix="def add_item(item, cart=None):\n    if cart is None:\n        cart = []",
  question="the second order has milk in it too?? order2 should just be ['eggs'] but it prints ['milk', 'eggs']",
  error=None,
  checks=[("call", 'add_item("milk")', 'add_item("eggs")', ["milk", "eggs"], ["eggs"])])

P(category="mutable_default_argument", kind="error",
  code=r'''
def add_grade(name, grade, book={}):  #@BUG
    if name not in book:
        book[name] = []
    book[name].append(grade)
    return book

print(add_grade("amy", 90))
''',
  fix="def add_grade(name, grade, book=None):\n    if book is None:\n        book = {}",
  question="test_new_book passes when i run it on its own but fails when i run all the tests",
  error="""_________________________________ test_new_book _________________________________

    def test_new_book():
        result = add_grade("ben", 75)
>       assert result == {"ben": [75]}
E       AssertionError: assert {'amy': [90], 'ben': [75]} == {'ben': [75]}
E         Omitting 1 identical items, use -vv to show
E         Left contains 1 more item:
E         {'amy': [90]}
E         Use -v to get more diff

test_grades.py:11: AssertionError""",
  checks=[("call", 'add_grade("amy", 90)', 'add_grade("ben", 75)', {"amy": [90], "ben": [75]}, {"ben": [75]})])

P(category="mutable_default_argument", kind="assert",
  code=r'''
class Account:
    def __init__(self, owner, history=[]):  #@BUG
        self.owner = owner
        self.history = history

    def deposit(self, amount):
        self.history.append(("deposit", amount))


a = Account("kim")
b = Account("lee")
a.deposit(50)
print(b.history)
assert b.history == [], "lee didnt deposit anything"
''',
  fix="    def __init__(self, owner, history=None):\n        if history is None:\n            history = []",
  question="why does lee have kims deposit",
  error=None,
  checks=[("call", "a = Account('kim')\nb = Account('lee')\na.deposit(50)", "b.history", [("deposit", 50)], [])])

# ---------------- mutate_while_iterating ----------------
P(category="mutate_while_iterating", kind="question",
  code=r'''
def remove_negatives(nums):
    for n in nums:  #@BUG
        if n < 0:
            print("removing", n)
            nums.remove(n)
    return nums

print(remove_negatives([1, -2, -3, 4]))
''',
  fix="    for n in nums[:]:",
  question="for [1, -2, -3, 4] i get [1, -3, 4]. the -2 is gone but -3 is still there??",
  error=None,
  checks=[("call", "", "remove_negatives([1, -2, -3, 4])", [1, -3, 4], [1, 4])])

P(category="mutate_while_iterating", kind="assert", tbpath="/home/jo/py/students.py",
  code=r'''
students = [
    {"name": "Ana", "grade": 72},
    {"name": "Ben", "grade": 45},
    {"name": "Cai", "grade": 38},
    {"name": "Dee", "grade": 91},
]

def remove_failed(students):
    for s in students:  #@BUG
        if s["grade"] < 50:
            students.remove(s)
    return students

passed = remove_failed(students)
print([s["name"] for s in passed])
assert len(passed) == 2
''',
  fix="    for s in list(students):",
  question="Cai has 38 but he is still in the list after remove_failed",
  error="{OUT}{TB}",
  checks=[("call", "", "[s['name'] for s in remove_failed(students)]", ["Ana", "Cai", "Dee"], ["Ana", "Dee"])])

P(category="mutate_while_iterating", kind="assert",
  code=r'''
words = ["a", "an", "apple", "is", "tasty"]

def drop_short(words):
    # remove words shorter than 3 letters
    for w in words:  #@BUG
        if len(w) < 3:
            words.remove(w)
    return words

assert drop_short(words) == ["apple", "tasty"]
''',
  fix="    for w in words[:]:",
  question="",
  error=None,
  checks=[("call", "", "drop_short(words)", ["an", "apple", "tasty"], ["apple", "tasty"])])

# ---------------- off_by_one_range ----------------
P(category="off_by_one_range", kind="question",
  code=r'''
def sum_to(n):
    # adds 1 + 2 + ... + n  (n included!!)
    total=0
    for i in range(1, n):  #@BUG
        total += i
    return total

print(sum_to(5))
''',
  fix="    for i in range(1, n + 1):",
  question="sum_to(5) should be 15 (1+2+3+4+5) but i get 10",
  error=None,
  checks=[("call", "", "sum_to(5)", 10, 15)])

P(category="off_by_one_range", kind="stdin",
  code=r'''
# multiplication table 1 to 10
num = int(input("Which table? "))
print("Times table for", num)
for i in range(1, 10):  #@BUG
    answer = num * i
    print(num, "x", i, "=", answer)
''',
  fix="for i in range(1, 11):",
  question="typed 7 and the table stops at 7 x 9 = 63, it should go up to 7 x 10 = 70",
  error=None,
  checks=[("stdin", "7\n",
           "Which table? Times table for 7\n" + "".join("7 x %d = %d\n" % (i, 7 * i) for i in range(1, 10)),
           "Which table? Times table for 7\n" + "".join("7 x %d = %d\n" % (i, 7 * i) for i in range(1, 11)))])

P(category="off_by_one_range", kind="error", tbpath="/home/kai/Desktop/stocks.py",
  code=r'''
def count_rises(prices):
    # how many days the price went up compared to the day before
    rises = 0
    for i in range(len(prices)):  #@BUG
        if prices[i + 1] > prices[i]:
            rises += 1
    return rises

stock = [10, 12, 11, 15, 16]
print("Price went up", count_rises(stock), "times")
''',
  fix="    for i in range(len(prices) - 1):",
  question="index error but i only go up to len(prices)??",
  error="{TB}",
  checks=[("call", "", "count_rises([10, 12, 11, 15, 16])", "IndexError", 3)])

P(category="off_by_one_range", kind="doctest", tbpath="/home/pat/strings/rev.py",
  code=r'''
def reverse(s):
    """Reverse a string without slicing.

    >>> reverse("hello")
    'olleh'
    """
    out = ""
    for i in range(len(s) - 1, 0, -1):  #@BUG
        out += s[i]
    return out
''',
  fix="    for i in range(len(s) - 1, -1, -1):",
  question="doctest fails, it's missing a letter?",
  error="{DT}",
  checks=[("call", "", 'reverse("hello")', "olle", "olleh")])

# ---------------- print_instead_of_return ----------------
P(category="print_instead_of_return", kind="question",
  code=r'''
def double_all(lst):
    result = []
    for x in lst:
        result.append(x*2)
    print(result)  #@BUG

doubled = double_all([1, 2, 3])
print(doubled)
''',
  fix="    return result",
  question="it prints [2, 4, 6] and then None on the next line. why None?? i want doubled to be the list",
  error=None,
  checks=[("call", "", "double_all([1, 2, 3])", None, [2, 4, 6])])

P(category="print_instead_of_return", kind="error",
  code=r'''
def is_even(n):
    if n % 2 == 0:
        print(True)  #@BUG
    else:
        print(False)  #@BUG

is_even(4)
is_even(7)
''',
  fix="        return True\n        return False",
  question="it prints True but the test says None?",
  error="""__________________________________ test_four ___________________________________

    def test_four():
>       assert is_even(4) == True
E       assert None == True
E        +  where None = is_even(4)

test_even.py:4: AssertionError
----------------------------- Captured stdout call -----------------------------
True""",
  checks=[("call", "", "is_even(4)", None, True), ("call", "", "is_even(7)", None, False)])

P(category="print_instead_of_return", kind="question",
  code=r'''
class Product:
    def __init__(self, name, price):
        self.name = name
        self.price = price

    def label(self):
        print(self.name + ": $" + str(self.price))  #@BUG

shop = [Product("Tea", 3), Product("Cake", 4)]
labels = []
for p in shop:
    labels.append(p.label())
print(labels)
''',
  fix='        return self.name + ": $" + str(self.price)',
  question="my labels list comes out as [None, None] even though it prints Tea: $3 and Cake: $4 fine?",
  error=None,
  checks=[("call", "", "[p.label() for p in [Product('Tea', 3), Product('Cake', 4)]]",
           [None, None], ["Tea: $3", "Cake: $4"])])

# ---------------- recursion_no_base_case ----------------
P(category="recursion_no_base_case", kind="stdin",
  code=r'''
def blast_off(n):
    if n == 0:
        print("Liftoff!")  #@BUG
    print(n)
    blast_off(n - 1)

start = int(input("Count down from: "))
blast_off(start)
''',
  fix='        print("Liftoff!")\n        return',
  question="I type 3, it prints 3 2 1 Liftoff! but then it keeps going 0 -1 -2 -3 ... for ages and then crashes with a RecursionError",
  error=None,
  checks=[("stdin", "3\n", "RecursionError", "Count down from: 3\n2\n1\nLiftoff!\n")])

P(category="recursion_no_base_case", kind="question",
  code=r'''
def fib(n):
    # 0, 1, 1, 2, 3, 5, 8 ...
    if n == 1:  #@BUG
        return n
    return fib(n - 1) + fib(n - 2)

for i in range(1, 8):
    print(fib(i))
''',
  fix="    if n <= 1:",
  question="it prints 1 and then RecursionError maximum recursion depth exceeded. fib(1) works so why not fib(2)",
  error=None,
  checks=[("call", "", "fib(6)", "RecursionError", 8), ("call", "", "fib(2)", "RecursionError", 1)])

P(category="recursion_no_base_case", kind="error", tbpath=r"C:\Users\Dev\cs50\recsum.py",
  code=r'''
def total(lst):
    # add up a list recursively (no loops allowed!)
    return lst[0] + total(lst[1:])  #@BUG

print(total([4, 5, 6]))
''',
  fix="    if len(lst) == 0:\n        return 0\n    return lst[0] + total(lst[1:])",
  question="why IndexError? my list isnt empty",
  error="{TB}",
  checks=[("call", "", "total([4, 5, 6])", "IndexError", 15)])

# ---------------- return_in_loop ----------------
P(category="return_in_loop", kind="question",
  code=r'''
def is_prime(n):
    if n < 2:
        return False
    for i in range(2, n):
        if n % i == 0:
            return False
        else:  #@BUG
            return True  #@BUG

print(is_prime(9))
''',
  fix="    return True",
  question="is_prime(9) says True?? 9 = 3*3",
  error=None,
  checks=[("call", "", "is_prime(9)", True, False), ("call", "", "is_prime(15)", True, False)])

P(category="return_in_loop", kind="question",
  code=r'''
cart = [
    {"item": "bread", "price": 2.0, "qty": 2},
    {"item": "milk", "price": 1.5, "qty": 1},
    {"item": "jam", "price": 3.25, "qty": 1},
]

def cart_total(cart):
    total = 0
    for line in cart:
        total += line["price"] * line["qty"]
        # print(line["item"], total)
        return total  #@BUG

print("Total:", cart_total(cart))
''',
  fix="    return total",
  question="the total is always just the first item. i get Total: 4.0 instead of 8.75",
  error=None,
  checks=[("call", "", "cart_total(cart)", 4.0, 8.75)])

P(category="return_in_loop", kind="assert",
  code=r'''
def count_letter(word, letter):
    count = 0
    for ch in word:
        if ch == letter:
            count = count + 1
        else:
            pass
        return count  #@BUG

print(count_letter("banana", "a"))
assert count_letter("banana", "a") == 3
''',
  fix="    return count",
  question="prints 0 and assert fails",
  error=None,
  checks=[("call", "", 'count_letter("banana", "a")', 0, 3)])

P(category="return_in_loop", kind="error",
  code=r'''
class Library:
    def __init__(self):
        self.books = []

    def add_book(self, title, author):
        self.books.append({"title": title, "author": author})

    def books_by(self, author):
        found = []
        for b in self.books:
            if b["author"] == author:
                found.append(b["title"])
            return found  #@BUG


lib = Library()
lib.add_book("Emma", "Austen")
lib.add_book("Dune", "Herbert")
lib.add_book("Persuasion", "Austen")
print(lib.books_by("Austen"))
''',
  fix="        return found",
  question="whats wrong with books_by",
  error="""Expected output:
['Emma', 'Persuasion']
Your output:
{OUT}""",
  checks=[("stdin", "", "['Emma']\n", "['Emma', 'Persuasion']\n"),
          ("call", "lib = Library()\nlib.add_book('Emma', 'Austen')\nlib.add_book('Dune', 'Herbert')",
           "lib.books_by('Herbert')", [], ["Dune"])])

# ---------------- shadowed_if_chain ----------------
P(category="shadowed_if_chain", kind="question",
  code=r'''
def grade(score):
    # 90+ distinction, 50+ pass, else fail
    if score >= 50:  #@BUG
        result = "pass"
    elif score >= 90:  #@BUG
        result = "distinction"  #@FIX
    else:
        result = "fail"
    return result

print(grade(95))
''',
  fix='    if score >= 90:\n        result = "distinction"\n    elif score >= 50:\n        result = "pass"',
  question="grade(95) gives pass, it should be distinction. grade(60) gives pass which is right",
  error=None,
  checks=[("call", "", "grade(95)", "pass", "distinction")])

P(category="shadowed_if_chain", kind="error",
  code=r'''
for i in range(1, 16):
    if i % 3 == 0:  #@BUG
        print("Fizz")
    elif i % 5 == 0:
        print("Buzz")
    elif i % 15 == 0:  #@BUG
        print("FizzBuzz")  #@FIX
    else:
        print(i)
''',
  fix='    if i % 15 == 0:\n        print("FizzBuzz")\n    elif i % 3 == 0:\n        print("Fizz")\n    elif i % 5 == 0:\n        print("Buzz")',
  question="line 15 is wrong?",
  error="""Checking output... 14/15 lines correct
Line 15: expected 'FizzBuzz' but got 'Fizz'""",
  checks=[("stdin", "",
           "\n".join("Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i) for i in range(1, 16)) + "\n",
           "\n".join("FizzBuzz" if i % 15 == 0 else "Fizz" if i % 3 == 0 else "Buzz" if i % 5 == 0 else str(i)
                     for i in range(1, 16)) + "\n")])

P(category="shadowed_if_chain", kind="question",
  code=r'''
t = float(input("Temperature today: "))

if t > 10:  #@BUG
    print("It's warm")
elif t > 25:  #@BUG
    print("It's hot!")  #@FIX
elif t > 0:
    print("It's cold")
else:
    print("It's freezing")
''',
  fix='if t > 25:\n    print("It\'s hot!")\nelif t > 10:\n    print("It\'s warm")',
  question="i put in 30 degrees and it says It's warm. should say hot! it never says hot no matter what i type",
  error=None,
  checks=[("stdin", "30\n", "Temperature today: It's warm\n", "Temperature today: It's hot!\n")])

# ---------------- sort_result_used ----------------
P(category="sort_result_used", kind="error", tbpath="/home/ben/stats/median.py",
  code=r'''
def median(nums):
    s = nums.sort()  #@BUG
    mid = len(s) // 2
    if len(s) % 2 == 0:
        return (s[mid - 1] + s[mid]) / 2
    return s[mid]

print(median([5, 1, 3]))
''',
  fix="    s = sorted(nums)",
  question="what does NoneType has no len mean, nums is a list",
  error="{TB}",
  checks=[("call", "", "median([5, 1, 3])", "TypeError", 3)])

P(category="sort_result_used", kind="question",
  code=r'''
names = []
names.append("zoe")
names.append("adam")
names.append("mia")

alphabetical = names.sort()  #@BUG
print("Sorted:", alphabetical)
''',
  fix="alphabetical = sorted(names)",
  question="why does it print Sorted: None",
  error=None,
  checks=[("stdin", "", "Sorted: None\n", "Sorted: ['adam', 'mia', 'zoe']\n")])

P(category="sort_result_used", kind="assert",
  code=r'''
def is_anagram(a, b):
    letters_a = list(a.lower())
    letters_b = list(b.lower())
    return letters_a.sort() == letters_b.sort()  #@BUG

assert is_anagram("listen", "silent")
assert not is_anagram("hello", "world")
''',
  fix="    return sorted(letters_a) == sorted(letters_b)",
  question="second assert fails",
  error=None,
  checks=[("call", "", 'is_anagram("hello", "world")', True, False)])

# ---------------- str_int_comparison ----------------
P(category="str_int_comparison", kind="stdin",
  code=r'''
# adds two numbers together
a = input("Enter a number: ")
b = input("Enter another number: ")

total = a + b  #@BUG
print("The sum is", total)
''',
  fix="total = int(a) + int(b)",
  question="I entered 5 and 3 and got 53 instead of 8",
  error=None,
  checks=[("stdin", "5\n3\n", "Enter a number: Enter another number: The sum is 53\n",
           "Enter a number: Enter another number: The sum is 8\n")])

P(category="str_int_comparison", kind="error", tbpath="/home/sam/intro/club.py",
  code=r'''
name = input("What's your name? ")
age = input("How old are you? ")  #@BUG

if age >= 18:
    print("Welcome,", name)
else:
    print("Sorry", name, "you are too young")
''',
  fix='age = int(input("How old are you? "))',
  question="not supported between str and int?? i typed a number",
  error="""What's your name? Sam
How old are you? 20
{TB}""",
  checks=[("stdin", "Sam\n20\n", "TypeError", "What's your name? How old are you? Welcome, Sam\n")])

P(category="str_int_comparison", kind="question",
  code=r'''
x = input("first number: ")
y = input("second number: ")
print("comparing", x, "and", y)

if x > y:  #@BUG
    print(x, "is bigger")
else:
    print(y, "is bigger")
''',
  fix="if int(x) > int(y):",
  question="for 10 and 9 it says 9 is bigger lol. 3 and 5 works fine",
  error=None,
  checks=[("stdin", "10\n9\n", "first number: second number: comparing 10 and 9\n9 is bigger\n",
           "first number: second number: comparing 10 and 9\n10 is bigger\n")])

P(category="str_int_comparison", kind="stdin",
  code=r'''
entries = []
for k in range(4):
    entries.append(input("Number: "))  #@BUG

print("Largest:", max(entries))
print("Smallest:", min(entries))
''',
  fix='    entries.append(int(input("Number: ")))',
  question="",
  error="""Input:
4
12
9
100
Expected output:
Number: Number: Number: Number: Largest: 100
Smallest: 4
Your output:
{OUT}""",
  checks=[("stdin", "4\n12\n9\n100\n", "Number: Number: Number: Number: Largest: 9\nSmallest: 100\n",
           "Number: Number: Number: Number: Largest: 100\nSmallest: 4\n")])

# ---------------- unhandled_edge_case ----------------
P(category="unhandled_edge_case", kind="error", tbpath="/home/lu/words/avg_len.py",
  code=r'''
def avg_word_length(sentence):
    words = sentence.split()
    num_letters = 0
    for w in words:
        num_letters += len(w)
    return num_letters / len(words)  #@BUG

print(avg_word_length("the cat sat"))
print(avg_word_length(""))
''',
  fix="    if len(words) == 0:\n        return 0\n    return num_letters / len(words)",
  question="works for the cat sat but crashes on an empty string",
  error="{OUT}{TB}",
  checks=[("call", "", 'avg_word_length("")', "ZeroDivisionError", 0)])

P(category="unhandled_edge_case", kind="question",
  code=r'''
def spread(nums):
    """difference between biggest and smallest number"""
    hi = nums[0]  #@BUG
    lo = nums[0]
    for n in nums:
        if n > hi:
            hi = n
        if n < lo:
            lo = n
    return hi - lo

print(spread([4, 9, 2]))
''',
  fix="    if not nums:\n        return 0\n    hi = nums[0]",
  question="spread([]) crashes with IndexError: list index out of range. it should just return 0 for an empty list",
  error=None,
  checks=[("call", "", "spread([])", "IndexError", 0)])

P(category="unhandled_edge_case", kind="question",
  code=r'''
def title_case(text):
    words = text.split(" ")
    new_words = []
    for w in words:
        new_words.append(w[0].upper() + w[1:])  #@BUG
    return " ".join(new_words)

print(title_case("hello world"))
''',
  fix="        new_words.append(w[:1].upper() + w[1:])",
  question="title_case works for 'hello world' but when there's two spaces between the words i get IndexError: string index out of range",
  error=None,
  checks=[("call", "", 'title_case("hello  world")', "IndexError", "Hello  World")])

P(category="unhandled_edge_case", kind="doctest", tbpath="/home/mo/py/wc.py",
  code=r'''
def word_count(text):
    """Count the words in text.

    >>> word_count("one two three")
    3
    >>> word_count("")
    0
    """
    return text.count(" ") + 1  #@BUG
''',
  fix="    return len(text.split())",
  question="my second doctest fails",
  error="{DT}",
  checks=[("call", "", 'word_count("")', 1, 0)])

# ---------------- wrong_comparison_operator ----------------
P(category="wrong_comparison_operator", kind="question",
  code=r'''
def passed(score):
    # you need 50 or more to pass
    if score > 50:  #@BUG
        return True
    else:
        return False

print(passed(50))
''',
  fix="    if score >= 50:",
  question="passed(50) gives False but 50 is enough to pass!",
  error=None,
  checks=[("call", "", "passed(50)", False, True)])

P(category="wrong_comparison_operator", kind="error",
  code=r'''
def comfy_days(temps):
    """count days between 20 and 25 degrees (both included)"""
    count = 0
    for t in temps:
        if 20 < t < 25:  #@BUG
            count += 1
    return count

print(comfy_days([21, 23, 30]))
''',
  fix="        if 20 <= t <= 25:",
  question="test_edges fails",
  error="""    def test_edges():
>       assert comfy_days([18, 20, 22, 25, 27]) == 3
E       assert 1 == 3
E        +  where 1 = comfy_days([18, 20, 22, 25, 27])

test_weather.py:7: AssertionError""",
  checks=[("call", "", "comfy_days([18, 20, 22, 25, 27])", 1, 3)])

P(category="wrong_comparison_operator", kind="question",
  code=r'''
def find_index(lst, value):
    i = 0
    while i <= len(lst):  #@BUG
        if lst[i] == value:
            return i
        i += 1
    return -1

print(find_index([4, 5, 6], 6))
''',
  fix="    while i < len(lst):",
  question="when the number is in the list it works but find_index([4, 5, 6], 9) crashes with IndexError instead of returning -1",
  error=None,
  checks=[("call", "", "find_index([4, 5, 6], 9)", "IndexError", -1)])

P(category="wrong_comparison_operator", kind="question",
  code=r'''
qty = int(input("How many notebooks? "))
price = 2.50
total = qty * price

# 10% off when you buy 10 or more
if qty > 10:  #@BUG
    total = total * 0.9

print("To pay:", round(total, 2))
''',
  fix="if qty >= 10:",
  question="when i buy exactly 10 notebooks it says To pay: 25.0 so no discount, it should be 22.5",
  error=None,
  checks=[("stdin", "10\n", "How many notebooks? To pay: 25.0\n", "How many notebooks? To pay: 22.5\n")])

# ---------------- wrong_initial_value ----------------
P(category="wrong_initial_value", kind="question",
  code=r'''
def find_max(numbers):
    biggest = 0  # start at zero  #@BUG
    for num in numbers:
        if num > biggest:
            biggest = num
    return biggest

print(find_max([3, 7, 2]))
print(find_max([-5, -2, -9]))
''',
  fix="    biggest = numbers[0]",
  question="find_max works for normal numbers but for [-5, -2, -9] it returns 0 which isnt even in the list",
  error=None,
  checks=[("call", "", "find_max([-5, -2, -9])", 0, -2)])

P(category="wrong_initial_value", kind="assert",
  code=r'''
def product(nums):
    result = 0  #@BUG
    for n in nums:
        result = result * n
    return result

assert product([2, 3, 4]) == 24
assert product([]) == 1
''',
  fix="    result = 1",
  question="",
  error=None,
  checks=[("call", "", "product([2, 3, 4])", 0, 24)])

P(category="wrong_initial_value", kind="error",
  code=r'''
readings = {"mon": 14, "tue": 9, "wed": 11, "thu": 17}

def coldest_day(readings):
    coldest = None
    lowest = 0  #@BUG
    for day in readings:
        if readings[day] < lowest:
            lowest = readings[day]
            coldest = day
    return coldest, lowest

print(coldest_day(readings))
''',
  fix='    lowest = float("inf")',
  question="why None??",
  error="""Test: coldest_day({'mon': 14, 'tue': 9, 'wed': 11, 'thu': 17})
Expected: ('tue', 9)
Got:      (None, 0)""",
  checks=[("call", "", "coldest_day(readings)", (None, 0), ("tue", 9))])

P(category="wrong_initial_value", kind="stdin",
  code=r'''
word = input("Word: ")
letter = input("Letter to count: ")

count = 1  #@BUG
for ch in word:
    if ch == letter:
        count += 1

print("The letter", letter, "apears", count, "times")
''',
  fix="count = 0",
  question="i type banana and a and it says The letter a apears 4 times but there are only 3 a's in banana",
  error=None,
  checks=[("stdin", "banana\na\n", "Word: Letter to count: The letter a apears 4 times\n",
           "Word: Letter to count: The letter a apears 3 times\n")])

# ---------------- wrong_operator ----------------
P(category="wrong_operator", kind="assert",
  code=r'''
class CoinJar:
    def __init__(self):
        self.cents = 0

    def add(self, coin_value, how_many=1):
        self.cents += coin_value + how_many  #@BUG

jar = CoinJar()
jar.add(25, 3)
jar.add(10)
print("cents in jar:", jar.cents)
assert jar.cents == 85
''',
  fix="        self.cents += coin_value * how_many",
  question="",
  error=None,
  checks=[("call", "jar = CoinJar()\njar.add(25, 3)\njar.add(10)", "jar.cents", 39, 85)])

P(category="wrong_operator", kind="question",
  code=r'''
def count_long_words(sentence):
    # count words longer then 5 letters
    count = 0
    for word in sentence.split():
        if len(word) > 5:
            count =+ 1  #@BUG
    return count

print(count_long_words("programming is really wonderful and exciting"))
''',
  fix="            count += 1",
  question="it always says 1 even tho there are 4 long words in my sentence",
  error=None,
  checks=[("call", "", 'count_long_words("programming is really wonderful and exciting")', 1, 4)])

P(category="wrong_operator", kind="stdin",
  code=r'''
weight = float(input("Weight in kg: "))
height = float(input("Height in m: "))

bmi = weight / height * 2  #@BUG
print("Your BMI is", round(bmi, 1))
''',
  fix="bmi = weight / height ** 2",
  question="""Weight in kg: 70
Height in m: 1.75
Your BMI is 80.0

80?? the online calculator says 22.9""",
  error=None,
  checks=[("stdin", "70\n1.75\n", "Weight in kg: Height in m: Your BMI is 80.0\n",
           "Weight in kg: Height in m: Your BMI is 22.9\n")])

P(category="wrong_operator", kind="error",
  code=r'''
# turn seconds into minutes + seconds
total = int(input("Seconds: "))

minutes = total // 60
seconds = total - 60  #@BUG
print(minutes, "min", seconds, "sec")
''',
  fix="seconds = total % 60",
  question="",
  error="""Input:
125
Expected output:
Seconds: 2 min 5 sec
Your output:
{OUT}""",
  checks=[("stdin", "125\n", "Seconds: 2 min 65 sec\n", "Seconds: 2 min 5 sec\n")])

# ---------------- wrong_variable_returned ----------------
P(category="wrong_variable_returned", kind="question",
  code=r'''
def remove_duplicates(lst):
    result = [] # new list without doubles
    for x in lst:
        if x not in result:
            result.append(x)
    return lst  #@BUG

print(remove_duplicates([1, 2, 2, 3, 1]))
''',
  fix="    return result",
  question="remove_duplicates([1, 2, 2, 3, 1]) gives me back the exact same list, nothing gets removed",
  error=None,
  checks=[("call", "", "remove_duplicates([1, 2, 2, 3, 1])", [1, 2, 2, 3, 1], [1, 2, 3])])

P(category="wrong_variable_returned", kind="doctest", tbpath="/home/ivy/lab7/caps.py",
  code=r'''
def capitalise_words(s):
    """Capitalise every word.

    >>> capitalise_words("good morning class")
    'Good Morning Class'
    """
    words = s.split()
    new = []
    for w in words:
        new.append(w.capitalize())
    return " ".join(words)  #@BUG
''',
  fix='    return " ".join(new)',
  question="doctest fails",
  error="{DT}",
  checks=[("call", "", 'capitalise_words("good morning class")', "good morning class", "Good Morning Class")])

P(category="wrong_variable_returned", kind="error",
  code=r'''
def most_common_word(text):
    counts = {}
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    best_word = None
    best_count = 0
    for w, c in counts.items():
        if c > best_count:
            best_count = c
            best_word = w
    return best_count  #@BUG

print(most_common_word("a rose is a rose"))
''',
  fix="    return best_word",
  question="why does my test fail",
  error="""    def test_simple():
>       assert most_common_word("the cat and the hat") == "the"
E       AssertionError: assert 2 == 'the'
E        +  where 2 = most_common_word('the cat and the hat')

test_words.py:4: AssertionError""",
  checks=[("call", "", 'most_common_word("the cat and the hat")', 2, "the")])


# =====================================================================
def main():
    import collections
    import json
    from concurrent.futures import ThreadPoolExecutor

    review = "--review" in sys.argv
    with ThreadPoolExecutor(4) as ex:
        results = list(ex.map(lambda ie: verify(ie[1], ie[0] + 1), enumerate(PROGRAMS)))

    shutil.rmtree(TMPROOT, ignore_errors=True)
    problems = [p for probs, _ in results for p in probs]
    entries = [e for _, e in results]

    cat = collections.Counter(p["category"] for p in PROGRAMS)
    kind = collections.Counter(p["kind"] for p in PROGRAMS)
    if len(PROGRAMS) != 80:
        problems.append("expected 80 programs, have %d" % len(PROGRAMS))
    for c in CATEGORIES:
        if not 3 <= cat[c] <= 4:
            problems.append("category %s used %d times" % (c, cat[c]))
    codes = collections.Counter(e["code"] for e in entries if e)
    if any(v > 1 for v in codes.values()):
        problems.append("duplicate program text")

    if review:
        for i, e in enumerate(entries, 1):
            if not e:
                continue
            print("=" * 70)
            print("#%d %s / %s  bugLines=%s" % (i, e["category"], e["kind"], e["bugLines"]))
            for n, ln in enumerate(e["code"].split("\n")[:-1], 1):
                print("%s%3d| %s" % ("*" if n in e["bugLines"] else " ", n, ln))
            print("-- fix:\n" + e["fix"])
            print("-- question: " + repr(e["question"]))
            print("-- error:\n" + str(e["error"]))

    if problems:
        print("VERIFICATION FAILED - JSON not written:")
        for p in problems:
            print("  " + p)
        sys.exit(1)

    for i, e in enumerate(entries):
        e["after"] = i % 3 == 2   # every third program is the hold-out: measured, never tuned on
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "devset-blind22.json")
    with open(out, "w") as f:
        json.dump(entries, f, indent=2, ensure_ascii=False)
        f.write("\n")
    print("all %d programs verified; wrote %s" % (len(entries), out))
    print("per category:")
    for c in CATEGORIES:
        print("  %-32s %d" % (c, cat[c]))
    print("per kind:")
    for k in KINDS:
        print("  %-10s %d" % (k, kind[k]))


if __name__ == "__main__":
    main()
