// The code page: editor, Run (POST /api/v1/runs: output, the failing line marked), Review (POST /api/v1/reviews:
// findings marked on their lines) and hints (POST /api/v1/debug, one more level per click) for a program that
// crashes or gives the wrong result: the suspicious line is marked and the failing run can be stepped through.
import { answerView, findingsOf } from "../answer";
import { api, ApiError } from "../api";
import { announce, clear, field, h } from "../dom";
import { createEditor, type CodeEditor, type LineMark } from "../editor";
import { failingRunView, isDiagnosis, markSuspect } from "../failingRun";
import type { View } from "../main";
import { renderInline } from "../markdown";
import type { LiveSocket } from "../socket";
import type { AnswerData, QueryAccepted, RunCodeResponse } from "../types";
import { waitForAnswer, type Waiting } from "../wait";

const CODE_KEY = "learnflow.code";
const SAMPLE = `# Write Python here and press Run (Ctrl+Enter).
numbers = [3, 1, 4, 1, 5]
total = 0
for n in numbers:
    total = total + n
print("The total is", total)
`;

export function storedCode(): string {
  return sessionStorage.getItem(CODE_KEY) ?? "";
}

const STATUS_TEXT: Record<string, string> = {
  ok: "Finished",
  runtime_error: "Stopped with an error",
  timeout: "Stopped: it ran too long",
  memory_limit: "Stopped: it used too much memory",
  output_limit: "Stopped: too much output",
  killed: "Stopped",
  sandbox_error: "The sandbox could not run the program",
};

/** Run + output, shared by the code page and exercises. */
export function runner(editor: CodeEditor, opts: { stdin?: HTMLTextAreaElement; onError?: (r: RunCodeResponse) => void } = {}) {
  const output = h("section", { class: "output", "aria-label": "Program output", "aria-live": "polite", "data-state": "idle" },
    h("p", { class: "muted" }, "Output appears here when you run the program."));
  const run = h("button", { type: "button", class: "run" }, "▶ Run");

  async function execute(): Promise<void> {
    const code = editor.getCode();
    if (!code.trim()) {
      announce("There is no code to run.");
      return;
    }
    run.disabled = true;
    editor.clearMarks();
    output.setAttribute("data-state", "running");
    clear(output);
    output.appendChild(h("p", { class: "pending" }, h("span", { class: "spinner", "aria-hidden": "true" }), "Running…"));
    try {
      const r = await api.post<RunCodeResponse>("/api/v1/runs", {
        code,
        ...(opts.stdin && opts.stdin.value ? { stdin: opts.stdin.value } : {}),
      });
      clear(output);
      output.setAttribute("data-state", r.status);
      const ex = r.exception;
      const head = h("p", { class: `run-status status-${r.status}` },
        `${STATUS_TEXT[r.status] ?? r.status}`, ` (${r.wallTimeMs} ms)`);
      output.appendChild(head);
      if (ex && ex.type) {
        const where = ex.line ? ` on line ${ex.line}` : "";
        const errorLine = h("p", { class: "run-error", "data-error-line": ex.line ?? "" },
          h("strong", null, ex.type), where, ex.message ? `: ${ex.message}` : "");
        output.appendChild(errorLine);
        if (ex.line) {
          editor.mark([{ line: ex.line, kind: "error", message: `${ex.type}: ${ex.message ?? ""}` }]);
          output.appendChild(h("button", {
            type: "button", class: "link", onclick: () => editor.goToLine(ex.line!),
          }, `Go to line ${ex.line}`));
        }
      }
      if (r.stdout) output.appendChild(h("pre", { class: "stdout", "aria-label": "Standard output" }, r.stdout));
      if (r.stderr) output.appendChild(h("pre", { class: "stderr", "aria-label": "Error output" }, r.stderr));
      if (!r.stdout && !r.stderr) output.appendChild(h("p", { class: "muted" }, "(no output)"));
      if (r.truncated) output.appendChild(h("p", { class: "muted" }, "The output was cut."));
      announce(ex?.type ? `${ex.type}${ex.line ? ` on line ${ex.line}` : ""}` : "The program finished.");
      if (ex?.type) opts.onError?.(r);
    } catch (e) {
      clear(output);
      output.setAttribute("data-state", "failed");
      output.appendChild(h("p", { class: "error-text", role: "alert" },
        e instanceof ApiError ? e.describe() : "The program could not be run."));
    } finally {
      run.disabled = false;
    }
  }

  run.addEventListener("click", () => void execute());
  editor.view.dom.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void execute();
    }
  });
  return { run, output, execute };
}

/** Review and hint requests: accepted (202), answered later on the socket. */
function askLater(socket: LiveSocket, panel: HTMLElement, label: string, send: () => Promise<QueryAccepted>,
  onAnswer: (answer: ReturnType<typeof answerView>, data: AnswerData | undefined) => void,
  track: (w: Waiting) => void): Promise<void> {
  clear(panel);
  panel.hidden = false;
  panel.appendChild(h("p", { class: "pending" }, h("span", { class: "spinner", "aria-hidden": "true" }), `${label}…`));
  return send().then((accepted) => {
    const waiting = waitForAnswer(socket, accepted.requestId);
    track(waiting);
    return waiting.promise.then((answer) => {
      clear(panel);
      if (answer.status === "failed") {
        panel.appendChild(h("p", { class: "error-text" }, answer.text || "No answer this time. Please try again."));
        return;
      }
      const view = answerView(answer);
      panel.appendChild(view);
      onAnswer(view, answer.data);
      announce(`${label}: answer ready.`);
    });
  }).catch((e) => {
    clear(panel);
    panel.appendChild(h("p", { class: "error-text", role: "alert" }, e instanceof ApiError ? e.describe() : String(e.message ?? e)));
  });
}

export const codeView: View = (container, ctx) => {
  const editorHost = h("div", { class: "editor", "data-testid": "editor" });
  const stdin = h("textarea", { rows: 2, name: "stdin", spellcheck: "false" });
  const expectation = h("input", { type: "text", name: "expectation", maxlength: 500, spellcheck: "false" });
  const review = h("button", { type: "button", class: "secondary" }, "Review my code");
  const hint = h("button", { type: "button", class: "secondary" }, "Get a hint");
  const reviewPanel = h("section", { class: "review card", "aria-label": "Review and hints", hidden: true });
  const waits: Waiting[] = [];
  let lastError: RunCodeResponse | null = null;
  let hintLevel = 1;

  container.append(
    h("h1", null, "Code"),
    h("p", { class: "lead" }, "Write a program, run it safely in the sandbox, and ask for a review or a hint."),
    h("div", { class: "workbench" },
      h("div", { class: "editor-col" },
        h("p", { class: "hint", id: "editor-help" }, "Ctrl+Enter runs. Tab indents; press Esc, then Tab, to leave the editor."),
        editorHost,
        h("details", { class: "stdin" }, h("summary", null, "Input for the program (stdin)"), field("Lines the program reads with input()", stdin)),
        field("What should it give? (optional, for a hint)", expectation,
          "For a program that runs but gives the wrong answer, e.g. “fibonacci(5) returns 8 but should be 5”.")),
      h("div", { class: "result-col" })));

  // a new program or a new expectation starts the hints over at level 1
  const restartHints = () => {
    hintLevel = 1;
    hint.textContent = "Get a hint";
  };
  const editor = createEditor(editorHost, storedCode() || SAMPLE, "Python code editor", (code) => {
    sessionStorage.setItem(CODE_KEY, code);
    restartHints();
  });
  expectation.addEventListener("input", restartHints);
  editor.view.contentDOM.setAttribute("aria-describedby", "editor-help");
  const r = runner(editor, {
    stdin,
    onError: (res) => {
      lastError = res;
      hint.textContent = hintLevel > 1 ? "Another hint" : "Explain this error";
    },
  });
  const resultCol = container.querySelector(".result-col")!;
  resultCol.append(h("div", { class: "toolbar" }, r.run, review, hint), r.output, reviewPanel);

  review.addEventListener("click", () => {
    const code = editor.getCode();
    if (!code.trim()) return;
    review.disabled = true;
    void askLater(ctx.socket, reviewPanel, "Reviewing your code",
      () => api.post<QueryAccepted>("/api/v1/reviews", { code }),
      (view, data) => {
        const findings = findingsOf(data);
        const marks: LineMark[] = findings.map((f) => ({
          line: f.line,
          kind: f.severity === "error" ? "error" : f.severity === "warning" ? "warning" : "info",
          message: `${f.rule}: ${f.message}`,
        }));
        editor.mark(marks);
        if (findings.length) {
          view.appendChild(h("h4", null, "Jump to a finding"));
          view.appendChild(h("ul", { class: "findings" }, ...findings.map((f) => h("li", null,
            h("button", { type: "button", class: "link", onclick: () => editor.goToLine(f.line) }, `Line ${f.line}`),
            ` ${f.severity}: `, ...renderInline(f.message)))));
        }
      },
      (w) => waits.push(w)).finally(() => (review.disabled = false));
  });

  hint.addEventListener("click", () => {
    const code = editor.getCode();
    if (!code.trim()) return;
    hint.disabled = true;
    const level = hintLevel;
    hintLevel = Math.min(3, hintLevel + 1);
    // what the student expects says more than a traceback of an older run
    const said = expectation.value.trim().slice(0, 2000);
    const error = !said && lastError?.stderr ? lastError.stderr.slice(0, 10000) : "";
    void askLater(ctx.socket, reviewPanel, "Looking at your program",
      () => api.post<QueryAccepted>("/api/v1/debug", {
        code, hintLevel: level, ...(said ? { question: said } : {}), ...(error ? { error } : {}),
      }),
      (view, data) => {
        hint.textContent = hintLevel > level ? "Another hint" : "Get a hint";
        const diagnosis = data && "diagnosis" in data ? data.diagnosis : undefined;
        if (isDiagnosis(diagnosis)) {
          markSuspect(diagnosis, editor);
          view.appendChild(failingRunView(diagnosis, editor));
        }
      },
      (w) => waits.push(w)).finally(() => (hint.disabled = false));
  });

  return () => waits.forEach((w) => w.cancel());
};
