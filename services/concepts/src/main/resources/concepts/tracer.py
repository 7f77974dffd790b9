# LearnFlow execution tracer: runs the example embedded below under sys.settrace and prints one JSON document with
# every executed line (Python Tutor style): line, event, the call stack with each frame's variables, the output so
# far. It is sent as the program of a sandboxed run (code-execution's POST /internal/runs).
import base64
import json
import sys

SOURCE = base64.b64decode("__SOURCE_BASE64__").decode("utf-8")
FILENAME = "<example>"
MAX_STEPS = 150
MAX_REPR = 60

steps = []
output = []
object_ids = {}
truncated = False


class _Capture:
    def write(self, text):
        output.append(text)
        return len(text)

    def flush(self):
        pass


class _StepLimit(Exception):
    pass


def _ref(value):
    key = id(value)
    if key not in object_ids:
        object_ids[key] = "o%d" % (len(object_ids) + 1)
    return object_ids[key]


def _describe(value):
    try:
        text = repr(value)
    except Exception:  # a __repr__ that fails half-way through __init__, for example
        text = "<%s object>" % type(value).__name__
    if len(text) > MAX_REPR:
        text = text[:MAX_REPR - 3] + "..."
    described = {"type": type(value).__name__, "value": text}
    if isinstance(value, (list, dict, set, tuple)) or hasattr(value, "__dict__") and not callable(value) \
            and not isinstance(value, type(sys)):
        described["ref"] = _ref(value)
    return described


def _variables(namespace):
    shown = {}
    for name, value in namespace.items():
        if name.startswith("__") or isinstance(value, type(sys)):
            continue
        if callable(value) and not hasattr(value, "__self__") and isinstance(value, type(_describe)):
            shown[name] = {"type": "function", "value": "function " + value.__name__}
            continue
        if isinstance(value, type):
            shown[name] = {"type": "class", "value": "class " + value.__name__}
            continue
        shown[name] = _describe(value)
    return shown


def _stack(frame):
    frames = []
    while frame is not None:
        if frame.f_code.co_filename == FILENAME:
            frames.append({"function": frame.f_code.co_name, "variables": _variables(frame.f_locals)})
        frame = frame.f_back
    frames.reverse()
    return frames


def _tracer(frame, event, arg):
    global truncated
    if frame.f_code.co_filename != FILENAME:
        return None
    if event in ("line", "return", "exception"):
        if len(steps) >= MAX_STEPS:
            truncated = True
            raise _StepLimit()
        step = {"step": len(steps) + 1, "line": frame.f_lineno, "event": event,
                "function": frame.f_code.co_name, "frames": _stack(frame), "stdout": "".join(output)}
        if event == "return":
            step["returned"] = _describe(arg)
        if event == "exception":
            step["exception"] = {"type": arg[0].__name__, "message": str(arg[1])}
        steps.append(step)
    return _tracer


def main():
    error = None
    real_stdout = sys.stdout
    namespace = {"__name__": "__main__", "__builtins__": __builtins__}
    try:
        code = compile(SOURCE, FILENAME, "exec")
    except SyntaxError as exc:
        # a student's code may not parse: that is its outcome, with the line Python names
        error = {"type": type(exc).__name__, "message": "%s (line %s)" % (exc.msg, exc.lineno)}
        print(json.dumps({"steps": [], "stdout": "", "error": error, "truncated": False}))
        return
    sys.stdout = _Capture()
    sys.settrace(_tracer)
    try:
        exec(code, namespace)
    except _StepLimit:
        pass
    except Exception as exc:
        error = {"type": type(exc).__name__, "message": str(exc)}
    finally:
        sys.settrace(None)
        sys.stdout = real_stdout
    print(json.dumps({"steps": steps, "stdout": "".join(output), "error": error, "truncated": truncated}))


main()
