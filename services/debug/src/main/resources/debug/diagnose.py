# LearnFlow diagnosis harness: why does a program that runs give a wrong answer?
#
# Runs INSIDE the code-execution sandbox (never in a service process). The service sends this file (compressed,
# behind a one-line bootstrap) as the program and a JSON payload as stdin:
#   line 1: {"encoding": "plain" | "zlib+base64"}
#   rest:   {"code": str, "cases": [{"call"|"stdin", "expected", "claimed", "candidates", "hidden", "source"}]}
# It runs every case under a bounded line tracer (coverage, pass/fail), traces the failing call step by step,
# finds loops that never end, scores lines with Ochiai, runs the novice-bug detectors and confirms them against
# the run (the line ran in the failing case; a small change at that spot makes the failing cases pass while the
# passing ones keep passing). Prints one JSON line. Only the standard library.
import ast
import base64
import builtins
import io
import json
import math
import re
import reprlib
import signal
import sys
import time
import warnings
import zlib

STUDENT_FILE = "main.py"
# line events per case before a run counts as runaway
STEP_CAP = 100000
# extra events watched after the cap, to find the loop and what does not change in it
OBSERVE_STEPS = 400
# steps kept in the trace of the failing call
TRACE_KEEP = 300
REPR_MAX = 80
# characters of a case's captured output
OUTPUT_MAX = 20000
# wall-clock backstop per traced case (sleep, huge C-level work)
CASE_SECONDS = 0.6
# per case of a candidate change
MUTANT_SECONDS = 0.25
# the whole harness stays well under the sandbox's 5 s ...
TOTAL_CPU_SECONDS = 2.0
# ... also on a busy machine, where it gets less CPU per second
TOTAL_WALL_SECONDS = 3.8
MUTANT_MAX = 160
STARTED = time.monotonic()


class Runaway(BaseException):
    pass


class CaseTimeout(BaseException):
    pass


class InputExhausted(EOFError):
    # input() asked for more than the student typed: they stopped typing there, so the run ends (an EOFError, so
    # a program that catches that still sees one).
    pass


# once a case is stopped, every further line of it raises again (a bare except cannot hide it)
STOP = [None]


def left():
    return min(TOTAL_CPU_SECONDS - time.process_time(), TOTAL_WALL_SECONDS - (time.monotonic() - STARTED))


BRIEF = reprlib.Repr()
BRIEF.maxlist = BRIEF.maxtuple = BRIEF.maxset = BRIEF.maxdict = 12
BRIEF.maxstring = BRIEF.maxother = REPR_MAX


def short(value):
    try:
        big = isinstance(value, (list, tuple, set, dict, str)) and len(value) > 50
        text = BRIEF.repr(value) if big else repr(value)
    except Exception:
        text = "<%s object>" % type(value).__name__
    return text if len(text) <= REPR_MAX else text[:REPR_MAX - 3] + "..."


def load_payload():
    header = json.loads(sys.stdin.readline())
    body = sys.stdin.read()
    if header.get("encoding") == "zlib+base64":
        body = zlib.decompress(base64.b64decode(body)).decode("utf-8")
    return json.loads(body)


# ---------------------------------------------------------------------------------------------------- running

class Capture(io.StringIO):
    def write(self, text):
        if self.tell() < OUTPUT_MAX:
            return super().write(text[:OUTPUT_MAX - self.tell()])
        return len(text)


# the tracer of the case that is running
CURRENT = [None]


def _alarm(signum, frame):
    tracer = CURRENT[0]
    if signum == signal.SIGPROF and tracer is not None and not tracer.observing and not tracer.observed:
        # Out of time but still running Python: watch a few hundred more lines to find the loop, then stop.
        tracer.observing = OBSERVE_STEPS
        signal.setitimer(signal.ITIMER_PROF, 0.3)
        return
    STOP[0] = CaseTimeout
    raise CaseTimeout()


def fake_input(stdin, blank_stops=False):
    # A program that stops at an empty line is ended the way its student ends it: Enter on its own, once, after
    # the lines they typed ("9, 10 and 2" and then the blank line that finishes the list).
    blank = [blank_stops]

    def read(prompt=""):
        line = stdin.readline()
        if not line:
            if blank[0]:
                blank[0] = False
                return ""
            raise InputExhausted("EOF when reading a line")
        return line.rstrip("\n")
    return read


def stops_on_blank(tree):
    """Whether a loop ends on an empty line typed: `if entry == "": break`, `while line != ""`, `if not line: break`."""
    for loop in (n for n in ast.walk(tree) if isinstance(n, (ast.While, ast.For))):
        for n in ast.walk(loop):
            test = n.test if isinstance(n, (ast.If, ast.While)) else None
            if test is None:
                continue
            blank = isinstance(test, ast.Compare) and any(isinstance(c, ast.Constant) and c.value == ""
                                                          for c in ast.walk(test))
            negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not) and \
                isinstance(test.operand, (ast.Name, ast.Call))
            ends = isinstance(n, ast.While) or any(isinstance(b, (ast.Break, ast.Return)) for b in n.body)
            if (blank or negated) and ends:
                return True
    return False


class Tracer:
    """Counts line events of the student's file; optionally records lines, detailed steps or the runaway loop."""

    def __init__(self, cover=True, detail=False, limit=STEP_CAP):
        self.limit = limit
        self.cover = cover
        self.detail = detail
        self.lines = set()
        self.steps = 0
        self.kept = []
        self.truncated = False
        self.last_locals = {}
        self.observing = 0
        self.observed = []
        self.exception_line = None
        self.last_event = None

    def __call__(self, frame, event, arg):
        if frame.f_code.co_filename != STUDENT_FILE:
            return None
        if event == "call":
            return self
        if STOP[0] is not None:
            raise STOP[0]()
        if event == "line":
            self.steps += 1
            if self.cover:
                self.lines.add(frame.f_lineno)
            if self.observing:
                self.observed.append((frame.f_lineno, id(frame.f_code), frame.f_code.co_name,
                                      {k: short(v) for k, v in frame.f_locals.items() if not callable(v)}))
                self.observing -= 1
                if not self.observing:
                    STOP[0] = Runaway
                    raise Runaway()
            elif self.steps >= self.limit:
                if self.detail:
                    STOP[0] = Runaway
                    raise Runaway()
                self.observing = OBSERVE_STEPS
        elif event == "exception" and self.last_event != "exception":
            # where it was raised, not the frames it unwinds through
            self.exception_line = frame.f_lineno
        self.last_event = event
        if self.detail:
            self.record(frame, event, arg)
        return self

    def depth(self, frame):
        depth = 0
        while frame is not None:
            if frame.f_code.co_filename == STUDENT_FILE:
                depth += 1
            frame = frame.f_back
        return depth

    def record(self, frame, event, arg):
        if len(self.kept) >= TRACE_KEEP:
            self.truncated = True
            return
        key = id(frame)
        now = {k: short(v) for k, v in frame.f_locals.items()
               if not k.startswith("__") and not callable(v) and type(v).__name__ != "module"}
        before = self.last_locals.get(key, {})
        changed = {k: v for k, v in now.items() if before.get(k) != v}
        self.last_locals[key] = now
        step = {"line": frame.f_lineno, "depth": self.depth(frame), "locals": changed, "returned": None,
                "event": event if event in ("line", "return", "exception") else "line"}
        if event == "return":
            step["returned"] = short(arg)
        if event == "exception":
            step["error"] = "%s: %s" % (arg[0].__name__, arg[1])
        self.kept.append(step)


def run_traced(fn, tracer, seconds):
    STOP[0] = None
    CURRENT[0] = tracer
    # CPU time bounds the case (ITIMER_PROF), so a busy machine does not cut it short; wall time is the backstop
    # for a program that sleeps or waits.
    old = signal.signal(signal.SIGALRM, _alarm)
    old_prof = signal.signal(signal.SIGPROF, _alarm)
    signal.setitimer(signal.ITIMER_PROF, max(0.05, min(seconds, left())))
    signal.setitimer(signal.ITIMER_REAL, max(0.1, min(seconds * 4, TOTAL_WALL_SECONDS - (time.monotonic() - STARTED))))
    sys.settrace(tracer)
    try:
        return fn()
    finally:
        sys.settrace(None)
        signal.setitimer(signal.ITIMER_PROF, 0)
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
        signal.signal(signal.SIGPROF, old_prof)
        STOP[0] = None
        CURRENT[0] = None


class Program:
    """The student's code compiled once; module-level test lines (assert, __main__ block) neutralised."""

    def __init__(self, source, tree=None):
        self.source = source
        self.tree = tree if tree is not None else ast.parse(source, STUDENT_FILE)
        self.code = compile(self.tree, STUDENT_FILE, "exec")
        self.lib = None
        self.blank_stops = stops_on_blank(self.tree)

    def library(self):
        # What a call case imports: each top-level statement compiled on its own (one failing statement spares the
        # rest), without the module's asserts and main block. Compiled once: every case and replay loads it.
        if self.lib is None:
            self.lib = []
            for node in self.tree.body:
                if not isinstance(node, ast.Assert) and not is_main_block(node):
                    try:
                        self.lib.append((node, compile(ast.Module([node], []), STUDENT_FILE, "exec")))
                    except SyntaxError:
                        pass
        return self.lib

    def namespace(self, stdin_text):
        stdin = io.StringIO(stdin_text or "")
        env = {"__name__": "__main__", "__builtins__": dict(vars(builtins))}
        env["__builtins__"]["input"] = fake_input(stdin, self.blank_stops)
        # what the site module gives a student's python3 (the harness runs without it)
        env["__builtins__"]["exit"] = env["__builtins__"]["quit"] = sys.exit
        return env


def is_main_block(node):
    return isinstance(node, ast.If) and isinstance(node.test, ast.Compare) \
        and isinstance(node.test.left, ast.Name) and node.test.left.id == "__name__"


def load_library(program, tracer_seconds, before_calls=False):
    # Runs the definitions (each top-level statement on its own, so one failing statement spares the rest). With
    # before_calls, not the statements that call the student's own functions: the state before the script's first
    # call, for replaying its calls in order.
    own = {n.name for n in func_defs(program.tree)} if before_calls else ()
    env = program.namespace("")
    out = Capture()
    real = sys.stdout
    sys.stdout = out
    try:
        for node, code in program.library():
            if own and not isinstance(node, ast.FunctionDef) and \
                    any(isinstance(c, ast.Call) and getattr(c.func, "id", 0) in own for c in ast.walk(node)):
                continue
            try:
                run_traced(lambda: exec(code, env), Tracer(cover=False), tracer_seconds)
            except BaseException:
                continue
    finally:
        sys.stdout = real
    return env


def with_setup(program, case, seconds):
    # A fresh module for a case whose calls before it (the script's own order) leave state behind.
    env = load_library(program, seconds, True)
    for call in case.get("setup") or []:
        run_case(program, {"call": call}, Tracer(cover=False), env, seconds)
    return env


def equal(actual, expected_text):
    try:
        expected = ast.literal_eval(expected_text)
    except Exception:
        return str(actual).strip() == expected_text.strip() or short(actual) == expected_text.strip()
    try:
        if isinstance(expected, float) or isinstance(actual, float):
            if isinstance(actual, (int, float)) and isinstance(expected, (int, float)) \
                    and not isinstance(actual, bool):
                return math.isclose(actual, expected, rel_tol=1e-9, abs_tol=1e-9) or rounded(actual, expected_text)
        if actual == expected and type(actual) == type(expected):
            return True
        return actual == expected and not isinstance(actual, str) and not isinstance(expected, str)
    except Exception:
        return False


def rounded(actual, written):
    # 2.333 for 7/3: a float written rounded matches at the decimals the student wrote
    places = written.strip().partition(".")[2]
    try:
        return isinstance(actual, float) and places.isdigit() and len(repr(actual)) > len(written.strip()) + 2 and \
            round(actual, len(places)) == float(written)
    except (TypeError, ValueError):
        return False


def output_matches(out, expected):
    got = [l.rstrip() for l in out.replace("\r\n", "\n").split("\n")]
    want = [l.rstrip() for l in expected.replace("\r\n", "\n").split("\n")]
    while got and not got[-1]:
        got.pop()
    while want and not want[-1]:
        want.pop()
    if got == want:
        return True
    if len(want) == 1 and got:
        last, wanted = loose(got[-1]), loose(want[0])
        if last == wanted or by_value(last) == by_value(wanted) or last.split() and rounded(literal(last.split()[-1]), wanted):
            return True
        # "Total: 10.0" for an expected 10.0; but "not found" is not "found": only a value may follow a label
        # without a colon ("Can vote: yes" for "yes" has one); "3" for "3 hot days": the one number the line holds
        return bool(wanted) and (wanted[0] in "-0123456789[({'\"" and
                                 (last.endswith(" " + wanted) or last.endswith("=" + wanted))
                                 or last.endswith(":" + wanted) or last.endswith(": " + wanted)) or \
            [by_value(w) for w in last.split() if w.lstrip("-").replace(".", "", 1).isdigit()] == [by_value(wanted)]
    return False


NUMBER = re.compile(r"-?\d+(?:\.\d+)?")


def by_value(line):
    # 2.50 is 2.5 as a grader reads a printed line; 20.0 is not 20 (a float where a whole number was meant)
    def plain(m):
        whole, dot, part = m.group().partition(".")
        return whole + dot + (part.rstrip("0") or "0") if dot else whole
    return NUMBER.sub(plain, line)


def counted(out, text):
    # "i only get 2" of a program that printed "**" (or the same line twice): how many of one thing it printed
    lines = [l for l in out.strip().split("\n") if l.strip()]
    items = lines if len(lines) > 1 else out.split() if len(out.split()) > 1 else list(out.strip())
    return text.strip().isdigit() and len(set(items)) == 1 and len(items) == int(text)


def said(out, text):
    # what a student says they saw printed: output as compared, or any line with the same words and numbers
    if output_matches(out, text) or counted(out, text):
        return True
    words = re.findall(r"\w+", by_value(text.casefold()))
    lines = [re.findall(r"\w+", by_value(l.casefold())) for l in out.split("\n")]
    # or the start of a line, two words or more ("it says Too short" of "Too short, use at least 8 characters"), or
    # one word of some length that opens a line and is no number ("it says Sorry, you are too young")
    return bool(words) and any(l == words or len(words) >= 2 and l[:len(words)] == words
                               or len(words) == 1 and len(words[0]) >= 4 and not words[0][0].isdigit()
                               and l[:1] == words for l in lines)


def holds_value(line, text):
    """A printed line holding the value as one of its words: a number by value (0 is 0.0), None, True, False."""
    text = text.strip()
    words = re.findall(r"-?\d+(?:\.\d+)?|\w+", line)
    if text in ("None", "True", "False"):
        return text in words
    value = literal(text)
    return isinstance(value, (int, float)) and not isinstance(value, bool) and any(
        re.fullmatch(r"-?\d+(?:\.\d+)?", w) and math.isclose(float(w), value, abs_tol=1e-9) for w in words)


def line_ending_with(out, value):
    """The printed line whose last word is the value ("balanced? False" for False), or None."""
    for line in out.split("\n"):
        w = line.split()
        if len(w) >= 2 and w[-1] == value.strip():
            return line.rstrip()
    return None


def line_as_said(out, expected, claimed):
    # One line of several: "it prints Warmest day: None (0 C) but it should be Tue (-2.0 C)". The line the student
    # quoted is gone, and a printed line is the expected one or the quoted one with its end as they want it.
    want = loose(expected)
    if not want or "\n" in expected.strip() or not claimed or "\n" in claimed.strip():
        return False
    seen = loose(claimed)
    lines = [loose(line) for line in out.split("\n")]
    if seen in lines:
        return False
    for got in lines:
        if got == want or by_value(got) == by_value(want):
            return True
        label = got[:-len(want)] if got.endswith(want) else None
        if label and label.strip() and seen.startswith(label):
            return True
        # or with its start as they want it: "it says Weak (False, True)... must be Strong" of "Strong (True, True)"
        head, _, tail = seen.partition(" ")
        if " " not in want and head != want and tail and got.startswith(want + " ") and \
                got[len(want) + 1:len(want) + 2] == tail[:1] and not tail[:1].isalnum():
            return True
    return False


def loose(line):
    """A printed line as a student quotes it: case, spacing and a final full stop or exclamation mark aside."""
    return " ".join(line.strip().rstrip(".!?").split()).casefold()


def shown_output(out, expected, claimed=None):
    lines = [l.rstrip() for l in out.rstrip().split("\n")]
    if expected is not None and "\n" not in expected.strip() and lines:
        # the line the student quoted, when it is one of several
        quoted = [l for l in lines if claimed and loose(l) == loose(claimed)]
        return (quoted or lines)[-1]
    return out.rstrip()


def run_case(program, case, tracer, env=None, seconds=CASE_SECONDS):
    """Runs one case; returns dict(actual, passed, error, stdout, runaway)."""
    out = Capture()
    real = sys.stdout
    result = {"actual": None, "passed": False, "error": None, "stdout": "", "runaway": False, "value": None,
              "error_line": None}
    if case.get("call") and case.get("setup") is not None:
        env = with_setup(program, case, seconds)
    sys.stdout = out
    try:
        if case.get("call"):
            env = env if env is not None else load_library(program, seconds)
            # statements before the compared expression ("s = Stack(); s.push(1); s.pop()") run first, traced too
            body = ast.parse(case["call"]).body
            setup = compile(ast.Module(body[:-1], []), "<case>", "exec")
            expr = compile(ast.Expression(body[-1].value), "<case>", "eval")
            value = run_traced(lambda: eval(setup, env) or eval(expr, env), tracer, seconds)
            result["value"] = value
            result["actual"] = short(value)
            result["passed"] = judged(case, lambda v: equal(value, v))
        else:
            env = program.namespace(case.get("stdin") or "")
            try:
                run_traced(lambda: exec(program.code, env), tracer, seconds)
            except InputExhausted:
                # a menu that asks again after the last answer typed: the student stopped there, and the run is
                # judged by what it printed until then (not a crash)
                result["ended"] = True
            except SystemExit:
                result["ended"] = True    # exit() or sys.exit(): the program ended itself
            text = out.getvalue()
            result["actual"] = shown_output(text, case.get("expected"), case.get("claimed"))
            result["passed"] = judged(case, lambda v: output_matches(text, v) or line_as_said(text, v, case.get(
                "claimed")), lambda v: said(text, v))
    except (Runaway, CaseTimeout):
        result["runaway"] = True
        result["error"] = "the program did not stop"
    except BaseException as exc:
        result["error"] = "%s: %s" % (type(exc).__name__, exc)
        frames = student_frames(exc)
        result["error_line"] = student_line(frames)
        result["recursive_crash"] = recursive_crash(frames)
        result["empty_argument"] = empty_argument(frames, program.tree)
        if not case.get("call"):
            result["actual"] = shown_output(out.getvalue(), case.get("expected"))
    finally:
        sys.stdout = real
        sys.settrace(None)
    result["stdout"] = out.getvalue()
    return result


def judged(case, matches, shown=None):
    # "unwanted": the student showed what it gives and said it is wrong without saying what it should give
    if case.get("unwanted") is not None:
        return not (shown or matches)(case["unwanted"])
    # a crash a pasted traceback showed, nothing said of its value: running through is what it should do
    if case.get("source") == "traceback" and case.get("expected") is None:
        return True
    return case.get("expected") is not None and matches(case["expected"])


def after_each_other(program, cases, results):
    # Every case passes here, yet the student was told of values their code gave that these runs do not give: a
    # grader runs its tests one after another in one process, so state a call leaves behind (a shared default list,
    # a global, a class attribute) reaches the next test. The tests run again after a first round: a case that
    # fails now, with every call before it as its setup, shows that state.
    if not any(c.get("claimed") and c.get("call") and not equal(r["value"], c["claimed"])
               for c, r in zip(cases, results)):
        return []
    calls = [c["call"] for c in cases if c.get("call")]
    for i, case in enumerate(cases):
        if not case.get("call") or left() < 1.5:
            continue
        again = dict(case, setup=calls + [c["call"] for c in cases[:i] if c.get("call")])
        tracer = Tracer()
        r = run_case(program, again, tracer)
        if not r["passed"] and stated(again) and not r["runaway"]:
            r["lines"], r["steps"] = tracer.lines, tracer.steps
            r["error_line"] = r["error_line"] or tracer.exception_line
            cases[i] = again
            results[i] = r
            return [i]
    return []


def parses(call):
    try:
        ast.parse(call)
        return True
    except (SyntaxError, ValueError):
        return False


def misread_call(case, result):
    error = result["error"] or ""
    return case.get("source") in ("question", "error") and not result["lines"] and "TypeError:" in error and \
        ("positional argument" in error or "unexpected keyword argument" in error)


def stated(case):
    # a pasted traceback's run (or call) states it too: it should run through, so a repair can confirm itself on it
    return case.get("expected") is not None or case.get("unwanted") is not None or case.get("source") == "traceback"


def student_frames(exc):
    """The frames of the student's file the exception passed through, outermost first: (frame, line)."""
    frames = []
    tb = exc.__traceback__
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == STUDENT_FILE:
            frames.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    return frames


def student_line(frames):
    """The line of the student's file where the exception was raised (the innermost frame of theirs)."""
    return frames[-1][1] if frames else None


def empty_argument(frames, tree):
    # Whether the innermost frame of the student's file crashed on an empty argument (average([]) called by a loop
    # over weeks): an empty list, string, dict or set given to the function where it crashed; or one that the
    # crashing line measures or indexes (len(nums), max(nums), nums[0] when no number was typed).
    last, line = frames[-1] if frames else (None, None)
    if last is None:
        return False
    code = last.f_code
    names = [] if code.co_name.startswith("<") else list(code.co_varnames[:code.co_argcount])
    for n in ast.walk(tree):
        if getattr(n, "lineno", None) == line and isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name):
            names.append(n.value.id)
        if getattr(n, "lineno", 0) <= line <= getattr(n, "end_lineno", 0) and isinstance(n, ast.Call) and \
                any(is_call_to(n, f) for f in ("len", "max", "min")):
            names += [a.id for a in n.args if isinstance(a, ast.Name)]
    values = [last.f_locals.get(name, last.f_globals.get(name)) for name in names]
    return any(isinstance(v, (list, str, dict, set, tuple)) and len(v) == 0 for v in values)


def recursive_crash(frames):
    """The name of a function of the student's that crashed inside a call of itself (flatten(item) reaching an int)."""
    codes = [frame.f_code for frame, _ in frames if not frame.f_code.co_name.startswith("<")]
    return codes[-1].co_name if len(codes) >= 2 and codes[-1] in codes[:-1] else None


def resolve_candidates(program, case):
    # "returns 8 instead of 5" without the input: the module-level call whose value is what the student saw (else,
    # when they said something, the first call that is wrong). The calls run in the script's order, so state one
    # call leaves behind (a shared default list) is there for the next, as when the student ran the program; the
    # calls before the chosen one become its setup.
    calls = case.get("candidates") or []
    claimed = (case.get("claimed") or "").strip()
    env = load_library(program, CASE_SECONDS, True)
    match = wrong = None
    for k, call in enumerate(calls):
        r = run_case(program, dict(case, call=call), Tracer(cover=False), env)
        if r["error"] is None and claimed and claimed in (r["actual"], str(r["value"])):
            match = k
            break
        if wrong is None and not r["passed"] and (r["error"] or len(calls) > 1):
            wrong = k
    k = match if match is not None else wrong if claimed else None
    if k is None:
        return calls[0] if len(calls) == 1 else None
    case["setup"] = calls[:k]
    return calls[k]


def kind(v):
    return "n" if type(v) in (int, float) else type(v)


def resolve_values(program, case):
    # The student wrote values but their words did not say which is which ("for 6 i get 13 but the 6th is 8"): run
    # the call (each candidate in the script's order, or the program with its typed input). A value it gives that
    # the student wrote is what they saw; of the others (a candidate's own argument aside), the first of a like kind
    # after it, else the last before it, is what they want. A single call written out that gives none of them: the
    # last value is the one wanted; a truth value seen with no other: its opposite (of a single call: of several,
    # which one is wrong is unknown). Unresolved, the case is dropped.
    vals = case.pop("values")
    calls = case.get("candidates") or [case.get("call")]
    # none of the calls guessed may give what they quote, but the program's own run may print it ("why does it print
    # [None, None, None]"): tried last
    calls = calls + [None] * bool(case.get("candidates"))
    env = calls[0] and load_library(program, CASE_SECONDS, True)
    crashed = case.get("source") == "traceback"
    endless = None
    for k, call in enumerate(calls):
        r = run_case(program, dict(case, call=call, expected=None), Tracer(cover=False), env)
        # a run that never stops (or recurses until Python stops it) is wrong whatever value was wanted
        if endless is None and call and (r["runaway"] or (r["error"] or "").startswith("RecursionError")):
            endless = (call, k)
        rest = list(vals)
        for a in call and getattr(ast.parse(call).body[-1].value, "args", ()) or ():
            if ast.get_source_segment(call, a) in rest:
                rest.remove(ast.get_source_segment(call, a))
        if r["error"] and case.get("call") and (vals or crashed):
            # the one call written out (or that a pasted traceback shows) crashes: the failing case, whatever value
            case.update(call=call, expected=(rest or vals or [None])[-1], candidates=None)
            return
        if crashed:
            if call and not r["error"] and not r["runaway"]:
                # the call alone runs through: what crashed needed the script's earlier statements (a cart filled by
                # add_item calls), so the whole run, which crashes as pasted, is the case
                whole = run_case(program, {"stdin": "", "source": "traceback"}, Tracer(cover=False))
                if whole["error"] and not whole["error"].startswith("EOFError"):
                    case.update(call=None, stdin="", expected=None, candidates=None, setup=None)
                    return
            break
        if r["error"] or r["runaway"]:
            continue
        truth = [(v.strip(), line_ending_with(r["stdout"], v)) for v in rest if not call and v.strip() in ("True", "False")]
        truth = [(v, shown) for v, shown in truth if shown]
        if truth:
            # "why does it say False" of a run printing "balanced? False": that line, with the other truth value
            value, shown = truth[0]
            flipped = shown[:len(shown) - len(value)] + ("False" if value == "True" else "True")
            case.update(call=None, expected=flipped, claimed=shown, setup=None, candidates=None, unwanted=None,
                        stdin=case.get("stdin") or "")
            return
        seen = [v for v in rest if (equal(r["value"], v) if call else said(r["stdout"], v))]
        # of a program's run, what was typed is not what it should print
        typed = call and () or (case.get("stdin") or "").replace(",", " ").split()
        # "why 0??", "sum is 1020" beside a run printing "In celsius: 0.0", "sum = 1020": a lone value the student
        # names is the one a printed line holds (by value); that line is what they saw
        shown_line = None
        if not seen and not call:
            shown_line = next(((v, l) for v in rest if v not in typed for l in r["stdout"].split("\n")
                               if holds_value(l, v)), None)
            if shown_line:
                seen, shown_line = [shown_line[0]], shown_line[1].strip()
        if not seen and (len(calls) > 1 or not call):
            continue
        g = rest.index(seen[0]) if seen else len(rest)
        value = r["value"] if call else literal(seen[0])
        other = [i for i, v in enumerate(rest) if v not in seen and v not in typed]
        like = [i for i in other if kind(literal(rest[i])) == kind(value)]
        # a truth value seen ("balanced? False" while both totals are 1200) is wanted the other way round, not
        # replaced by a number the student also wrote
        like = like or ([] if isinstance(value, bool) else other)
        want = rest[min([i for i in like if i > g] or [max(like)])] if like else \
            isinstance(value, bool) and (len(calls) < 2 or not call) and repr(not value)
        # nothing wanted: what it gives, shown and called wrong, fails; not a truth value one of several calls gave
        if want or seen and (len(calls) < 2 or not isinstance(value, bool)):
            case.update(call=call, expected=want or None, claimed=seen and seen[0] or None,
                        setup=call and calls[:k] or None, candidates=None,
                        unwanted=None if want else shown_line or seen[0],
                        stdin=case.get("stdin") if call else case.get("stdin") or "")
            return
    if endless:
        # nothing the student wrote resolved: the first run that never stopped is the failing case
        case.update(call=endless[0], expected=None, setup=calls[:endless[1]] or None, candidates=None)
        return
    case.update(call=None, stdin=None, candidates=None)


# ------------------------------------------------------------------------------------------------- AST helpers

def walked_collection(loop):
    """What a for loop walks: its iterable, or the dict behind .items(), .keys() or .values()."""
    it = loop.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr in ("items", "keys", "values") \
            and not it.args:
        return it.func.value
    return it


def parents_of(tree):
    parents = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[child] = node
    return parents


def enclosing(node, parents, kinds):
    node = parents.get(node)
    while node is not None and not isinstance(node, kinds):
        node = parents.get(node)
    return node


def names_in(node):
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def assigned_in(nodes):
    names = set()
    for stmt in nodes:
        for n in ast.walk(stmt):
            if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store):
                names.add(n.id)
            elif isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and isinstance(n.func.value, ast.Name):
                # lst.append(...) changes lst
                names.add(n.func.value.id)
            elif isinstance(n, (ast.Subscript, ast.Attribute)) and isinstance(n.ctx, ast.Store) \
                    and isinstance(n.value, ast.Name):
                names.add(n.value.id)
    return names


def attrs(nodes):
    return {src(n) for x in nodes for n in ast.walk(x) if isinstance(n, ast.Attribute)}


def prints_a_value(node):
    # print(...) of something computed, or of a truth value or number (print(True) in a yes/no function);
    # print("done") is a trace message, not a result.
    return is_call_to(node, "print") and any(not isinstance(a, ast.Constant) or not isinstance(a.value, str)
                                             for a in node.args)


def is_call_to(node, name):
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == name


def const_num(node):
    if isinstance(node, ast.Constant) and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
        return node.value
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub) and isinstance(node.operand, ast.Constant) \
            and isinstance(node.operand.value, (int, float)):
        return -node.operand.value
    return None


def src(node):
    try:
        return ast.unparse(node)
    except Exception:
        return "?"


def func_defs(tree):
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def fall_through_line(body):
    """The last line of a path through these statements that ends without return or raise, else None."""
    if not body:
        return None
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise)):
        return None
    if isinstance(last, ast.If):
        in_body = fall_through_line(last.body)
        in_else = fall_through_line(last.orelse) if last.orelse else last.lineno
        if in_body is not None and in_else is not None:
            # every branch runs off the end
            return getattr(last, "end_lineno", None) or in_else
        return in_body if in_body is not None else in_else
    if isinstance(last, (ast.Try, ast.With)):
        return fall_through_line(last.body) if not isinstance(last, ast.Try) or not last.handlers else \
            getattr(last, "end_lineno", last.lineno)
    if isinstance(last, (ast.While,)) and isinstance(last.test, ast.Constant) and last.test.value is True:
        return None
    return getattr(last, "end_lineno", None) or last.lineno


SKIP_WORDS = re.compile(r"(?i)\b(skip|ignore|next one|move on|go on|continue|leave out|pass over)")


def leaves_first_pass(body):
    """Whether every path through a loop body ends in break, return or raise: the loop never reaches a second pass."""
    if not body:
        return False
    last = body[-1]
    if isinstance(last, (ast.Break, ast.Return, ast.Raise)):
        return True
    if isinstance(last, ast.If):
        return bool(last.orelse) and leaves_first_pass(last.body) and leaves_first_pass(last.orelse)
    return False


def returns_of(fn):
    found = []
    for n in ast.walk(fn):
        if isinstance(n, ast.Return) and enclosing_def(n, fn):
            found.append(n)
    return found


def enclosing_def(node, fn):
    # true when node belongs to fn itself, not to a function nested in it
    stack = [(fn, False)]
    while stack:
        current, nested = stack.pop()
        for child in ast.iter_child_nodes(current):
            if child is node:
                return not nested
            stack.append((child, nested or isinstance(child, (ast.FunctionDef, ast.Lambda, ast.AsyncFunctionDef))))
    return False


# ------------------------------------------------------------------------------------------------- mutations
# A mutation is (index of the node in ast.walk order, operation, argument); applied to a fresh parse of the source,
# so candidates never share state. Each is labelled with the bug category it would repair.

def apply_mutation(source, mutation):
    tree = ast.parse(source, STUDENT_FILE)
    nodes = list(ast.walk(tree))
    index, op, arg = mutation[:3]
    node = nodes[index]
    parents = parents_of(tree)
    if op == "cmpop":
        node.ops[arg[0]] = arg[1]()
    elif op == "binop":
        node.op = arg()
    # replace node by an expression given as source text
    elif op == "replace":
        new = ast.parse(arg, mode="eval").body
        replace_child(parents[node], node, new)
    elif op == "wrap_not":
        replace_child(parents[node], node, ast.UnaryOp(op=ast.Not(), operand=node))
    # not x -> x, int(x) -> x
    elif op == "unwrap":
        inner = node.operand if isinstance(node, ast.UnaryOp) else node.args[0]
        replace_child(parents[node], node, inner)
    # a statement (break)
    elif op == "delete":
        replace_stmt(parents[node], node, [ast.Pass()])
    # f(x) alone -> name = f(x): a value computed and dropped is kept
    elif op == "assign_to":
        replace_stmt(parents[node], node, [ast.Assign(targets=[ast.Name(id=arg, ctx=ast.Store())], value=node.value)])
    # break -> continue: skip the one item instead of ending the loop
    elif op == "to_continue":
        replace_stmt(parents[node], node, [ast.Continue()])
    # move a statement from a loop body to just after the loop
    elif op == "dedent":
        loop = parents[node]
        body = loop.body if node in loop.body else loop.orelse
        body.remove(node)
        if not body:
            body.append(ast.Pass())
        replace_stmt(parents[loop], loop, [loop, node])
    # move an assignment from a loop body to just before the loop
    elif op == "hoist":
        loop = parents[node]
        loop.body.remove(node)
        if not loop.body:
            loop.body.append(ast.Pass())
        replace_stmt(parents[loop], loop, [node, loop])
    elif op == "append_return":
        node.body.append(ast.Return(value=ast.Name(id=arg, ctx=ast.Load())))
    # a value computed and thrown away: returned instead
    elif op == "expr_to_return":
        replace_stmt(parents[node], node, [ast.Return(value=node.value)])
    elif op == "print_to_return":
        replace_stmt(parents[node], node, [returning_printed(node)])
    # every print of a value in the function a return (a yes/no function printing True in one branch, False in the
    # other)
    elif op == "prints_to_returns":
        for x in [x for x in ast.walk(node) if isinstance(x, ast.Expr) and prints_a_value(x.value)
                  and enclosing_def(x, node)]:
            replace_stmt(parents[x], x, [returning_printed(x)])
    # two branches of a chain change places
    elif op == "swap_tests":
        other = nodes[arg]
        node.test, other.test = other.test, node.test
        node.body, other.body = other.body, node.body
    # def f(x, seen=[]) -> def f(x, seen=None) with a new list made in each call
    elif op == "fresh_default":
        name, default = node.args.args[-arg].arg, node.args.defaults[-arg]
        node.args.defaults[-arg] = ast.Constant(None)
        node.body.insert(0, ast.parse("if %s is None: %s = %s" % (name, name, src(default))).body[0])
    # a list made once in the class body made for each object instead: self.name = ... first in __init__
    elif op == "init_attr":
        me = node.args.args[0].arg
        node.body.insert(0, ast.parse("%s.%s = %s" % (me, arg[0], arg[1])).body[0])
    elif op == "guard":
        guard = ast.parse("if not %s:\n    return %s\n" % arg).body[0]
        node.body.insert(0, guard)
    # if ...: return a / else: return b inside a loop: b after the loop
    elif op == "replace_else_return":
        branch = parents[node]
        loop = enclosing(branch, parents, (ast.For, ast.While))
        branch.orelse = []
        replace_stmt(parents[loop], loop, [loop, node])
    # a statement at the end of a loop body
    elif op == "append_stmt":
        node.body.append(ast.parse(arg).body[0])
    ast.fix_missing_locations(tree)
    return tree


def returning_printed(stmt):
    # print(x) as the statement return x
    return ast.Return(value=stmt.value.args[0] if stmt.value.args else None)


def replace_child(parent, old, new):
    for field, value in ast.iter_fields(parent):
        if value is old:
            setattr(parent, field, ast.copy_location(new, old))
            return
        if isinstance(value, list):
            for i, item in enumerate(value):
                if item is old:
                    value[i] = ast.copy_location(new, old)
                    return


def replace_stmt(parent, old, news):
    for field, value in ast.iter_fields(parent):
        if isinstance(value, list) and any(item is old for item in value):
            i = next(i for i, item in enumerate(value) if item is old)
            for n in news:
                if n is not old:
                    ast.copy_location(n, old)
            value[i:i + 1] = news
            return


CMP_SAME_DIRECTION = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt}
CMP_INVERTED = {ast.Lt: ast.GtE, ast.LtE: ast.Gt, ast.Gt: ast.LtE, ast.GtE: ast.Lt, ast.Eq: ast.NotEq,
                ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In}
CMP_FLIPPED = {ast.Lt: ast.Gt, ast.Gt: ast.Lt, ast.LtE: ast.GtE, ast.GtE: ast.LtE}
# Each operator with the ones a beginner mixes it up with first, then every other one (a wrong operator is
# confirmed only by a swap that makes the failing case pass).
ARITH_SWAPS = {ast.Add: [ast.Sub, ast.Mult, ast.Div, ast.Pow], ast.Sub: [ast.Add, ast.Div, ast.Mult, ast.Mod],
               ast.Mult: [ast.Add, ast.Pow, ast.Div, ast.Sub, ast.FloorDiv],
               ast.Div: [ast.Mult, ast.FloorDiv, ast.Sub, ast.Mod, ast.Add],
               ast.Mod: [ast.FloorDiv, ast.Div, ast.Mult], ast.FloorDiv: [ast.Div, ast.Mod, ast.Mult],
               ast.Pow: [ast.Mult, ast.Add]}


# ------------------------------------------------------------------------------------------------- detectors
# Each detector looks at the tree and yields findings: category, line, message, detail, prior (how often this
# pattern is the bug when it appears) and the mutations that would repair it.

class Finding:
    def __init__(self, category, line, message, prior, mutations=(), detail=None, node=None):
        self.category = category
        self.line = line
        self.message = message
        self.prior = prior
        self.mutations = list(mutations)
        self.detail = detail or {}
        self.confirmed = False
        self.repaired = False
        self.node = node
        # other lines whose running confirms the finding
        self.anchors = set()
        # the run itself shows it (a crash on an empty input), no repair needed
        self.proven = False
        self.weak = False


class Detectors:
    def __init__(self, tree, source):
        self.tree = tree
        self.source = source
        self.nodes = list(ast.walk(tree))
        self.index = {id(n): i for i, n in enumerate(self.nodes)}
        self.parents = parents_of(tree)
        self.findings = []

    def at(self, node):
        return self.index[id(node)]

    def comment_near(self, node):
        """The comments on a statement's line and on the line above it."""
        lines = self.source.split("\n")
        near = lines[max(0, node.lineno - 2):node.lineno]
        return " ".join(line.partition("#")[2] for line in near if "#" in line)

    def add(self, category, node, message, prior, mutations=(), **detail):
        self.findings.append(Finding(category, getattr(node, "lineno", 0), message, prior, mutations, detail, node))

    def run(self):
        for name in sorted(n for n in dir(self) if n.startswith("detect_")):
            try:
                getattr(self, name)()
            except Exception:
                # a detector never breaks the diagnosis
                pass
        return self.findings

    # -- loops and ranges
    def detect_off_by_one_range(self):
        for n in self.nodes:
            if isinstance(n, (ast.For, ast.comprehension)) and is_call_to(n.iter, "range") and n.iter.args:
                args = n.iter.args
                muts = []
                for k, a in enumerate(args[:2]):
                    is_end = k == 1 or len(args) == 1
                    for delta in (-1, 1):
                        # the repair makes fewer passes: the bug ran one more
                        fewer = (delta < 0) == is_end
                        muts.append((self.at(a), "replace", shift(a, delta),
                                     {"direction": "one more" if fewer else "one fewer"}))
                # the whole window one step along: range(n) where 1..n is meant
                if len(args) <= 2:
                    lo = args[0] if len(args) == 2 else ast.Constant(0)
                    for d in (1, -1):
                        muts.append((self.at(n.iter), "replace", "range(%s, %s)" % (shift(lo, d), shift(args[-1], d))))
                var = n.target.id if isinstance(n.target, ast.Name) else src(n.target)
                bound = args[0] if len(args) == 1 else args[1]
                odd = any(isinstance(b, ast.BinOp) and const_num(b.right) in (1, 2) for b in args) \
                    or (len(args) >= 2 and const_num(args[0]) not in (None, 0))
                self.add("off_by_one_range", n.iter, "range", 0.55 if odd else 0.35, muts, var=var,
                         bound=src(bound), start=src(args[0]) if len(args) >= 2 else "0")
            if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.BinOp) and \
                    isinstance(n.slice.op, (ast.Add, ast.Sub)) and const_num(n.slice.right) == 1:
                muts = [(self.at(n.slice), "replace", shift(n.slice, d)) for d in (-1, 1)]
                self.add("off_by_one_range", n, "next-index", 0.3, muts, var=src(n.slice))
            if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Call) and is_call_to(n.slice, "len"):
                self.add("off_by_one_range", n, "len-index", 0.6,
                         [(self.at(n.slice), "replace", src(n.slice) + " - 1")], var=src(n.slice))

    def detect_return_in_loop(self):
        for n in self.nodes:
            if isinstance(n, (ast.For, ast.While)):
                for part in (n.body,):
                    for stmt in part:
                        if isinstance(stmt, ast.Return):
                            self.add("return_in_loop", stmt, "return-in-loop", 0.7,
                                     [(self.at(stmt), "dedent", None)])
                        if isinstance(stmt, ast.If):
                            for branch in (stmt.body, stmt.orelse):
                                if len(branch) == 1 and isinstance(branch[0], ast.Return) and stmt.orelse and \
                                        stmt.body and isinstance(stmt.body[-1], ast.Return) and \
                                        isinstance(stmt.orelse[-1], ast.Return):
                                    ret = stmt.orelse[-1]
                                    self.add("return_in_loop", ret,
                                             "else-return", 0.75,
                                             [(self.at(ret), "replace_else_return", None)])
                                    break

    def detect_missing_return(self):
        for fn in func_defs(self.tree):
            rets = [r for r in returns_of(fn) if r.value is not None]
            if fn.name == "__init__" or any(isinstance(x, (ast.Yield, ast.YieldFrom)) for x in ast.walk(fn)):
                continue
            end = fall_through_line(fn.body)
            if end is None:
                # every path ends in return or raise
                continue
            if not rets and any(prints_a_value(x) for x in ast.walk(fn)):
                # that is print_instead_of_return
                continue
            locals_ = [a for a in assigned_in(fn.body) if a not in {x.arg for x in fn.args.args}]
            params = [x.arg for x in fn.args.args]
            discarded = [x for x in ast.walk(fn) if isinstance(x, ast.Expr) and enclosing_def(x, fn)
                         and isinstance(x.value, (ast.BinOp, ast.Name, ast.Compare, ast.BoolOp, ast.Subscript,
                                                  ast.Constant, ast.List, ast.Tuple, ast.Dict, ast.IfExp))
                         # not the docstring
                         and not (isinstance(x.value, ast.Constant) and x is fn.body[0])]
            muts = [(self.at(x), "expr_to_return", None) for x in discarded]
            muts += [(self.at(fn), "append_return", name) for name in sorted(locals_) + params]
            # The line where the function runs off its end without a return: where the fix goes.
            self.add("missing_return", fn, "no-return",
                     0.8 if not rets else 0.6, muts, function=fn.name)
            self.findings[-1].line = end
            self.findings[-1].anchors.add(fn.lineno)

    def detect_print_instead_of_return(self):
        for fn in func_defs(self.tree):
            prints = [x for x in ast.walk(fn) if isinstance(x, ast.Expr) and prints_a_value(x.value)]
            if prints and not [r for r in returns_of(fn) if r.value is not None]:
                every = [(self.at(fn), "prints_to_returns", None)] if len(prints) > 1 else []
                for p in prints:
                    self.add("print_instead_of_return", p, "print-not-return",
                             0.85, [(self.at(p), "print_to_return", None)] + every, function=fn.name)

    def detect_accumulator_reset_in_loop(self):
        for loop in self.nodes:
            if not isinstance(loop, (ast.For, ast.While)):
                continue
            updated = {s.target.id for s in ast.walk(loop) if isinstance(s, ast.AugAssign)
                       and isinstance(s.target, ast.Name)}
            updated |= {s.targets[0].id for s in ast.walk(loop) if isinstance(s, ast.Assign) and len(s.targets) == 1
                        and isinstance(s.targets[0], ast.Name) and s.targets[0].id in names_in(s.value)}
            # counts[ch] = counts.get(ch, 0) + 1
            updated |= {t.value.id for t in ast.walk(loop) if isinstance(t, ast.Subscript) and isinstance(t.ctx, ast.Store)
                        and isinstance(t.value, ast.Name)}
            for stmt in loop.body:
                if isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and isinstance(stmt.targets[0], ast.Name) \
                        and (const_num(stmt.value) is not None or isinstance(stmt.value, (ast.List, ast.Dict))
                             or isinstance(stmt.value, ast.Constant) or empty_made(stmt.value)) and stmt.targets[0].id in updated | \
                        self.appended_in(loop):
                    self.add("accumulator_reset_in_loop", stmt, "reset", 0.85,
                             [(self.at(stmt), "hoist", None)], var=stmt.targets[0].id)

    def appended_in(self, loop):
        return {c.func.value.id for c in ast.walk(loop) if isinstance(c, ast.Call)
                and isinstance(c.func, ast.Attribute) and c.func.attr in ("append", "add", "extend", "update")
                and isinstance(c.func.value, ast.Name)}

    def detect_integer_division(self):
        for n in self.nodes:
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.FloorDiv):
                self.add("integer_division", n, "floor-div", 0.45,
                         [(self.at(n), "binop", ast.Div)])
            if is_call_to(n, "int") and len(n.args) == 1 and isinstance(n.args[0], ast.BinOp) \
                    and isinstance(n.args[0].op, ast.Div):
                self.add("integer_division", n, "int-cut", 0.6,
                         [(self.at(n), "unwrap", None)])

    def detect_wrong_comparison_operator(self):
        for n in self.nodes:
            if isinstance(n, ast.Compare):
                for i, op in enumerate(n.ops):
                    if type(op) in CMP_SAME_DIRECTION:
                        in_condition = isinstance(self.parents.get(n), (ast.If, ast.While, ast.comprehension)) or \
                            isinstance(self.parents.get(n), ast.BoolOp)
                        self.add("wrong_comparison_operator", n, "boundary",
                                 0.4 if in_condition else 0.3,
                                 [(self.at(n), "cmpop", (i, CMP_SAME_DIRECTION[type(op)]))],
                                 op=OP_TEXT.get(type(op)), other=OP_TEXT.get(CMP_SAME_DIRECTION[type(op)]))
                # 20 < t < 25 where both ends count: a range's two bounds are written alike, so both change
                if len(n.ops) > 1 and all(type(o) in CMP_SAME_DIRECTION for o in n.ops):
                    both = ast.Compare(n.left, [CMP_SAME_DIRECTION[type(o)]() for o in n.ops], n.comparators)
                    self.add("wrong_comparison_operator", n, "boundary", 0.4,
                             [(self.at(n), "replace", ast.unparse(both))],
                             op=OP_TEXT.get(type(n.ops[0])), other=OP_TEXT.get(CMP_SAME_DIRECTION[type(n.ops[0])]))

    def detect_parallel_bounds(self):
        # 0 < row < SIZE and 0 < col < SIZE: checked alike, so mended alike (the same bound of every part)
        for n in self.nodes:
            if isinstance(n, ast.BoolOp) and len(n.values) > 1 and all(
                    isinstance(v, ast.Compare) and len(v.ops) == len(n.values[0].ops)
                    and [type(o) for o in v.ops] == [type(o) for o in n.values[0].ops] for v in n.values):
                for i, op in enumerate(n.values[0].ops):
                    if type(op) not in CMP_SAME_DIRECTION:
                        continue
                    other = CMP_SAME_DIRECTION[type(op)]
                    parts = [ast.Compare(v.left, [other() if k == i else o for k, o in enumerate(v.ops)],
                                         v.comparators) for v in n.values]
                    self.add("wrong_comparison_operator", n, "boundary", 0.4,
                             [(self.at(n), "replace", ast.unparse(ast.BoolOp(n.op, parts)))],
                             op=OP_TEXT.get(type(op)), other=OP_TEXT.get(other))

    def detect_index_vs_element(self):
        dicts = self.dict_names()
        for loop in self.nodes:
            if not isinstance(loop, ast.For) or not isinstance(loop.target, ast.Name):
                continue
            var = loop.target.id
            if is_call_to(loop.iter, "range") and loop.iter.args and is_call_to(loop.iter.args[-1], "len") \
                    and loop.iter.args[-1].args and isinstance(loop.iter.args[-1].args[0], ast.Name):
                seq = loop.iter.args[-1].args[0].id
                for n in ast.walk(loop):
                    if isinstance(n, ast.Name) and n.id == var and isinstance(n.ctx, ast.Load) and \
                            not isinstance(self.parents.get(n), ast.Subscript) and self.used_as_value(n):
                        self.add("index_vs_element", n, "index-as-element", 0.6,
                                 [(self.at(n), "replace", "%s[%s]" % (seq, var))], var=var, seq=seq)
                # x = seq[i] where x is later used as a position (seq[x]): the element kept instead of its index
                indexes = {n.slice.id for n in ast.walk(loop) if isinstance(n, ast.Subscript)
                           and isinstance(n.value, ast.Name) and n.value.id == seq and isinstance(n.slice, ast.Name)}
                for n in ast.walk(loop):
                    if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) \
                            and n.targets[0].id in indexes - {var} and isinstance(n.value, ast.Subscript) \
                            and isinstance(n.value.slice, ast.Name) and n.value.slice.id == var:
                        self.add("index_vs_element", n, "element-as-position", 0.7,
                                 [(self.at(n.value), "replace", var)], var=n.targets[0].id, seq=seq)
                    # return seq[i] from a search that should give the position found
                    if isinstance(n, ast.Return) and isinstance(n.value, ast.Subscript) and \
                            src(n.value) == "%s[%s]" % (seq, var):
                        self.add("index_vs_element", n, "element-as-position", 0.5,
                                 [(self.at(n.value), "replace", var)], var=var, seq=seq)
            elif isinstance(loop.iter, ast.Name) and loop.iter.id not in dicts:
                # (for key in d: d[key] is how a dict's values are read)
                seq = loop.iter.id
                for n in ast.walk(loop):
                    if isinstance(n, ast.Subscript) and isinstance(n.value, ast.Name) and n.value.id == seq \
                            and isinstance(n.slice, ast.Name) and n.slice.id == var:
                        self.add("index_vs_element", n, "element-as-index", 0.8,
                                 [(self.at(n), "replace", var)], var=var, seq=seq)

    def dict_names(self):
        """Names the program binds to a dict ({...}, dict(...), a dict comprehension)."""
        return {t.id for n in self.nodes if isinstance(n, ast.Assign) and (isinstance(n.value, (ast.Dict, ast.DictComp))
                                                                           or is_call_to(n.value, "dict"))
                for t in n.targets if isinstance(t, ast.Name)}

    def used_as_value(self, name):
        parent = self.parents.get(name)
        if isinstance(parent, ast.Call) and is_call_to(parent, "range"):
            return False
        if isinstance(parent, ast.BinOp) and isinstance(parent.op, (ast.Add, ast.Sub)) and \
                const_num(parent.right) is not None:
            # i + 1: index arithmetic
            return False
        return isinstance(parent, (ast.AugAssign, ast.BinOp, ast.Compare, ast.Call, ast.Return))

    def detect_mutate_while_iterating(self):
        for loop in self.nodes:
            # (self.items too)
            walked = walked_collection(loop) if isinstance(loop, ast.For) else None
            if isinstance(walked, (ast.Name, ast.Attribute)):
                seq = src(walked)
                # list(...) copies a dict's keys or a set too, where seq[:] would not
                copy = [(self.at(loop.iter), "replace", "list(%s)" % src(loop.iter))]
                for n in ast.walk(loop):
                    if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and src(n.func.value) == seq and \
                            n.func.attr in ("remove", "pop", "append", "insert", "clear", "extend"):
                        self.add("mutate_while_iterating", n, "list-changes", 0.85, copy, seq=seq,
                                 method=n.func.attr, loop=loop.lineno)
                        self.at_the_loop(loop, n)
                    if isinstance(n, ast.Delete) and any(src(t).startswith(seq + "[") for t in n.targets):
                        self.add("mutate_while_iterating", n, "list-deletes", 0.8, copy, seq=seq, method="del",
                                 loop=loop.lineno)
                        self.at_the_loop(loop, n)

            # for i in range(len(items)): del items[i] — the positions were counted before the list shrank; walking
            # them from the end keeps the ones still to come in place
            counted = walked.args[0] if is_call_to(walked, "range") and len(walked.args) == 1 and \
                is_call_to(walked.args[0], "len") and walked.args[0].args else None
            if counted is not None and isinstance(counted.args[0], (ast.Name, ast.Attribute)):
                seq = src(counted.args[0])
                backwards = [(self.at(loop.iter), "replace", "range(len(%s) - 1, -1, -1)" % seq)]
                for n in ast.walk(loop):
                    shrinks = isinstance(n, ast.Delete) and any(src(t).startswith(seq + "[") for t in n.targets) or \
                        isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and src(n.func.value) == seq \
                        and n.func.attr in ("remove", "pop", "insert")
                    if shrinks:
                        self.add("mutate_while_iterating", n, "list-deletes", 0.8, backwards, seq=seq,
                                 method="del" if isinstance(n, ast.Delete) else n.func.attr, loop=loop.lineno)
                        self.at_the_loop(loop, n)
                        break

    def at_the_loop(self, loop, changed):
        # The mend goes at the loop (walk a copy, or build a new list), where independent labellers put the bug; the
        # line that changes the list comes second
        f = self.findings[-1]
        f.anchors.add(changed.lineno)
        f.line, f.detail["changed"] = loop.lineno, changed.lineno

    def detect_is_vs_equals(self):
        for n in self.nodes:
            if isinstance(n, ast.Compare):
                for i, op in enumerate(n.ops):
                    right = n.comparators[i]
                    if isinstance(op, (ast.Is, ast.IsNot)) and not (isinstance(right, ast.Constant)
                                                                     and right.value in (None, True, False)):
                        self.add("is_vs_equals", n, "is", 0.8,
                                 [(self.at(n), "cmpop", (i, ast.Eq if isinstance(op, ast.Is) else ast.NotEq))],
                                 op=OP_TEXT[type(op)])

    def detect_wrong_variable_returned(self):
        for fn in func_defs(self.tree):
            names = {a.arg for a in fn.args.args}
            loop_vars = {l.target.id for l in ast.walk(fn) if isinstance(l, ast.For) and isinstance(l.target, ast.Name)}
            names |= assigned_in(fn.body)
            for ret in returns_of(fn):
                # the returned name, or a name inside the returned expression (" ".join(words) where rev was built)
                used = [x for x in ast.walk(ret.value) if isinstance(x, ast.Name) and x.id in names
                        and getattr(self.parents.get(x), "func", None) is not x] if ret.value else []
                muts = [(self.at(x), "replace", o) for x in used for o in sorted(names - {x.id})]
                bare = ret.value in used
                if bare or used and len(muts) <= 12:
                    self.add("wrong_variable_returned", ret, "returned-name",
                             0.6 if bare and ret.value.id in loop_vars | {a.arg for a in fn.args.args} else 0.3,
                             muts, var=used[0].id)

    def detect_boolean_precedence(self):
        for n in self.nodes:
            if isinstance(n, ast.BoolOp):
                cmp = next((v for v in n.values if isinstance(v, ast.Compare) and len(v.ops) == 1
                            and isinstance(v.ops[0], (ast.Eq, ast.NotEq))), None)
                bare = [v for v in n.values if isinstance(v, ast.Constant) and v.value not in (None, True, False)]
                if cmp is not None and bare:
                    op = OP_TEXT[type(cmp.ops[0])]
                    whole = (" %s " % OP_TEXT[type(n.op)]).join(
                        "%s %s %s" % (src(cmp.left), op, src(v)) if v in bare else src(v) for v in n.values)
                    self.add("boolean_precedence", n, "bare-value", 0.9,
                             [(self.at(n), "replace", whole)], var=src(cmp.left), value=src(bare[0]))
                self.regrouped(n)
                if isinstance(n.op, (ast.And, ast.Or)):
                    other = ast.Or if isinstance(n.op, ast.And) else ast.And
                    self.add("wrong_operator", n, "and-or", 0.2, [(self.at(n), "boolop", other)],
                             op=OP_TEXT[type(n.op)], other=OP_TEXT[other])

    def regrouped(self, n):
        # a and b or c (meant a and (b or c)), not a and b (meant not (a and b)): the same parts, grouped as the
        # words read; confirmed only by the regrouped test passing. Parts the student bracketed are left alone (a
        # bracketed first part moves the start of the whole to the bracket, a bracketed last part its end).
        op = " %s " % OP_TEXT[type(n.op)]
        parts = [src(v) for v in n.values]
        first = n.values[0]
        bare = (first.lineno, first.col_offset) == (n.lineno, n.col_offset)
        grouped = []
        if isinstance(first, ast.BoolOp) and isinstance(n.op, ast.Or) and bare:
            grouped = ["%s and (%s or %s)" % (" and ".join(map(src, first.values[:-1])), src(first.values[-1]),
                                              parts[1])] + parts[2:]
        last = n.values[-1]
        bare_last = (last.end_lineno, last.end_col_offset) == (n.end_lineno, n.end_col_offset)
        if isinstance(n.op, ast.Or) and isinstance(last, ast.BoolOp) and isinstance(last.op, ast.And) and bare_last:
            # a or b and c (meant (a or b) and c: "members or big orders, but never sale items")
            grouped = ["(%s or %s) and %s" % (" or ".join(parts[:-1]), src(last.values[0]),
                                              " and ".join(map(src, last.values[1:])))]
        if isinstance(first, ast.UnaryOp) and isinstance(first.op, ast.Not) and bare:
            grouped = ["not (%s%s%s)" % (src(first.operand), op, op.join(parts[1:]))]
        if grouped:
            self.add("boolean_precedence", n, "grouping", 0.55, [(self.at(n), "replace", op.join(grouped))],
                     op=OP_TEXT[type(n.op)], shape="grouping")

    def detect_loop_condition_never_changes(self):
        for loop in self.nodes:
            if isinstance(loop, ast.While):
                tested = names_in(loop.test) - set(dir(builtins))
                changed = assigned_in(loop.body)
                calls = any(isinstance(c, ast.Call) for c in ast.walk(loop.test))
                has_exit = any(isinstance(x, (ast.Break, ast.Return)) for x in ast.walk(loop))
                if tested and not (tested & changed) and not calls and not has_exit:
                    var = sorted(tested)[0]
                    muts = [(self.at(loop), "append_stmt", "%s += 1" % var),
                            (self.at(loop), "append_stmt", "%s -= 1" % var)]
                    self.add("loop_condition_never_changes", loop, "loop-unchanged", 0.9,
                             muts, var=var)
                # the new value asked for in the loop and dropped: `input("age: ")` where `age = input(...)` was meant
                for stmt, var in dropped_refetch(loop, self.tree):
                    self.add("loop_condition_never_changes", stmt, "value-dropped", 0.9,
                             [(self.at(stmt), "assign_to", var)], var=var)

    def detect_recursion_no_base_case(self):
        for fn in func_defs(self.tree):
            recursive = [c for c in ast.walk(fn) if is_call_to(c, fn.name)]
            if not recursive:
                continue
            params = [a.arg for a in fn.args.args]
            has_base = any(isinstance(x, ast.If) and any(isinstance(r, ast.Return) for r in ast.walk(x))
                           for x in ast.walk(fn))
            muts = []
            for c in recursive:
                for a in c.args:
                    if isinstance(a, ast.Name) and a.id in params:
                        muts.append((self.at(a), "replace", a.id + " - 1"))
                    # n - 2 steps over the base case n == 0
                    if isinstance(a, ast.BinOp) and isinstance(a.op, ast.Sub) and isinstance(a.left, ast.Name) \
                            and a.left.id in params and const_num(a.right) not in (None, 1):
                        muts.append((self.at(a), "replace", a.left.id + " - 1"))
            for x in ast.walk(fn):
                if isinstance(x, ast.If) and isinstance(x.test, ast.Compare) and len(x.test.ops) == 1 and \
                        isinstance(x.test.ops[0], ast.Eq):
                    muts.append((self.at(x.test), "cmpop", (0, ast.LtE)))
            # a base case that works its value out and drops it ("if exp == 0: 1"): the recursion runs on past it
            dropped = [s for branch in ast.walk(fn) if isinstance(branch, ast.If) and branch.lineno <
                       recursive[0].lineno for s in branch.body if isinstance(s, ast.Expr) and isinstance(s.value, (
                           ast.BinOp, ast.Name, ast.Constant, ast.List, ast.Tuple, ast.Subscript))]
            muts += [(self.at(x), "expr_to_return", None) for x in dropped]
            self.add("recursion_no_base_case", recursive[0],
                     "base-value-dropped" if dropped else "recursion", 0.5 if has_base else 0.9, muts,
                     function=fn.name)
            if dropped:
                self.findings[-1].anchors.add(self.findings[-1].line)
                self.findings[-1].line = dropped[0].lineno
                continue
            bases = [x for x in ast.walk(fn) if isinstance(x, ast.If)
                     and any(isinstance(r, ast.Return) for r in ast.walk(x)) and x.lineno < recursive[0].lineno]
            shrinks = any(not (isinstance(a, ast.Name) and a.id in params) for a in recursive[0].args)
            # the argument moves but never meets the stopping condition: fix goes there
            if bases and shrinks:
                self.findings[-1].anchors.add(self.findings[-1].line)
                self.findings[-1].line = bases[0].lineno

    def detect_sort_result_used(self):
        for n in self.nodes:
            # the value of .sort() or .reverse() used anywhere (assigned, returned, compared: la.sort() == lb.sort(),
            # printed), not only as a statement of its own
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and \
                    n.func.attr in ("sort", "reverse") and not n.args and \
                    not isinstance(self.parents.get(n), ast.Expr):
                # (self.scores.sort() too)
                name = src(n.func.value)
                repl = ("sorted(%s)" % name) if n.func.attr == "sort" else ("%s[::-1]" % name)
                kw = ", ".join(src(k) for k in n.keywords)
                if kw and n.func.attr == "sort":
                    repl = "sorted(%s, %s)" % (name, kw)
                self.add("sort_result_used", n, "in-place",
                         0.95, [(self.at(n), "replace", repl)], method=n.func.attr, var=name)

    def detect_shadowed_if_chain(self):
        # chains: if/elif/elif..., and ifs in a row that each end in a return (each one an elif in effect)
        chains = []
        for n in self.nodes:
            if isinstance(n, ast.If) and getattr(self.parents.get(n), "orelse", None) != [n]:
                chains.append([n])
                while len(chains[-1][-1].orelse) == 1 and isinstance(chains[-1][-1].orelse[0], ast.If):
                    chains[-1].append(chains[-1][-1].orelse[0])
            run = []
            for stmt in (n.body if isinstance(getattr(n, "body", 0), list) else []) + [None]:
                if isinstance(stmt, ast.If) and not stmt.orelse and isinstance(stmt.body[-1], ast.Return):
                    run.append(stmt)
                else:
                    chains.append(run)
                    run = []
        for chain in chains:
            for j, later in enumerate(chain):
                # the first earlier test that catches every value of this one
                earlier = next((e for e in chain[:j] if implies(later.test, e.test)), None)
                if earlier:
                    # named at the test that catches too much, where the chain should start otherwise; the shadowed
                    # test (which never runs) is its anchor
                    self.add("shadowed_if_chain", earlier, "shadowed", 0.85,
                             [(self.at(earlier), "swap_tests", self.at(later))], first=src(earlier.test),
                             second=src(later.test), first_line=earlier.lineno, shadowed_line=later.lineno)
                    self.findings[-1].anchors = {later.lineno}

    def detect_early_break(self):
        for n in self.nodes:
            if isinstance(n, ast.Break):
                loop = enclosing(n, self.parents, (ast.For, ast.While))
                direct = loop is not None and n in loop.body
                # a break in an if with more of the loop after it: that item skipped (continue) was meant
                skips = not direct and loop is not None and any(
                    b.lineno > n.lineno for b in loop.body if not isinstance(b, ast.If) or n not in ast.walk(b))
                # "break  # skip empty ballots": the student's own comment says the item is skipped, not the loop ended
                said_skip = skips and SKIP_WORDS.search(self.comment_near(n)) is not None
                # (a loop whose every path leaves on the first pass never loops: "else: break" after "return False")
                once = loop is not None and leaves_first_pass(loop.body)
                self.add("early_break", n, "break", 0.6 if direct else 0.8 if once or said_skip else 0.3,
                         [(self.at(n), "delete", None)] + ([(self.at(n), "to_continue", None)] if skips else []))
            # exit() inside a loop ends the whole program at the first item it meets
            if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) and src(n.value.func) in (
                    "exit", "quit", "sys.exit") and enclosing(n, self.parents, (ast.For, ast.While)) is not None:
                self.add("early_break", n, "break", 0.5, [(self.at(n), "delete", None)])

    def detect_wrong_initial_value(self):
        for fn in [self.tree] + func_defs(self.tree):
            body = fn.body
            for i, stmt in enumerate(body):
                if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1 and
                        isinstance(stmt.targets[0], (ast.Name, ast.Attribute))):
                    continue
                value = const_num(stmt.value)
                # shortest = "" then len(w) < len(shortest): an empty text no word is shorter than
                empty = isinstance(stmt.value, ast.Constant) and stmt.value.value == ""
                # (self.low = 0 too: an attribute by its text)
                name = src(stmt.targets[0])
                later = [s for s in body[i + 1:] if isinstance(s, (ast.For, ast.While))]
                if value is None and not empty or not later or name not in assigned_in(later) | attrs(later):
                    continue
                compares = [c for l in later for c in ast.walk(l) if isinstance(c, ast.Compare) and len(c.ops) == 1]
                compared = any(name in names_in(c) | attrs([c]) for c in compares)
                # ("" is right for the longest: every word is longer than it)
                if empty and not any(isinstance(c.ops[0], (ast.Lt, ast.LtE)) and name in names_in(c.comparators[0])
                                     or isinstance(c.ops[0], (ast.Gt, ast.GtE)) and name in names_in(c.left)
                                     for c in compares):
                    continue
                # count = 0 ... count += 1: the usual start of a counter; starting it at 1 fits any count one short
                counter = value == 0 and all(isinstance(u, ast.AugAssign) and const_num(u.value) == 1
                                             for l in later for u in ast.walk(l)
                                             if isinstance(u, (ast.Assign, ast.AugAssign)) and name in assigned_in([u]))
                candidates = [] if empty else {0: ["1", "float('-inf')", "float('inf')", "None"], 1: ["0"],
                                               -1: ["0"]}.get(value, ["0", "1", "float('-inf')", "float('inf')"])
                seq = next((l.iter.id for l in later if isinstance(l, ast.For) and isinstance(l.iter, ast.Name)), None)
                if seq:
                    candidates.append("%s[0]" % seq)
                if not candidates:
                    continue
                muts = [(self.at(stmt.value), "replace", c) for c in candidates]
                self.add("wrong_initial_value", stmt, "start",
                         0.55 if compared and not counter else 0.3, muts, var=name, value=src(stmt.value))

    def detect_mutable_default_argument(self):
        for fn in func_defs(self.tree):
            # counted from the end: defaults belong to the last parameters
            for k, default in enumerate(fn.args.defaults[::-1], 1):
                if isinstance(default, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)) \
                        or any(is_call_to(default, kind) for kind in ("list", "dict", "set", "bytearray")):
                    self.add("mutable_default_argument", default, "shared-default",
                             0.9, [(self.at(fn), "fresh_default", k)], function=fn.name)
                    # the default is made once, when def runs: the calls show in the body's lines
                    self.findings[-1].anchors = {x.lineno for x in ast.walk(fn) if isinstance(x, ast.stmt)} - {fn.lineno}

    def detect_shared_mutable_object(self):
        # One list (or dict, set) where several are meant: [[" "] * 3] * 3 repeats the same inner list three times,
        # and a list made in the class body is one list shared by every object of the class.
        for n in self.nodes:
            if isinstance(n, ast.BinOp) and isinstance(n.op, ast.Mult):
                for seq, times in ((n.left, n.right), (n.right, n.left)):
                    if isinstance(seq, ast.List) and len(seq.elts) == 1 and mutable_made(seq.elts[0]) \
                            and not isinstance(times, (ast.List, ast.Tuple)):
                        inner = seq.elts[0]
                        self.add("shared_mutable_object", n, "one-inner-list", 0.85,
                                 [(self.at(n), "replace", "[%s for _ in range(%s)]" % (src(inner), src(times)))],
                                 shape="multiplied")
        for cls in (x for x in self.nodes if isinstance(x, ast.ClassDef)):
            init = next((f for f in cls.body if isinstance(f, ast.FunctionDef) and f.name == "__init__"), None)
            for stmt in cls.body:
                if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                        and isinstance(stmt.targets[0], ast.Name) and mutable_made(stmt.value)):
                    continue
                name = stmt.targets[0].id
                changed = [x for x in ast.walk(cls) if isinstance(x, ast.Call) and isinstance(x.func, ast.Attribute)
                           and x.func.attr in ("append", "extend", "insert", "add", "update", "setdefault", "pop",
                                               "remove", "clear")
                           and isinstance(x.func.value, ast.Attribute) and x.func.value.attr == name
                           and isinstance(x.func.value.value, ast.Name) and x.func.value.value.id == "self"]
                rebound = [x for x in ast.walk(cls) if isinstance(x, ast.Attribute) and x.attr == name
                           and isinstance(x.ctx, ast.Store)]
                if changed and not rebound and init is not None and init.args.args:
                    self.add("shared_mutable_object", stmt, "class-list", 0.85,
                             [(self.at(init), "init_attr", (name, src(stmt.value)))], shape="class-attribute",
                             var=name)
                    self.findings[-1].anchors = {x.lineno for x in changed}

    def detect_inverted_condition(self):
        tests = []
        for n in self.nodes:
            # return n % 2 == 1: the returned comparison decides like a condition
            if isinstance(n, (ast.If, ast.While, ast.IfExp)) or isinstance(n, ast.Return) and \
                    isinstance(n.value, ast.Compare):
                tests.append((n, n.test if not isinstance(n, ast.Return) else n.value))
            # [x for x in xs if x < limit]: a comprehension's filter keeps or drops like an if (the filter is its
            # own place: a comprehension has no line)
            if isinstance(n, ast.comprehension):
                tests += [(test, test) for test in n.ifs]
        for n, test in tests:
            if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
                self.add("inverted_condition", n, "negated", 0.35,
                         [(self.at(test), "unwrap", None)])
            elif isinstance(test, ast.Compare) and len(test.ops) == 1 and type(test.ops[0]) in CMP_INVERTED:
                muts = [(self.at(test), "cmpop", (0, CMP_INVERTED[type(test.ops[0])]))]
                if type(test.ops[0]) in CMP_FLIPPED:
                    muts.append((self.at(test), "cmpop", (0, CMP_FLIPPED[type(test.ops[0])])))
                self.add("inverted_condition", n, "opposite", 0.3, muts)
            else:
                muts = [(self.at(test), "wrap_not", None)]
                # one part of an and/or turned around
                if isinstance(test, ast.BoolOp):
                    for part in test.values:
                        if isinstance(part, ast.UnaryOp) and isinstance(part.op, ast.Not):
                            muts.insert(0, (self.at(part), "unwrap", None))
                        elif isinstance(part, ast.Compare) and len(part.ops) == 1 and \
                                type(part.ops[0]) in CMP_INVERTED:
                            muts.append((self.at(part), "cmpop", (0, CMP_INVERTED[type(part.ops[0])])))
                negated = isinstance(test, ast.BoolOp) and any(
                    isinstance(p, ast.UnaryOp) and isinstance(p.op, ast.Not) for p in test.values)
                self.add("inverted_condition", n, "opposite",
                         0.35 if negated else 0.2, muts)

    def detect_unhandled_edge_case(self):
        for fn in func_defs(self.tree):
            params = [a.arg for a in fn.args.args]
            divides = [b for b in ast.walk(fn) if isinstance(b, ast.BinOp) and isinstance(b.op, (ast.Div, ast.FloorDiv,
                                                                                                   ast.Mod))
                       and (is_call_to(b.right, "len") or isinstance(b.right, ast.Name))]
            indexes = [s for s in ast.walk(fn) if isinstance(s, ast.Subscript) and const_num(s.slice) in (0, -1)]
            guarded = any(isinstance(x, ast.If) and (isinstance(x.test, ast.UnaryOp) or is_call_to(x.test, "len") or
                                                     (isinstance(x.test, ast.Compare) and
                                                      any(is_call_to(s, "len") for s in [x.test.left] +
                                                          x.test.comparators)))
                          for x in fn.body[:3])
            # without a division or an index: the loop that an empty input (0, []) skips
            loops = [x for x in fn.body if isinstance(x, (ast.For, ast.While))][:1]
            if params and not guarded:
                for target in (divides + indexes)[:4] or loops:
                    self.add("unhandled_edge_case", target, "empty-input", 0.4 if divides + indexes else 0.3,
                             [(self.at(fn), "guard", (p, "EXPECTED")) for p in params],
                             function=fn.name, param=params[0])
        # items[-n:] for the last n: with n = 0 it is -0, the start, so the whole list comes back instead of none
        for n in self.nodes:
            if isinstance(n, ast.Subscript) and isinstance(n.slice, ast.Slice) and n.slice.upper is None and \
                    isinstance(n.slice.lower, ast.UnaryOp) and isinstance(n.slice.lower.op, ast.USub) and \
                    isinstance(n.slice.lower.operand, ast.Name) and n.slice.step is None:
                whole, count = src(n.value), n.slice.lower.operand.id
                self.add("unhandled_edge_case", n, "zero-from-end", 0.6,
                         [(self.at(n), "replace", "%s[len(%s) - %s:]" % (whole, whole, count))], param=count)

    def detect_wrong_operator(self):
        for n in self.nodes:
            if isinstance(n, (ast.BinOp, ast.AugAssign)) and type(n.op) in ARITH_SWAPS:
                # not a swap that leaves the value as it was (x * 1, x + 0): that undoes the step, it is no
                # repair of its operator
                # n % 2 == 0 tests divisibility: the idiom is right, its comparison may not be
                parent = self.parents.get(n)
                if isinstance(n.op, ast.Mod) and isinstance(parent, ast.Compare) and parent.left is n and \
                        const_num(parent.comparators[0]) is not None:
                    continue
                k = const_num(n.right if isinstance(n, ast.BinOp) else n.value)
                idle = (ast.Mult, ast.Div, ast.FloorDiv, ast.Pow) if k == 1 else (ast.Add, ast.Sub) if k == 0 else ()
                muts = [(self.at(n), "binop", o) for o in ARITH_SWAPS[type(n.op)] if o not in idle]
                # cost - paid for paid - cost: the operands the wrong way round
                if isinstance(n, ast.BinOp) and isinstance(n.op, (ast.Sub, ast.Div, ast.FloorDiv, ast.Mod, ast.Pow)):
                    muts.append((self.at(n), "replace", "(%s) %s (%s)" % (src(n.right), OP_TEXT[type(n.op)],
                                                                          src(n.left))))
                # total + price + qty where total + price * qty was meant: the last step of a chain made a product,
                # which binds before the sum
                if isinstance(n, ast.BinOp) and isinstance(n.left, ast.BinOp) and \
                        isinstance(n.op, (ast.Add, ast.Sub)) and isinstance(n.left.op, (ast.Add, ast.Sub)):
                    muts += [(self.at(n), "replace", " ".join((grouped(n.left.left), OP_TEXT[type(n.left.op)],
                                                              grouped(n.left.right), OP_TEXT[o], grouped(n.right))))
                             for o in (ast.Mult, ast.Div)]
                self.add("wrong_operator", n, "operator", 0.25, muts, op=OP_TEXT.get(type(n.op)))
            # n = 1 in a loop (counts[w] = 1 too) where n += 1 was meant: the count never gets past one
            if isinstance(n, ast.Assign) and const_num(n.value) and enclosing(n, self.parents, (ast.For, ast.While)):
                self.add("wrong_operator", n, "operator", 0.4, [(self.at(n.value), "replace", src(n.targets[0]) + " + "
                                                                 + src(n.value))], op="=")
            # x =+ 1 (meant x += 1): the sign of a number where the operator belongs
            # (self.size =+ 1 too)
            if isinstance(n, ast.Assign) and len(n.targets) == 1 and \
                    isinstance(n.value, ast.UnaryOp) and isinstance(n.value.op, (ast.UAdd, ast.USub)) and \
                    self.source.split("\n")[n.lineno - 1].replace(" ", "").find("=" + "+-"[isinstance(
                        n.value.op, ast.USub)]) >= 0:
                x = src(n.targets[0])
                self.add("wrong_operator", n, "operator", 0.7, [(self.at(n.value), "replace", "%s %s %s" % (
                    x, "+-"[isinstance(n.value.op, ast.USub)], src(n.value.operand)))], op="=+")


def grouped(node):
    # an operand as written inside a longer expression: in brackets unless it binds tighter than any operator
    return "(%s)" % src(node) if isinstance(node, (ast.BinOp, ast.BoolOp, ast.Compare, ast.IfExp, ast.UnaryOp,
                                                   ast.Lambda, ast.NamedExpr)) else src(node)


def mutable_made(node):
    # a new list, dict or set written out: [], [" "] * 3, {}, {"a": 1}, set(), list(), a comprehension
    if isinstance(node, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp)):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Mult):
        return isinstance(node.left, ast.List) or isinstance(node.right, ast.List)
    return isinstance(node, ast.Call) and getattr(node.func, "id", getattr(node.func, "attr", None)) in (
        "list", "dict", "set", "defaultdict", "Counter", "OrderedDict", "deque")


def empty_made(node):
    # dict(), list(), set(), str(), Counter(): an empty start written as a call
    return isinstance(node, ast.Call) and not node.args and not node.keywords and \
        getattr(node.func, "id", getattr(node.func, "attr", None)) in ("dict", "list", "set", "str", "int", "float",
                                                                       "Counter", "OrderedDict")


def shift(node, delta):
    value = const_num(node)
    if value is not None:
        return str(value + delta)
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Sub)) and const_num(node.right) is not None:
        k = const_num(node.right) * (1 if isinstance(node.op, ast.Add) else -1) + delta
        base = src(node.left)
        return base if k == 0 else ("%s + %d" % (base, k) if k > 0 else "%s - %d" % (base, -k))
    return "%s %s 1" % (src(node), "+" if delta > 0 else "-")


def implies(second, first):
    # True when every value that makes `second` true also makes `first` true (x >= 90 implies x >= 50;
    # n % 15 == 0 implies n % 3 == 0; a == b == c implies a == b or b == c).
    if isinstance(first, ast.BoolOp) and isinstance(first.op, ast.Or):
        return any(implies(second, part) for part in first.values)
    parts = conjuncts(second)
    if len(parts) > 1:
        return any(implies(part, first) for part in parts)
    if same_test(second, first):
        return True
    divisor_first, divisor_second = divisibility(first), divisibility(second)
    if divisor_first and divisor_second and divisor_first[0] == divisor_second[0]:
        return divisor_second[1] % divisor_first[1] == 0
    # cmd == "show done" (or cmd.startswith("show d")) implies cmd.startswith("show"); "done" in cmd likewise
    known, wide = text_test(second), text_test(first)
    if known and wide and known[0] == wide[0]:
        return wide[1] == "startswith" and known[2].startswith(wide[2]) and known[1] in ("==", "startswith") or \
            wide[1] == "endswith" and known[2].endswith(wide[2]) and known[1] in ("==", "endswith") or \
            wide[1] == "in" and wide[2] in known[2]
    if not (isinstance(first, ast.Compare) and isinstance(second, ast.Compare) and len(first.ops) == 1
            and len(second.ops) == 1 and src(first.left) == src(second.left)):
        return False
    a, b = const_num(first.comparators[0]), const_num(second.comparators[0])
    if a is None or b is None:
        return False
    f, s = type(first.ops[0]), type(second.ops[0])
    if f in (ast.Gt, ast.GtE) and s in (ast.Gt, ast.GtE):
        return b > a or (b == a and (f == ast.GtE or s == ast.Gt))
    if f in (ast.Lt, ast.LtE) and s in (ast.Lt, ast.LtE):
        return b < a or (b == a and (f == ast.LtE or s == ast.Lt))
    return False


def text_test(test):
    """A test of a text against a constant: (the text's source, "==" / "startswith" / "endswith" / "in", constant)."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.comparators[0], ast.Constant) and \
            isinstance(test.comparators[0].value, str):
        if isinstance(test.ops[0], ast.Eq):
            return src(test.left), "==", test.comparators[0].value
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In) and \
            isinstance(test.left, ast.Constant) and isinstance(test.left.value, str):
        return src(test.comparators[0]), "in", test.left.value
    if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute) and test.func.attr in (
            "startswith", "endswith") and len(test.args) == 1 and isinstance(test.args[0], ast.Constant) and \
            isinstance(test.args[0].value, str):
        return src(test.func.value), test.func.attr, test.args[0].value
    return None


def conjuncts(test):
    # x and y, and a == b == c as a == b and b == c
    if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And):
        return [p for v in test.values for p in conjuncts(v)]
    if isinstance(test, ast.Compare) and len(test.ops) > 1:
        sides = [test.left] + test.comparators
        return [ast.Compare(sides[i], [op], [sides[i + 1]]) for i, op in enumerate(test.ops)]
    return [test]


def same_test(a, b):
    if src(a) == src(b):
        return True
    # a == b is b == a
    return isinstance(a, ast.Compare) and isinstance(b, ast.Compare) and len(a.ops) == len(b.ops) == 1 and \
        type(a.ops[0]) == type(b.ops[0]) and isinstance(a.ops[0], (ast.Eq, ast.NotEq)) and \
        src(a.left) == src(b.comparators[0]) and src(a.comparators[0]) == src(b.left)


def divisibility(test):
    """`n % 3 == 0` as ("n", 3); else None."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.Eq) and \
            const_num(test.comparators[0]) == 0 and isinstance(test.left, ast.BinOp) and \
            isinstance(test.left.op, ast.Mod) and isinstance(const_num(test.left.right), int) and \
            const_num(test.left.right) != 0:
        return src(test.left.left), const_num(test.left.right)
    return None


OP_TEXT = {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.Is: "is",
           ast.IsNot: "is not", ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//",
           ast.Mod: "%", ast.Pow: "**", ast.And: "and", ast.Or: "or", ast.In: "in", ast.NotIn: "not in"}


# ------------------------------------------------------------------------------------------------- diagnosis

def literal(text):
    try:
        return ast.literal_eval(text)
    except Exception:
        return None


def seen_value(node, seen):
    # a name, an item of one (key[i]) or a constant, with the values the trace saw; None when not known
    if isinstance(node, ast.Constant):
        return node.value
    if isinstance(node, ast.Name):
        return literal(seen.get(node.id, ""))
    if isinstance(node, ast.Subscript) and not isinstance(node.slice, ast.Slice):
        try:
            return seen_value(node.value, seen)[seen_value(node.slice, seen)]
        except Exception:
            return None
    # tok.strip(): a text cleaned up is still text
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and not node.args and \
            node.func.attr in ("strip", "lstrip", "rstrip", "lower", "upper", "casefold", "title"):
        value = seen_value(node.func.value, seen)
        return getattr(value, node.func.attr)() if isinstance(value, str) else None
    return None


def number_text(side, seen):
    # '7' (read by input(), cut out of a string, or made by str()): text that holds a number, as the trace saw it
    if is_call_to(side, "str"):
        return True
    value = seen_value(side, seen)
    try:
        float(value)
        return isinstance(value, str)
    except (TypeError, ValueError):
        return False


def text_compared_as_number(detectors, steps):
    # Comparisons the failing run made between text that holds a number and a number, or two such texts put in
    # order with < or >: confirmed from the values the trace saw. The repair reads the text as a number.
    seen, found = {}, {}
    for step in steps:
        seen.update(step.get("locals") or {})
        for cmp in detectors.nodes:
            # '3' + '4' gives '34': two texts that hold numbers joined where they should be added
            if isinstance(cmp, ast.BinOp) and isinstance(cmp.op, ast.Add) and cmp.lineno == step["line"] and \
                    cmp.lineno not in found and all(isinstance(x, ast.Name) and number_text(x, seen)
                                                    for x in (cmp.left, cmp.right)):
                f = Finding("str_int_comparison", cmp.lineno, "number-joined", 0.9, [(detectors.at(cmp), "replace",
                            "int(%s) + int(%s)" % (cmp.left.id, cmp.right.id))], dict(
                                {"var": cmp.left.id}, **entered_at(detectors.tree, cmp.left.id, cmp.lineno)), cmp)
                f.confirmed = True
                found[cmp.lineno] = f
            if not isinstance(cmp, ast.Compare) or len(cmp.ops) > 1 or cmp.lineno != step["line"] or \
                    cmp.lineno in found:
                continue
            sides = [cmp.left, cmp.comparators[0]]
            texts = [x for x in sides if number_text(x, seen)]
            numbers = [x for x in sides if x not in texts and isinstance(
                const_num(x) if const_num(x) is not None else seen_value(x, seen), (int, float))]
            ordered = isinstance(cmp.ops[0], (ast.Lt, ast.LtE, ast.Gt, ast.GtE))
            if not texts or all(isinstance(x, ast.Constant) for x in texts) or \
                    not numbers and not (len(texts) == 2 and ordered):
                continue
            as_number = [src(x) if x not in texts else src(x.args[0]) if is_call_to(x, "str") else x.value.strip()
                         if isinstance(x, ast.Constant) else "%s(%s)" % ("float" if "." in str(seen_value(x, seen))
                                                                        else "int", src(x)) for x in sides]
            fixed = "%s %s %s" % (as_number[0], OP_TEXT.get(type(cmp.ops[0]), "=="), as_number[1])
            name = next((x.id for x in texts if isinstance(x, ast.Name)), None)
            detail = dict({"var": name} if name else {}, **entered_at(detectors.tree, name, cmp.lineno))
            f = Finding("str_int_comparison", cmp.lineno, "number-text", 0.9,
                        [(detectors.at(cmp), "replace", fixed)], detail, cmp)
            f.confirmed = True
            found[cmp.lineno] = f
    return list(found.values())


def entered_at(tree, name, line):
    entered = text_entry_line(tree, name)
    return {"entered": entered} if entered and entered != line else {}


def text_entry_line(tree, name):
    """Where typed text is kept as it was typed: `age = input(...)`, or the `.append` that stores such a name in a
    list; the one the compared name holds first, else the only one."""
    kept = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and \
                isinstance(n.value, ast.Call) and is_call_to(n.value, "input"):
            kept.setdefault(n.targets[0].id, n.lineno)
    stored = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "append" and \
                len(n.args) == 1 and (isinstance(n.args[0], ast.Name) and n.args[0].id in kept or
                                      isinstance(n.args[0], ast.Call) and is_call_to(n.args[0], "input")):
            stored.setdefault(getattr(n.args[0], "id", None), n.lineno)
    if name in kept:
        return stored.get(name, kept[name])
    lines = set(stored.values()) or set(kept.values())
    return lines.pop() if len(lines) == 1 else None


def empty_input(case):
    # An empty list, string or dict, a zero, or nothing typed: the input a program most often forgets.
    # A list of one item is as short as a list gets before it has a second largest, a pair, a gap.
    call = case.get("call")
    if not call:
        return not (case.get("stdin") or "").replace("0", "").strip()
    try:
        nodes = list(ast.walk(ast.parse(call)))
    except Exception:
        nodes = []
    # (or an object built empty: Queue())
    one = any(isinstance(x, ast.List) and len(x.elts) == 1 or isinstance(x, ast.Call) and not x.args and not
              x.keywords and getattr(x.func, "id", "a")[0].isupper() for x in nodes)
    # f(0), f(xs, 0): a zero passed as such (not a zero inside a list passed: [0, 0, 5] is no empty input)
    zero = any(isinstance(a, ast.Constant) and a.value == 0 and not isinstance(a.value, bool)
               for n in nodes if isinstance(n, ast.Call) for a in list(n.args) + [k.value for k in n.keywords])
    return one or zero or any(t in call.replace(" ", "") for t in ("[]", "''", '""', "{}", "set()"))


def fixed_index_at(tree, line):
    # parts[1], word[-1]: a position fixed in the code assumes every input is that long (one word, an empty line)
    return any(isinstance(n, ast.Subscript) and n.lineno == line and isinstance(const_num(n.slice), int)
               for n in ast.walk(tree))


EDGE_CRASHES = ("ZeroDivisionError", "IndexError", "ValueError: max()", "ValueError: min()", "KeyError",
                "StopIteration", "ValueError: invalid literal for int() with base 10: ''",
                "ValueError: could not convert string to float: ''")


def ochiai(results):
    failing = [r for r in results if not r["passed"]]
    nf = len(failing)
    scores = {}
    if not nf:
        return scores
    lines = set()
    for r in results:
        lines |= r["lines"]
    for line in lines:
        ef = sum(1 for r in failing if line in r["lines"])
        ep = sum(1 for r in results if r["passed"] and line in r["lines"])
        if ef:
            scores[line] = ef / math.sqrt(nf * (ef + ep))
    return scores


def mutant_passes(source, mutation, cases, failing_idx):
    try:
        tree = apply_mutation(source, mutation)
        program = Program(source, tree)
    except Exception:
        return False
    env = load_library(program, MUTANT_SECONDS) if any(c.get("call") for c in cases) else None
    for i in range(len(cases)):
        r = run_case(program, cases[i], Tracer(cover=False), env, MUTANT_SECONDS)
        if not r["passed"]:
            return False
    return True


def find_loop(tree, observed):
    """The innermost loop holding every line the runaway run kept repeating, and the names that never changed."""
    def enclosing_loop(lines):
        best = None
        for n in ast.walk(tree):
            if isinstance(n, (ast.While, ast.For)) and n.lineno <= lines[0] and n.end_lineno >= lines[-1]:
                if best is None or n.lineno > best.lineno:
                    best = n
        return best

    # The code that repeats without end: of the functions seen running (last seen first), one whose lines a while
    # loop holds; a function or generator the loop keeps calling runs again and again too, but ends each time.
    order = []
    for o in reversed(observed):
        if o[1] not in order:
            order.append(o[1])
    picks = []
    for code in order:
        seen = sorted({o[0] for o in observed if o[1] == code})
        picks.append((code, seen, enclosing_loop(seen)))
    frame, lines, best = next((p for p in picks if isinstance(p[2], ast.While)), None) or \
        next((p for p in picks if p[2] is not None), None) or picks[0]
    mine = [o for o in observed if o[1] == frame]
    snapshots = [o[3] for o in mine]
    names = set(snapshots[0])
    for snap in snapshots[1:]:
        names &= set(snap)
    watched = names_in(best.test) if isinstance(best, ast.While) else names_in(best) if best else names
    unchanged = [name for name in sorted(watched & names) if len({snap[name] for snap in snapshots}) == 1]
    return {"lines": sorted(set(lines) | ({best.lineno} if best else set())), "unchanged": unchanged,
            "header": best.lineno if best else lines[0], "culprit": loop_culprit(best, set(lines), tree),
            "kind": "while" if isinstance(best, ast.While) else "for" if best else None}


def dropped_refetch(loop, tree):
    """input("age: ") alone in a while loop whose test reads `age`, set by the same call before the loop: the new value
    is asked for and dropped. Each such statement with the name it should have set, as (statement, name)."""
    made = {}
    for n in ast.walk(tree):
        if isinstance(n, ast.Assign) and len(n.targets) == 1 and isinstance(n.targets[0], ast.Name) and \
                isinstance(n.value, ast.Call) and n.lineno < loop.lineno:
            made[n.targets[0].id] = src(n.value.func)
    tested = names_in(loop.test)
    found = []
    for n in (x for stmt in loop.body for x in ast.walk(stmt)):
        if isinstance(n, ast.Expr) and isinstance(n.value, ast.Call) and not is_call_to(n.value, "print"):
            names = [v for v in sorted(tested) if made.get(v) == src(n.value.func)]
            if names:
                found.append((n, names[0]))
    return found


def loop_culprit(loop, ran, tree):
    # In a while loop that never ends, the line that should move its condition: a value computed from a name of
    # the condition and thrown away (n // 10), an update of such a name that never runs (it sits in a branch), or
    # one that runs but moves it the wrong way. None when nothing in the loop touches the condition.
    if not isinstance(loop, ast.While):
        return None
    tested = names_in(loop.test) - set(dir(builtins))
    body = [n for stmt in loop.body for n in ast.walk(stmt)]
    for n in body:
        if isinstance(n, ast.Expr) and isinstance(n.value, (ast.BinOp, ast.Compare)) and names_in(n.value) & tested:
            return n.lineno
    refetched = dropped_refetch(loop, tree)
    if refetched:
        return refetched[0][0].lineno
    updates = [n for n in body if isinstance(n, (ast.Assign, ast.AugAssign)) and assigned_in([n]) & tested]
    for n in updates:
        if n.lineno not in ran:
            return n.lineno
    if updates:
        return updates[0].lineno
    # nothing updates it, but the name it was copied from before the loop moves instead (i = start, then start -= 1)
    copied = {n.value.id for n in ast.walk(tree) if isinstance(n, ast.Assign) and isinstance(n.value, ast.Name)
              and assigned_in([n]) & tested and n.lineno < loop.lineno}
    moved = [n for n in body if isinstance(n, (ast.Assign, ast.AugAssign)) and assigned_in([n]) & copied]
    if moved:
        return moved[0].lineno
    # nothing updates it: a new value computed from it, kept under a name made from its own (new_balance =
    # balance * 2, n2 = n // 10); total = total + i is another value of the loop's, not the missed update
    kept = [n for n in body if isinstance(n, ast.Assign) and isinstance(n.value, ast.BinOp) and any(
        isinstance(t, ast.Name) and any(len(name) >= 2 and name in t.id and name != t.id
                                        for name in names_in(n.value) & tested) for t in n.targets)]
    return kept[0].lineno if kept else None


class Bounded:
    # stderr with a ceiling: a warning the student's code raises at each of the harness's many compiles ("is" with a
    # literal), or its own prints to stderr, must not fill the sandbox's output limit and lose the diagnosis.

    def __init__(self, real, limit):
        self.real, self.left = real, limit

    def write(self, text):
        if self.left > 0:
            self.real.write(text[:self.left])
            self.left -= len(text)
        return len(text)

    def flush(self):
        self.real.flush()


def main():
    warnings.simplefilter("ignore")
    sys.stderr = Bounded(sys.stderr, 4000)
    payload = load_payload()
    source = payload["code"]
    cases = payload.get("cases") or []
    out = {"cases": [], "failing": None, "trace": None, "findings": [], "suspicious": [], "category": None,
           "loop": None, "error": None}
    try:
        program = Program(source)
    except SyntaxError as exc:
        out["error"] = "SyntaxError: %s (line %s)" % (exc.msg, exc.lineno)
        print(json.dumps(out))
        return
    sys.setrecursionlimit(400)
    # a call read from the student's words that is no Python ("f((1 0, 2 0 ...))") is a misreading: left out
    for case in cases:
        if case.get("candidates"):
            case["candidates"] = [c for c in case["candidates"] if parses(c)]
    cases = [c for c in cases if not c.get("call") or parses(c["call"])]
    for case in cases:
        if case.get("values") is not None:
            resolve_values(program, case)
        if not case.get("call") and case.get("candidates"):
            case["call"] = resolve_candidates(program, case)
    cases = [c for c in cases if c.get("call") or c.get("stdin") is not None]
    calls = any(c.get("call") for c in cases)
    # cases share it, as appended asserts would
    env = load_library(program, CASE_SECONDS) if calls else None
    results = []
    observed = None
    for case in cases:
        if left() < 0.8:
            break
        tracer = Tracer()
        r = run_case(program, case, tracer, env)
        if case.get("source") == "symptom" and not r["error"] and not r["runaway"] and r["stdout"].strip():
            # The program ran cleanly and the student says its result is wrong without saying the right one ("the
            # total is always just the last number"): what it printed is what they call wrong.
            case["unwanted"] = r["stdout"]
            r["passed"] = False
            r["actual"] = shown_output(r["stdout"], None)
        r["lines"] = tracer.lines
        r["steps"] = tracer.steps
        r["error_line"] = r["error_line"] or (None if r.get("ended") else tracer.exception_line)
        if r["runaway"] and tracer.observed and observed is None:
            observed = tracer.observed
        results.append(r)
    # a call built from the student's words with the wrong number of arguments fails before any of their lines
    # runs: it is a misreading, and says nothing about the program
    misread = {i for i, r in enumerate(results) if misread_call(cases[i], r)}
    if misread and len(misread) < len(results):
        cases = [c for i, c in enumerate(cases) if i not in misread]
        results = [r for i, r in enumerate(results) if i not in misread]
    failing_idx = [i for i, r in enumerate(results) if not r["passed"] and stated(cases[i])
                   or r["runaway"] or r["error"]]
    if not failing_idx and calls:
        failing_idx = after_each_other(program, cases, results)
    for i, r in enumerate(results):
        c = cases[i]
        out["cases"].append({"call": c.get("call"), "stdin": c.get("stdin"), "expected": c.get("expected"),
                             "unwanted": c.get("unwanted"), "actual": r["actual"], "passed": bool(r["passed"]),
                             "error": r["error"], "hidden": bool(c.get("hidden")), "source": c.get("source"),
                             "runaway": r["runaway"], "printed": r["stdout"][:300], "errorLine": r["error_line"]})
    if observed:
        out["loop"] = find_loop(program.tree, observed)
    if failing_idx:
        visible = [i for i in failing_idx if not cases[i].get("hidden")]
        first = (visible or failing_idx)[0]
        out["failing"] = first
    # a sleeping program: no trace
    if failing_idx and not (results[out["failing"]]["runaway"] and not observed):
        first = out["failing"]
        replay = load_library(program, CASE_SECONDS) if calls else None
        for earlier in cases[:first]:
            if left() > 1.0 and earlier.get("call"):
                run_case(program, earlier, Tracer(cover=False), replay)
        tracer = Tracer(cover=True, detail=True, limit=4000)
        run_case(program, cases[first], tracer, replay, 0.5)
        out["trace"] = {"call": cases[first].get("call") or "the program with input %r" % (cases[first].get("stdin")
                                                                                            or ""),
                        "steps": tracer.kept, "truncated": tracer.truncated or tracer.steps > len(tracer.kept)}
    for r in results:
        r["passed"] = bool(r["passed"]) and not r["runaway"]
    scores = ochiai(results)
    detectors = Detectors(program.tree, source)
    findings = detectors.run()
    if out["trace"]:
        findings += text_compared_as_number(detectors, out["trace"]["steps"])
    failing_lines = set()
    for i in failing_idx:
        failing_lines |= results[i]["lines"]
    expected_for_guard = cases[failing_idx[0]].get("expected") if failing_idx else None
    r = results[failing_idx[0]] if failing_idx else {}
    line = r.get("error_line")
    # A crash on an empty input shows an unhandled edge case, whatever else would avoid the crash; not in a
    # function that calls itself (there the empty input may come from the recursion).
    short = line and (r["error"] or "").startswith("IndexError") and fixed_index_at(program.tree, line)
    if line and (r["error"] or "").startswith(EDGE_CRASHES) and (short or empty_input(cases[failing_idx[0]])
                                                                or r.get("empty_argument")) and not any(
            n.lineno <= line <= n.end_lineno and any(is_call_to(x, n.name) for x in ast.walk(n))
            for n in func_defs(program.tree)):
        at_line = [f for f in findings if f.category == "unhandled_edge_case" and f.line == line]
        if not at_line:
            at_line = [Finding("unhandled_edge_case", line, "short-input" if short else "empty-input", 0.85)]
            findings += at_line
        for f in at_line:
            f.prior, f.proven = 0.85, True
    # a dict or set that changed size while a loop walked it: Python stops at the loop's own line, and only walking a
    # copy there mends it (deleting elsewhere cannot)
    if line and "changed size during iteration" in (r.get("error") or ""):
        for f in findings:
            if f.category == "mutate_while_iterating" and f.detail.get("loop") == line:
                f.anchors.add(f.line)
                # Python's own message names the mistake: a repair that merely stops the deleting (a test that is
                # never true) must not outrank it
                f.line, f.proven, f.prior = line, True, max(f.prior, 0.95)
    for f in findings:
        f.confirmed = f.line in failing_lines or bool(f.anchors & failing_lines) or (f.category == "loop_condition_never_changes" and out["loop"]
                                                  is not None and f.line in out["loop"]["lines"])
        if f.category in ("missing_return", "print_instead_of_return") and failing_idx:
            r = results[failing_idx[0]]
            # (or the None it gave crashed the line that used it; printing, it showed the value first)
            f.confirmed = (r["actual"] == "None" or "NoneType" in (r["error"] or "")) and (
                f.category == "missing_return" or bool(r["stdout"].strip()))
        if f.category == "recursion_no_base_case" and failing_idx:
            deep = [results[i] for i in failing_idx if results[i]["runaway"]
                    or (results[i]["error"] or "").startswith("RecursionError")]
            f.confirmed = bool(deep) and (f.confirmed or f.prior >= 0.9 and any(r["error"] for r in deep))
            # a crash deep in the recursion (the call went on into a value it cannot take: an int to iterate, an
            # empty string to index) where the function has no case that stops it
            if not f.confirmed and f.prior >= 0.9 and f.detail.get("function") and any(
                    results[i].get("recursive_crash") == f.detail.get("function") for i in failing_idx):
                f.confirmed = True
    # A failing case that only has to run through (a pasted crash) is "repaired" by any change that skips the work
    # (printing turned into an early return, `/` into `*`): such a repair says nothing there.
    # (a failed assert is no such crash: the assert says what the value should be)
    crash_only = bool(failing_idx) and all(cases[i].get("expected") is None and cases[i].get("unwanted") is None
                                           and results[i]["error"]
                                           and not results[i]["error"].startswith("AssertionError")
                                           for i in failing_idx)
    # ... and a failing run of the whole program (no call of the student's) is not mended by a function that returns
    # what it printed when the program never uses any value of that function (run_quiz() on a line of its own): the
    # printed line just goes missing.
    runs_only = bool(failing_idx) and all(not cases[i].get("call") for i in failing_idx)
    bare_calls = {id(x.value) for x in ast.walk(program.tree) if isinstance(x, ast.Expr)}
    # (a method's value counts too: print(dog.describe()) uses what describe gives)
    valued_calls = {n.func.id if isinstance(n.func, ast.Name) else n.func.attr for n in ast.walk(program.tree)
                    if isinstance(n, ast.Call) and isinstance(n.func, (ast.Name, ast.Attribute))
                    and id(n) not in bare_calls}
    # Confirm by repair: the smallest change at a finding's spot that makes every failing case pass and keeps
    # the passing ones passing. Findings on lines that ran in the failing case, by prior, first.
    if failing_idx and all(stated(cases[i]) for i in failing_idx) \
            and not any(results[i]["runaway"] for i in failing_idx):
        ordered = sorted(findings, key=lambda f: (not f.confirmed, -(f.prior + scores.get(f.line, 0) * 0.3)))
        tried = 0
        best_prior = -1.0
        repaired_lines = set()
        cheap_only = not any(r["passed"] for r in results)
        symptom_only = all(cases[i].get("source") == "symptom" for i in failing_idx)
        for f in ordered:
            if left() < 0.4 or tried >= MUTANT_MAX:
                break
            # After a repair, only findings on a repaired line are still tried: two repairs of the same line
            # (an inverted condition or its operator) are weighed against each other below.
            if (best_prior >= 0.5 or f.prior <= best_prior) and f.line not in repaired_lines:
                continue
            if not f.confirmed and scores and f.line not in scores and not f.anchors & set(scores):
                continue
            # "it prints the wrong thing" only says the output should differ, which almost any change achieves: only
            # a likely mistake (not a turned-around condition, not a weak guess) may claim it
            if symptom_only and (cheap_fit(f) or f.prior < SYMPTOM_PRIOR):
                continue
            for mutation in f.mutations:
                if left() < 0.4 or tried >= MUTANT_MAX:
                    break
                mutation = tuple(mutation)
                if mutation[1] in ("print_to_return", "prints_to_returns") and (crash_only or runs_only and f.detail.get("function")
                                                         not in valued_calls):
                    continue
                if mutation[1] == "guard":
                    mutation = (mutation[0], "guard", (mutation[2][0], expected_for_guard))
                if mutation[1] == "boolop":
                    mutation = (mutation[0], "replace", swap_boolop(detectors.nodes[mutation[0]], mutation[2]))
                tried += 1
                if mutant_passes(source, mutation, cases, failing_idx):
                    f.repaired = True
                    f.confirmed = True
                    f.detail.update(mutation[3] if len(mutation) > 3 else {})
                    # keep looking for a repair that says more
                    if not (cheap_only and cheap_fit(f)):
                        best_prior = max(best_prior, f.prior)
                        repaired_lines.add(f.line)
                    break
    # Rank: repaired findings first, then confirmed ones by prior, blended with Ochiai.
    line_scores = {}
    reasons = {}
    for line, s in scores.items():
        line_scores[line] = 0.35 * s
        reasons[line] = "ran"
    for f in findings:
        weight = (0.6 if f.repaired else 0.0) + (0.25 * f.prior if f.confirmed else 0.05 * f.prior)
        s = 0.35 * scores.get(f.line, 0) + weight
        if s > line_scores.get(f.line, -1):
            line_scores[f.line] = s
            reasons[f.line] = f.message
    if out["loop"]:
        header = out["loop"]["header"]
        line_scores[header] = max(line_scores.get(header, 0), 0.9)
        reasons[header] = "endless"
        culprit = out["loop"].get("culprit")
        if culprit and culprit != header:
            line_scores[culprit] = max(line_scores.get(culprit, 0), 0.95)
            reasons[culprit] = "loop-step"
    ranked = sorted(line_scores.items(), key=lambda kv: (-kv[1], kv[0]))
    out["suspicious"] = [{"line": line, "score": round(min(1.0, s), 3), "reason": reasons[line]}
                         for line, s in ranked[:8] if s > 0]
    # Without a passing case, turning a condition around repairs any two-valued answer: weaker evidence than
    # another repair of the same line.
    passing_exists = any(r["passed"] for r in results)
    for f in findings:
        f.weak = f.repaired and not passing_exists and cheap_fit(f) and \
            any((g.repaired or g.proven) and not cheap_fit(g) for g in findings)
    # (crash_only: see the repairs above) what the run itself proves (a crash on an empty argument) comes first
    proven_first = crash_only and any(f.proven for f in findings)
    ranked_findings = sorted(findings, key=lambda f: (not (f.proven if proven_first else f.repaired or f.proven),
                                                      f.weak, not f.confirmed, -f.prior, -scores.get(f.line, 0)))
    if out["loop"]:
        ranked_findings = sorted(ranked_findings, key=lambda f: f.category != "loop_condition_never_changes")
    # A loop that never ends is explained by something inside it (or by the recursion that keeps calling).
    top = next((f for f in ranked_findings if f.proven), None) if crash_only else None
    top = top or next((f for f in ranked_findings if f.repaired or f.proven), None) or \
        next((f for f in ranked_findings if f.confirmed and f.prior >= 0.5 and (
            not out["loop"] or f.line in out["loop"]["lines"] or f.category in (
                "loop_condition_never_changes", "recursion_no_base_case"))), None)
    if out["loop"] and not top:
        top = next((f for f in ranked_findings if f.category == "loop_condition_never_changes"), None)
    if out["loop"] and not top and out["loop"]["kind"] == "while":
        # The condition's names do change, but never so that it becomes false (wrong way, or only in a branch).
        loop = next(n for n in ast.walk(program.tree) if isinstance(n, ast.While)
                    and n.lineno == out["loop"]["header"])
        tested = sorted(names_in(loop.test) - set(dir(builtins)))
        top = Finding("loop_condition_never_changes", loop.lineno, "never-false", 0.9,
                      [], {"var": tested[0]} if tested else {}, loop)
        top.confirmed = True
        ranked_findings.insert(0, top)
    out["findings"] = [finding_json(f) for f in ranked_findings if f.confirmed or f.prior >= 0.8][:12]
    if top is not None and (failing_idx or out["loop"]):
        out["category"] = top.category
        loop_first = out["loop"] and top.category != "loop_condition_never_changes"
        culprit_first = out["loop"] and out["loop"].get("culprit") and top.category == "loop_condition_never_changes"
        if not loop_first and not culprit_first and \
                (top.repaired or top.proven or top.line not in [s["line"] for s in out["suspicious"][:1]]):
            out["suspicious"] = [{"line": top.line, "score": 1.0, "reason": top.message}] + \
                [s for s in out["suspicious"] if s["line"] != top.line]
        # a bug of two lines is mended at either: a list changed while its loop walks it (the loop that should walk a
        # copy second), a test that catches too much in an if chain (the test it hides second)
        key, reason = PARTNER_LINES.get(top.category, (None, None))
        partner = top.detail.get(key) if key else None
        if partner and partner != out["suspicious"][0]["line"]:
            rest = [s for s in out["suspicious"][1:] if s["line"] != partner]
            out["suspicious"] = out["suspicious"][:1] + [{"line": partner, "score": round(
                out["suspicious"][0]["score"] * 0.9, 3), "reason": reason}] + rest
    if out["category"] is None and failing_idx and out["suspicious"]:
        # Nothing repaired or proven: the likeliest mistake on the line ranked first still names what kind of
        # mistake to look for (not a turned-around condition or another returned name, which fit almost anything).
        first = out["suspicious"][0]["line"]
        guess = next((f for f in ranked_findings if f.line == first and f.confirmed and f.prior >= 0.4
                      and not cheap_fit(f)), None)
        if guess is not None:
            out["category"] = guess.category
    if out["category"] is None and failing_idx and out["suspicious"] and any(r["passed"] for r in results):
        # Every failing case has a negative number where no passing one has: the sign is the edge not handled
        # (len(str(n)) for -450). Said in the words of that shape, not of an empty input.
        negative_calls = [negative_input(cases[i]) for i in failing_idx]
        if all(negative_calls) and \
                not any(negative_input(cases[i]) for i, r in enumerate(results) if r["passed"]):
            out["category"] = "unhandled_edge_case"
            called = negative_calls[0].func if isinstance(negative_calls[0], ast.Call) else None
            edge = Finding("unhandled_edge_case", out["suspicious"][0]["line"], "negative-input", 0.6,
                           detail={"shape": "negative",
                                   "function": called.id if isinstance(called, ast.Name) else None})
            edge.confirmed = True
            out["findings"].insert(0, finding_json(edge))
    out["suspicious"] = out["suspicious"][:8]
    print(json.dumps(out, default=str))


# how likely a mistake must be for a repair to claim a wrong output the student only described (no right value)
SYMPTOM_PRIOR = 0.5


def finding_json(finding):
    return {"category": finding.category, "line": finding.line, "confirmed": finding.confirmed,
            "repaired": finding.repaired, "message": finding.message, "prior": finding.prior,
            "detail": {k: v for k, v in finding.detail.items() if isinstance(v, (str, int, float)) or v is None}}


def negative_input(case):
    # What gives the program a negative number, or None: the parsed call whose arguments (or their items) hold one,
    # or True for typed input holding one.
    if case.get("call"):
        try:
            call = ast.parse(case["call"]).body[-1].value
        except (SyntaxError, IndexError, AttributeError):
            return None
        if not isinstance(call, ast.Call):
            return None
        values = [v for a in call.args for v in ([a] + list(getattr(a, "elts", [])))]
        return call if any((const_num(v) or 0) < 0 for v in values) else None
    return True if re.search(r"(?<![\w.])-\d", case.get("stdin") or "") else None


# a bug of two lines, by category: the detail naming its other line, and why that line is shown
PARTNER_LINES = {"mutate_while_iterating": ("changed", "changed-here"),
                 "str_int_comparison": ("entered", "text-entered"),
                 "shadowed_if_chain": ("shadowed_line", "hidden-branch")}


def cheap_fit(finding):
    # Repairs that fit almost any single failing case: a condition turned around (not, the opposite comparison,
    # and for or) flips a two-valued answer, and returning another name fits whenever some variable happens to
    # hold the expected value; a counter started one higher fits any count that is one short. Without a passing case
    # to hold them back they say less than another repair.
    return finding.category in ("inverted_condition", "wrong_variable_returned") or finding.message == "and-or" or \
        finding.category == "wrong_initial_value" and finding.prior < 0.5


def swap_boolop(node, other):
    return (" %s " % OP_TEXT[other]).join(src(v) if not isinstance(v, ast.BoolOp) else "(%s)" % src(v)
                                          for v in node.values)


if __name__ == "__main__":
    main()
