// One tutor answer (a LearningResponded from the socket, or a QueryAnswer from GET /api/v1/queries/{id}).
import { diagramView } from "./diagram";
import { h } from "./dom";
import { renderMarkdown } from "./markdown";
import { isTrace, traceView } from "./trace";

export interface AnswerLike {
  kind?: string;
  responder?: string;
  text?: string;
  data?: Record<string, unknown>;
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
  const data = answer.data ?? {};
  const parts: (HTMLElement | null)[] = [];
  parts.push(renderMarkdown(answer.text ?? ""));

  if (answer.kind === "concept") {
    const trace = data.trace;
    const example = typeof data.example === "string" ? data.example : "";
    if (isTrace(trace) && trace.steps.length > 0 && example) parts.push(traceView(trace, example));
    else if (data.traceUnavailable) parts.push(h("p", { class: "muted" }, "The step-by-step trace is not available right now."));
    if (typeof data.mermaid === "string" && data.mermaid.trim()) {
      parts.push(diagramView(data.mermaid, String(data.diagram ?? "")));
    }
  }
  return h("div", { class: `answer kind-${answer.kind ?? "unknown"}`, "data-kind": answer.kind ?? "" }, ...parts);
}

export interface Finding {
  rule: string;
  line: number;
  column?: number;
  severity: string;
  message: string;
  explanation?: string;
  suggestion?: string;
}

export function findingsOf(data: Record<string, unknown> | undefined): Finding[] {
  const f = data?.findings;
  return Array.isArray(f) ? (f as Finding[]).filter((x) => x && typeof x.line === "number") : [];
}
