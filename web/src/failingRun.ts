// The failing run of a student's program, from a diagnosis (debug's data.diagnosis, or an exercise grade's
// feedback): what the failing case gave against what was expected, the suspicious lines, and the failing call
// stepped line by line. The current line is marked in the student's own editor; the variables of the current call
// are shown with the ones that changed on this step flagged (in words, not colour alone).
import { clear, h, uid } from "./dom";
import type { CodeEditor } from "./editor";
import { stepper } from "./trace";
import type { Diagnosis, DiagnosisStep } from "./types";

export function isDiagnosis(value: unknown): value is Diagnosis {
  return !!value && typeof value === "object" && Array.isArray((value as Diagnosis).suspiciousLines)
    && Array.isArray((value as Diagnosis).cases);
}

/** The top suspicious line, marked in the editor (with the reason as its tooltip). */
export function markSuspect(diagnosis: Diagnosis, editor: CodeEditor): number | null {
  const top = diagnosis.suspiciousLines[0];
  if (!top) return null;
  editor.mark([{ line: top.line, kind: "suspect", message: `Look here: ${top.reason}` }]);
  return top.line;
}

interface Snapshot {
  vars: Record<string, string>;
  changed: Set<string>;
}

/**
 * The variables of the current call at every step. A step carries only what changed in its frame, so values are
 * carried forward per call depth; a deeper call starts empty, and a call that returned is forgotten.
 */
function snapshots(steps: DiagnosisStep[]): Snapshot[] {
  const frames = new Map<number, Record<string, string>>();
  let returnedAt: number | null = null;
  return steps.map((step) => {
    for (const depth of [...frames.keys()]) {
      if (depth > step.depth || (returnedAt !== null && depth >= returnedAt)) frames.delete(depth);
    }
    returnedAt = null;
    const vars = { ...(frames.get(step.depth) ?? {}), ...step.locals };
    frames.set(step.depth, vars);
    if (step.event === "return") returnedAt = step.depth;
    return { vars, changed: new Set(Object.keys(step.locals)) };
  });
}

function caseSummary(d: Diagnosis): HTMLElement | null {
  const c = d.failingCase;
  if (!c) return null;
  if (c.hidden) return h("p", { class: "failing-case" }, "A hidden test fails (its input is not shown).");
  const what = c.call ? h("code", null, c.call) : c.stdin ? h("span", null, "the input ", h("code", null, c.stdin.trim())) : "the program";
  if (d.kind === "timeout") return h("p", { class: "failing-case" }, "Running ", what, " never finishes.");
  return h("p", { class: "failing-case" },
    "Running ", what, c.error ? [" stops with ", h("code", null, c.error)] : [" gives ", h("code", null, c.actual ?? "nothing")],
    c.expected !== null ? [", but ", h("code", null, c.expected), " is expected."] : ".");
}

export function failingRunView(d: Diagnosis, editor: CodeEditor): HTMLElement {
  const titleId = uid("run-title");
  const parts: (HTMLElement | null)[] = [h("h4", { id: titleId }, "The failing run"), caseSummary(d)];

  const suspects = d.suspiciousLines.slice(0, 3);
  if (suspects.length) {
    parts.push(h("ul", { class: "suspects", "aria-label": "Suspicious lines" }, ...suspects.map((s, i) => h("li", null,
      h("button", { type: "button", class: "link", onclick: () => editor.goToLine(s.line) }, `Line ${s.line}`),
      i === 0 ? " (marked in the editor): " : ": ", s.reason))));
  }
  if (d.loop && d.loop.lines.length) {
    parts.push(h("p", { class: "loop-note" }, `The loop on line${d.loop.lines.length > 1 ? "s" : ""} ${d.loop.lines.join(", ")} keeps running`,
      d.loop.unchanged.length ? [": ", ...d.loop.unchanged.flatMap((n, i) => [i ? ", " : "", h("code", null, n)]), " never change", d.loop.unchanged.length === 1 ? "s" : "", "."] : "."));
  }

  const steps = d.trace?.steps ?? [];
  if (steps.length) {
    const states = snapshots(steps);
    // depth counts frames of the student's file: the failing call itself is the outermost one shown
    const outermost = Math.min(...steps.map((st) => st.depth));
    const varsEl = h("div", { class: "run-vars" });
    const render = (index: number): string => {
      const step = steps[index];
      const state = states[index];
      editor.markStep(step.line);
      clear(varsEl);
      const names = Object.keys(state.vars);
      varsEl.appendChild(names.length === 0 ? h("p", { class: "muted" }, "no variables yet") :
        h("table", { class: "vars" },
          h("caption", { class: "visually-hidden" }, "Variables of the current call"),
          h("thead", null, h("tr", null, h("th", { scope: "col" }, "name"), h("th", { scope: "col" }, "value"),
            h("th", { scope: "col" }, "this step"))),
          h("tbody", null, ...names.map((name) => {
            const changed = state.changed.has(name);
            return h("tr", { class: changed ? "changed" : "", "data-var": name },
              h("th", { scope: "row" }, h("code", null, name)), h("td", null, h("code", null, state.vars[name])),
              h("td", null, changed ? "changed" : ""));
          }))));
      if (step.event === "return") varsEl.appendChild(h("p", { class: "trace-returned" }, "Returns ", h("code", null, step.returned ?? "None")));
      if (step.event === "exception") varsEl.appendChild(h("p", { class: "trace-exception" }, "An exception is raised here."));
      const nested = step.depth - outermost;
      const where = nested > 0 ? ` (in a call ${nested} level${nested > 1 ? "s" : ""} deeper)` : "";
      const what = step.event === "return" ? `returning from line ${step.line}` : `line ${step.line}`;
      return `Step ${index + 1} of ${steps.length}: ${what}${where}`;
    };
    const s = stepper(steps.length, render);
    parts.push(h("section", { class: "trace failing-trace", "aria-label": "Step through the failing run" },
      h("p", { class: "hint" }, "Step through ", h("code", null, d.trace!.call),
        ": the editor marks the line about to run; the table shows the variables of the current call."),
      s.controls, s.status, varsEl,
      d.trace!.truncated ? h("p", { class: "muted" }, "The run was cut after the first steps.") : null));
    const root = h("section", { class: "failing-run", "aria-labelledby": titleId }, ...parts);
    s.bindKeys(root);
    s.go(0);
    return root;
  }
  return h("section", { class: "failing-run", "aria-labelledby": titleId }, ...parts);
}
