// Chat with the tutor: POST /api/v1/questions, the answer arrives on the socket (learning.response, correlated by
// the request id); GET /api/v1/queries/{id} is polled meanwhile in case the socket missed it.
import { answerView, kindLabel, type AnswerLike } from "../answer";
import { api, ApiError } from "../api";
import { announce, field, h } from "../dom";
import { codeBlock } from "../markdown";
import type { View } from "../main";
import type { LearningResponded, QueryAccepted, QueryAnswer } from "../types";
import { storedCode } from "./code";

interface Turn {
  id: string;
  who: "student" | "tutor";
  text: string;
  code?: string;
  requestId?: string;
  status?: "pending" | "answered" | "failed";
  answer?: AnswerLike;
}

// The conversation survives navigating between pages (not a reload).
const turns: Turn[] = [];
let conversationId: string | null = null;
let turnCounter = 0;

const SUGGESTIONS = [
  "How do for loops work in Python?",
  "What is the difference between a list and a tuple?",
  "Why does my function return None?",
];

export const chatView: View = (container, ctx) => {
  const transcript = h("ol", { class: "transcript", "aria-label": "Conversation with the tutor" });
  const question = h("textarea", { name: "question", rows: 3, maxlength: 2000, required: true });
  const withCode = h("input", { type: "checkbox", id: "with-code" });
  const ask = h("button", { type: "submit" }, "Ask");
  const errors = h("div", { class: "error-box", role: "alert", hidden: true });
  const pollers = new Map<string, number>();
  let disposed = false;

  const form = h("form", { class: "ask-form card" },
    errors,
    field("Your question", question, "Press Ctrl+Enter to send."),
    h("div", { class: "checkbox" }, withCode, h("label", { for: "with-code" }, "Include my code from the Code page")),
    h("div", { class: "actions" }, ask));

  const suggestions = h("div", { class: "suggestions", role: "group", "aria-label": "Example questions" },
    ...SUGGESTIONS.map((s) => h("button", {
      type: "button", class: "chip", onclick: () => {
        question.value = s;
        question.focus();
      },
    }, s)));

  container.append(
    h("h1", null, "Ask the tutor"),
    h("p", { class: "lead" }, "Ask about any Python idea or paste an error. Explanations come with an example you can step through."),
    h("section", { class: "chat", "aria-label": "Chat" }, transcript, suggestions, form));

  function turnEl(t: Turn): HTMLElement {
    if (t.who === "student") {
      return h("li", { class: "msg student", "data-turn": t.id },
        h("p", { class: "who" }, "You"),
        h("p", { class: "text" }, t.text),
        t.code ? codeBlock(t.code) : null);
    }
    const body = t.status === "pending"
      ? h("p", { class: "pending" }, h("span", { class: "spinner", "aria-hidden": "true" }), "The tutor is thinking…")
      : t.status === "failed"
        ? h("p", { class: "error-text" }, t.text || "The tutor could not answer this one. Please try again.")
        : answerView(t.answer ?? { text: t.text });
    return h("li", {
      class: `msg tutor ${t.status ?? ""}`, "data-turn": t.id, "data-request-id": t.requestId ?? "",
      "data-status": t.status ?? "",
    },
    h("p", { class: "who" }, "Tutor", t.answer?.kind ? h("span", { class: "kind" }, ` · ${kindLabel(t.answer.kind)}`) : null),
    body);
  }

  function renderAll(): void {
    transcript.replaceChildren(...turns.map(turnEl));
    if (turns.length === 0) {
      transcript.appendChild(h("li", { class: "msg empty" }, "No questions yet. Ask one below, or pick an example."));
    }
  }

  function update(t: Turn): void {
    const old = transcript.querySelector(`[data-turn="${t.id}"]`);
    const fresh = turnEl(t);
    if (old) old.replaceWith(fresh);
    else transcript.appendChild(fresh);
  }

  function settle(requestId: string, answer: AnswerLike & { status?: string }): void {
    const t = turns.find((x) => x.requestId === requestId);
    if (!t || t.status !== "pending") return;
    if (answer.status === "failed") {
      t.status = "failed";
      t.text = answer.text ?? "";
    } else {
      t.status = "answered";
      t.answer = answer;
      t.text = answer.text ?? "";
    }
    stopPolling(requestId);
    if (!disposed) {
      update(t);
      announce(t.status === "answered" ? "The tutor answered." : "The tutor could not answer.");
    }
  }

  function stopPolling(requestId: string): void {
    const timer = pollers.get(requestId);
    if (timer !== undefined) window.clearTimeout(timer);
    pollers.delete(requestId);
  }

  function poll(requestId: string, attempt: number): void {
    const delays = [3000, 4000, 5000, 8000];
    const delay = delays[Math.min(attempt, delays.length - 1)];
    pollers.set(requestId, window.setTimeout(async () => {
      try {
        const q = await api.get<QueryAnswer>(`/api/v1/queries/${encodeURIComponent(requestId)}`);
        if (q.status !== "pending") {
          settle(requestId, q);
          return;
        }
      } catch {
        // keep waiting: the socket may still deliver
      }
      if (!disposed && attempt < 30) poll(requestId, attempt + 1);
    }, delay));
  }

  const offAnswer = ctx.socket.on("learning.response", (m) => {
    const payload = m.payload as LearningResponded;
    const requestId = m.correlationId || payload?.requestId;
    if (!requestId) return;
    if (payload.conversationId && !conversationId) conversationId = payload.conversationId;
    settle(requestId, { ...payload, status: "answered" });
  });

  async function send(): Promise<void> {
    const text = question.value.trim();
    if (!text) {
      question.focus();
      return;
    }
    errors.hidden = true;
    ask.disabled = true;
    const code = withCode.checked ? storedCode().trim() : "";
    const studentTurn: Turn = { id: `t${++turnCounter}`, who: "student", text, code: code || undefined };
    try {
      const accepted = await api.post<QueryAccepted>("/api/v1/questions", {
        question: text,
        ...(code ? { code } : {}),
        ...(conversationId ? { conversationId } : {}),
      });
      if (!conversationId) conversationId = accepted.requestId;
      if (turns.length === 0) transcript.replaceChildren();
      turns.push(studentTurn);
      const tutorTurn: Turn = { id: `t${++turnCounter}`, who: "tutor", text: "", requestId: accepted.requestId, status: "pending" };
      turns.push(tutorTurn);
      update(studentTurn);
      update(tutorTurn);
      question.value = "";
      poll(accepted.requestId, 0);
      transcript.lastElementChild?.scrollIntoView({ block: "nearest" });
    } catch (e) {
      errors.hidden = false;
      errors.textContent = e instanceof ApiError ? e.describe() : "The question could not be sent.";
    } finally {
      ask.disabled = false;
    }
  }

  form.addEventListener("submit", (e) => {
    e.preventDefault();
    void send();
  });
  question.addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void send();
    }
  });

  renderAll();
  // answers still pending from before: keep polling for them
  turns.filter((t) => t.status === "pending" && t.requestId).forEach((t) => poll(t.requestId!, 0));
  question.focus();

  return () => {
    disposed = true;
    offAnswer();
    pollers.forEach((timer) => window.clearTimeout(timer));
    pollers.clear();
  };
};
