// A topic's quizzes (GET /api/v1/topics/{topicId}/quizzes), answered one by one (POST /api/v1/quizzes/{id}/answers)
// with immediate feedback and the explanation. Each answer is recorded as progress (the exercise service publishes
// it), so the topic's mastery is read again (GET /api/v1/students/{id}/progress) until the answer shows in it.
import { api, ApiError, session } from "../api";
import { announce, clear, field, formatPercent, h, masteryBar, uid } from "../dom";
import type { View } from "../main";
import type { ProgressView, Quiz, QuizResult, TopicMastery } from "../types";

const SELECTION_KEY = "learnflow.quizzes.topic";

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.describe() : fallback;
}

/** Asks until {@code probe} gives a value, or gives null after the timeout. */
async function waitFor<T>(probe: () => Promise<T | null>, o: { timeoutMs: number; intervalMs: number }): Promise<T | null> {
  const end = Date.now() + o.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > end) return null;
    await new Promise((resolve) => window.setTimeout(resolve, o.intervalMs));
  }
}

function topicOf(progress: ProgressView, topicId: string): TopicMastery | undefined {
  for (const m of progress.modules) {
    const t = m.topics.find((x) => x.topicId === topicId);
    if (t) return t;
  }
  return undefined;
}

export const quizzesView: View = (container) => {
  const me = session()!.user;
  const progressUrl = `/api/v1/students/${encodeURIComponent(me.id)}/progress`;
  const moduleSelect = h("select", { name: "module" });
  const topicSelect = h("select", { name: "topic" });
  const masteryBox = h("div", { class: "quiz-mastery", "aria-live": "polite", "data-testid": "quiz-mastery" });
  const list = h("div", { class: "quiz-list" }, h("p", { class: "pending" }, "Loading…"));
  const errors = h("div", { class: "error-box", role: "alert", hidden: true });
  let progress: ProgressView | null = null;
  let disposed = false;
  let quizzesRequest = 0;

  container.append(
    h("h1", null, "Quizzes"),
    h("p", { class: "lead" }, "Check what you know: each answer is marked at once, explained, and counts towards your mastery of the topic."),
    h("div", { class: "card picker" }, field("Module", moduleSelect), field("Topic", topicSelect)),
    errors, masteryBox, list);

  function showMastery(t: TopicMastery | undefined, before?: number): void {
    clear(masteryBox);
    if (!t) return;
    masteryBox.append(
      h("h2", null, `Your mastery of ${t.title}`),
      masteryBar(t.pKnown, `Mastery of ${t.title}`, t.level),
      before === undefined ? "" : h("p", { "data-testid": "mastery-change" },
        `Mastery changed from ${formatPercent(before)} to ${formatPercent(t.pKnown)}.`));
  }

  function fillTopics(): void {
    if (!progress) return;
    const m = progress.modules.find((x) => x.moduleId === moduleSelect.value) ?? progress.modules[0];
    const keep = topicSelect.value;
    clear(topicSelect);
    m.topics.forEach((t) => topicSelect.appendChild(h("option", { value: t.topicId }, t.title)));
    if (m.topics.some((t) => t.topicId === keep)) topicSelect.value = keep;
  }

  async function loadQuizzes(): Promise<void> {
    const topicId = topicSelect.value;
    if (!topicId || !progress) return;
    const mine = ++quizzesRequest;
    sessionStorage.setItem(SELECTION_KEY, JSON.stringify({ moduleId: moduleSelect.value, topicId }));
    showMastery(topicOf(progress, topicId));
    clear(list);
    list.appendChild(h("p", { class: "pending" }, "Loading quizzes…"));
    try {
      const quizzes = await api.get<Quiz[]>(`/api/v1/topics/${encodeURIComponent(topicId)}/quizzes`);
      if (disposed || mine !== quizzesRequest) return;
      clear(list);
      if (quizzes.length === 0) {
        list.appendChild(h("p", { class: "muted" }, "No quiz for this topic yet."));
        return;
      }
      list.append(h("ol", { class: "quizzes" }, ...quizzes.map((q) => h("li", null, quizCard(q)))));
    } catch (e) {
      if (!disposed) {
        clear(list);
        list.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "The quizzes could not be loaded.")));
      }
    }
  }

  function quizCard(q: Quiz): HTMLElement {
    const name = uid("quiz");
    const legendId = uid("quiz-q");
    const feedback = h("div", { class: "quiz-feedback", "aria-live": "polite" });
    const submit = h("button", { type: "submit" }, "Check answer");
    const options = q.options.map((text, i) => {
      const input = h("input", { type: "radio", name, value: String(i), id: `${name}-${i}` });
      return h("div", { class: "quiz-option", "data-option": i }, input, h("label", { for: input.id }, text));
    });
    const form = h("form", { class: "card quiz", "data-quiz-id": q.id },
      h("fieldset", null, h("legend", { id: legendId }, q.question), ...options),
      h("div", { class: "actions" }, submit), feedback);
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const chosen = form.querySelector<HTMLInputElement>(`input[name="${name}"]:checked`);
      if (!chosen) {
        feedback.textContent = "Choose an answer first.";
        return;
      }
      submit.disabled = true;
      const before = progress ? topicOf(progress, q.topicId) : undefined;
      try {
        const result = await api.post<QuizResult>(`/api/v1/quizzes/${encodeURIComponent(q.id)}/answers`,
          { selectedOption: Number(chosen.value) });
        showResult(form, feedback, q, result);
        announce(result.correct ? "Correct." : "Not quite.");
        await refreshMastery(q.topicId, before);
      } catch (e) {
        feedback.textContent = errorText(e, "Your answer could not be checked.");
        submit.disabled = false;
      }
    });
    return form;
  }

  function showResult(form: HTMLFormElement, feedback: HTMLElement, q: Quiz, r: QuizResult): void {
    form.querySelectorAll("input").forEach((i) => (i.disabled = true));
    form.querySelectorAll<HTMLElement>(".quiz-option").forEach((o) => {
      const i = Number(o.dataset.option);
      if (i === r.correctOption) {
        o.classList.add("right");
        o.appendChild(h("span", { class: "mark" }, " ✓ correct answer"));
      } else if (i === r.selectedOption) {
        o.classList.add("wrong");
        o.appendChild(h("span", { class: "mark" }, " ✗ your answer"));
      }
    });
    clear(feedback);
    feedback.append(
      h("p", { class: r.correct ? "verdict right" : "verdict wrong", "data-testid": "quiz-verdict" },
        r.correct ? "Correct!" : `Not quite: the answer is “${q.options[r.correctOption]}”.`),
      h("p", { class: "explanation", "data-testid": "quiz-explanation" }, r.explanation));
  }

  /** The answer reaches progress through pub/sub: read until the topic's attempts grew (or give up quietly). */
  async function refreshMastery(topicId: string, before: TopicMastery | undefined): Promise<void> {
    const attemptsBefore = before?.attempts ?? 0;
    try {
      const updated = await waitFor(async () => {
        const p = await api.get<ProgressView>(progressUrl);
        const t = topicOf(p, topicId);
        return t && t.attempts > attemptsBefore ? p : null;
      }, { timeoutMs: 15_000, intervalMs: 700 });
      if (disposed || !updated) return;
      progress = updated;
      if (topicSelect.value === topicId) showMastery(topicOf(updated, topicId), before?.pKnown ?? 0);
    } catch {
      // the answer is recorded; the mastery shows on the next visit
    }
  }

  async function start(): Promise<void> {
    try {
      progress = await api.get<ProgressView>(progressUrl);
      if (disposed) return;
      progress.modules.forEach((m) => moduleSelect.appendChild(h("option", { value: m.moduleId }, m.title)));
      const saved = (() => {
        try {
          return JSON.parse(sessionStorage.getItem(SELECTION_KEY) ?? "null") as { moduleId: string; topicId: string } | null;
        } catch {
          return null;
        }
      })();
      if (saved && progress.modules.some((m) => m.moduleId === saved.moduleId)) moduleSelect.value = saved.moduleId;
      fillTopics();
      if (saved && [...topicSelect.options].some((o) => o.value === saved.topicId)) topicSelect.value = saved.topicId;
      await loadQuizzes();
    } catch (e) {
      errors.hidden = false;
      errors.textContent = errorText(e, "Your topics could not be loaded.");
    }
  }

  moduleSelect.addEventListener("change", () => {
    fillTopics();
    void loadQuizzes();
  });
  topicSelect.addEventListener("change", () => void loadQuizzes());
  void start();
  return () => {
    disposed = true;
  };
};
