// One tutor answer (a LearningResponded from the socket, or a QueryAnswer from GET /api/v1/queries/{id}).
import { diagramView } from "./diagram";
import { h } from "./dom";
import { renderMarkdown } from "./markdown";
import type { AnswerData, ReviewResultFinding } from "./generated/answers";
import { isTrace, traceView } from "./trace";

export interface AnswerLike {
  kind?: string;
  responder?: string;
  text?: string;
  data?: AnswerData;
}

const KIND_LABELS: Record<string, string> = {
  concept: "Explanation",
  debug: "Debugging help",
  review: "Code review",
  exercise: "Exercises",
  progress: "Your progress",
  clarification: "Question back",
  off_topic: "Off topic",
  error: "Problem",
};

export function kindLabel(kind?: string): string {
  return (kind && KIND_LABELS[kind]) || "Answer";
}

export function answerView(answer: AnswerLike): HTMLElement {
  const data = answer.data;
  const parts: (HTMLElement | null)[] = [];
  parts.push(renderMarkdown(answer.text ?? ""));
  // the code the student put in the question, run the same way (also beside an answer that found no lesson); when
  // the answer opens with what it printed ("what is the output of ..."), its steps come first too
  const yours = answer.kind === "concept" && data && "yourCode" in data ? data.yourCode : undefined;
  const yourView = yours && isTrace(yours.trace) && yours.trace.steps.length > 0 && yours.code
    ? traceView(yours.trace, yours.code, "Step through your code") : null;
  yourView?.classList.add("your-code");
  const runFirst = /^\s*\*\*Your code\*\*/.test(answer.text ?? "");
  if (yourView && runFirst) parts.push(yourView);

  // a lesson or a documentation passage: its example, traced, and its diagram
  if (answer.kind === "concept" && data && "diagram" in data) {
    const trace = data.trace;
    const example = data.example ?? "";
    if (isTrace(trace) && trace.steps.length > 0 && example) parts.push(traceView(trace, example));
    else if (data.traceUnavailable) parts.push(h("p", { class: "muted" }, "The step-by-step trace is not available right now."));
    if (data.mermaid?.trim()) {
      parts.push(diagramView(data.mermaid, data.diagram));
    }
  }
  if (yourView && !runFirst) parts.push(yourView);
  return h("div", { class: `answer kind-${answer.kind ?? "unknown"}`, "data-kind": answer.kind ?? "" }, ...parts);
}

/** A review's findings; none for any other answer. */
export function findingsOf(data: AnswerData | undefined): ReviewResultFinding[] {
  return data && "findings" in data && Array.isArray(data.findings) ? data.findings : [];
}
