// Stepping through a recorded run: the controls every stepped run shares (buttons, slider, arrow keys, status),
// and the execution trace of a concept's example (concepts' tracer: Python Tutor style) with the current line in
// the code, the call stack with each frame's variables and the output so far.
import { announce, clear, h, uid } from "./dom";
import type { ExampleTrace } from "./generated/answers";
import { highlightPython } from "./markdown";

// The trace's shape is generated from contracts' ExampleTrace record (src/generated/answers.ts).
export type Trace = ExampleTrace;

export function isTrace(value: unknown): value is Trace {
  return !!value && typeof value === "object" && Array.isArray((value as Trace).steps);
}

/** Stepping controls shared by every stepped run: buttons, slider, status line, arrow keys. */
export interface Stepper {
  controls: HTMLElement;
  status: HTMLElement;
  go(to: number, speak?: boolean): void;
  /** Arrow keys step while focus is inside {@code root} (not on the slider, which has its own keys). */
  bindKeys(root: HTMLElement): void;
}

/**
 * Controls for {@code count} steps; {@code show(index)} renders step {@code index} and returns the status text
 * ("Step 3 of 17: line 4").
 */
export function stepper(count: number, show: (index: number) => string): Stepper {
  let index = 0;
  const status = h("p", { class: "trace-status", id: uid("trace-status"), "aria-live": "polite" });
  const first = h("button", { type: "button", class: "secondary", "aria-label": "First step" }, "« First");
  const prev = h("button", { type: "button", class: "secondary", "aria-label": "Previous step" }, "‹ Back");
  const next = h("button", { type: "button", "aria-label": "Next step" }, "Next ›");
  const last = h("button", { type: "button", class: "secondary", "aria-label": "Last step" }, "Last »");
  const slider = h("input", {
    type: "range", min: 1, max: Math.max(1, count), value: 1, "aria-label": "Step", class: "trace-slider",
  });

  function go(to: number, speak = false): void {
    index = Math.max(0, Math.min(count - 1, to));
    if (count === 0) {
      status.textContent = "No steps were recorded.";
      return;
    }
    status.textContent = show(index);
    slider.value = String(index + 1);
    const focused = document.activeElement;
    first.disabled = prev.disabled = index === 0;
    next.disabled = last.disabled = index >= count - 1;
    // a button that just became disabled would drop the keyboard focus: hand it to its counterpart
    if (focused instanceof HTMLButtonElement && focused.disabled) (focused === next || focused === last ? prev : next).focus();
    if (speak) announce(status.textContent ?? "");
  }

  first.addEventListener("click", () => go(0));
  prev.addEventListener("click", () => go(index - 1));
  next.addEventListener("click", () => go(index + 1));
  last.addEventListener("click", () => go(count - 1));
  slider.addEventListener("input", () => go(Number(slider.value) - 1));

  return {
    controls: h("div", { class: "trace-controls" }, first, prev, next, last, slider),
    status,
    go,
    bindKeys(root: HTMLElement) {
      root.addEventListener("keydown", (e) => {
        if (e.target === slider) return;
        if (e.key === "ArrowRight") { go(index + 1, true); e.preventDefault(); }
        if (e.key === "ArrowLeft") { go(index - 1, true); e.preventDefault(); }
      });
    },
  };
}

export function traceView(trace: Trace, code: string, title = "Step through the example"): HTMLElement {
  const steps = trace.steps;
  const titleId = uid("trace-title");

  const codeLines = code.replace(/\s+$/, "").split("\n");
  const lineEls: HTMLElement[] = codeLines.map((text, n) => {
    const content = h("span", { class: "trace-code" });
    highlightPython(text, content);
    return h("div", { class: "trace-line", "data-line": n + 1 },
      h("span", { class: "trace-arrow", "aria-hidden": "true" }),
      h("span", { class: "trace-lineno", "aria-hidden": "true" }, String(n + 1)),
      content);
  });
  const listing = h("div", { class: "trace-listing", role: "group", "aria-label": "Example code" }, ...lineEls);
  const framesEl = h("div", { class: "trace-frames" });
  const outputEl = h("pre", { class: "trace-output", "aria-label": "Output so far" });

  function render(index: number): string {
    const step = steps[index];
    lineEls.forEach((el) => el.classList.remove("current"));
    const lineEl = lineEls[step.line - 1];
    if (lineEl) {
      lineEl.classList.add("current");
      lineEl.scrollIntoView({ block: "nearest" });
    }
    const what = step.event === "return" ? `returning from ${step.function}`
      : step.event === "exception" ? `exception ${step.exception?.type ?? ""}` : `line ${step.line}`;

    clear(framesEl);
    step.frames.forEach((frame) => {
      const names = Object.keys(frame.variables);
      framesEl.appendChild(h("section", { class: "trace-frame" },
        h("h5", null, frame.function === "<module>" ? "Global frame" : `${frame.function}()`),
        names.length === 0 ? h("p", { class: "muted" }, "no variables yet") :
          h("table", { class: "vars" },
            h("thead", null, h("tr", null,
              h("th", { scope: "col" }, "name"), h("th", { scope: "col" }, "type"), h("th", { scope: "col" }, "value"))),
            h("tbody", null, ...names.map((name) => {
              const v = frame.variables[name];
              return h("tr", null, h("th", { scope: "row" }, h("code", null, name)), h("td", null, v.type),
                h("td", null, h("code", null, v.value), v.ref ? h("span", { class: "ref", title: "object id: names with the same id share one object" }, ` → ${v.ref}`) : null));
            })))));
    });
    if (step.returned) {
      framesEl.appendChild(h("p", { class: "trace-returned" }, "Returns ", h("code", null, step.returned.value)));
    }
    if (step.exception) {
      framesEl.appendChild(h("p", { class: "trace-exception" },
        `${step.exception.type}: ${step.exception.message}`));
    }
    outputEl.textContent = step.stdout || "";
    if (!step.stdout) outputEl.appendChild(h("span", { class: "muted" }, "(nothing printed yet)"));
    return `Step ${index + 1} of ${steps.length}: ${what}`;
  }

  const steps_ = stepper(steps.length, render);
  const root = h("section", { class: "trace", "aria-labelledby": titleId },
    h("h4", { id: titleId }, title),
    h("p", { class: "hint" }, "Use the buttons (or the arrow keys while a button has focus) to run the program one line at a time."),
    steps_.controls,
    steps_.status,
    h("div", { class: "trace-body" },
      listing,
      h("div", { class: "trace-state" }, framesEl, h("h5", null, "Output"), outputEl)),
    trace.truncated ? h("p", { class: "muted" }, "The trace was cut after the first steps.") : null,
    trace.error ? h("p", { class: "trace-exception" }, `The example ended with ${trace.error.type}: ${trace.error.message}`) : null);
  steps_.bindKeys(root);
  steps_.go(0);
  return root;
}
