"""Runs one call-form exercise test case the way LearnFlow defines it (see db/README.md).

The working directory holds solution.py, call.txt, expected.txt and optionally setup.py. The solution is
executed as a module named "solution" (so an `if __name__ == "__main__":` block does not run), then the setup
code runs in the same namespace, then the call expression is evaluated there. The test passes when the result
equals ast.literal_eval(expected). Output of the solution is captured so that only the verdict is printed:
a single JSON line {"ok": bool, "got": repr(result)}.
"""
import ast
import contextlib
import io
import json
import os


def read(name):
    with open(name, encoding="utf-8") as f:
        return f.read()


namespace = {"__name__": "solution"}
with contextlib.redirect_stdout(io.StringIO()):
    exec(compile(read("solution.py"), "solution.py", "exec"), namespace)
    if os.path.exists("setup.py"):
        exec(compile(read("setup.py"), "<setup>", "exec"), namespace)
    result = eval(compile(read("call.txt"), "<call>", "eval"), namespace)
expected = ast.literal_eval(read("expected.txt"))
print(json.dumps({"ok": bool(result == expected), "got": repr(result)}))
