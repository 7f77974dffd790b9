// Exercises: pick a topic (GET /api/v1/curriculum/modules[/{id}]), list (GET /api/v1/exercises?topicId=) or get a
// new one (POST /api/v1/exercises), solve it in the editor and submit (POST /api/v1/exercises/{id}/submissions). A
// failed grade carries the tutor's first hint and the failing run; more hints: POST /api/v1/exercises/{id}/hints.
import { api, ApiError } from "../api";
import { announce, clear, field, h } from "../dom";
import { createEditor, type CodeEditor } from "../editor";
import { failingRunView, markSuspect } from "../failingRun";
import type { View } from "../main";
import { renderInline, renderMarkdown } from "../markdown";
import type { CourseModule, Exercise, GradeResult, ModuleDetail, ProgramFeedback, TestCase } from "../types";
import { runner } from "./code";

const SELECTION_KEY = "learnflow.exercises.topic";

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.describe() : fallback;
}

export const exercisesView: View = (container) => {
  const moduleSelect = h("select", { name: "module" });
  const topicSelect = h("select", { name: "topic" });
  const list = h("div", { class: "exercise-list", "aria-live": "polite" });
  const generate = h("button", { type: "button", class: "secondary" }, "Get a new exercise for this topic");
  const errors = h("div", { class: "error-box", role: "alert", hidden: true });
  let disposed = false;

  container.append(
    h("h1", null, "Exercises"),
    h("p", { class: "lead" }, "Choose a topic, pick an exercise and solve it. Your submissions are graded in the sandbox."),
    h("div", { class: "card picker" },
      field("Module", moduleSelect),
      field("Topic", topicSelect),
      h("div", { class: "actions" }, generate)),
    errors,
    h("h2", null, "Exercises for this topic"),
    list);

  const saved = (() => {
    try {
      return JSON.parse(sessionStorage.getItem(SELECTION_KEY) ?? "null") as { moduleId: string; topicId: string } | null;
    } catch {
      return null;
    }
  })();

  function showError(message: string): void {
    errors.hidden = false;
    errors.textContent = message;
  }

  // Answers can arrive out of order when the student switches quickly: only the latest request may render.
  let topicsRequest = 0;
  let loadedModule = "";
  let exercisesRequest = 0;

  async function loadTopics(moduleId: string, preferTopic?: string): Promise<void> {
    const mine = ++topicsRequest;
    exercisesRequest++; // a list still loading belongs to the old module
    loadedModule = moduleId;
    const keep = preferTopic ?? topicSelect.value;
    clear(topicSelect);
    topicSelect.disabled = true;
    try {
      const detail = await api.get<ModuleDetail>(`/api/v1/curriculum/modules/${encodeURIComponent(moduleId)}`);
      if (disposed || mine !== topicsRequest) return;
      detail.topics.forEach((t) => topicSelect.appendChild(h("option", { value: t.id }, t.title)));
      if (keep && detail.topics.some((t) => t.id === keep)) topicSelect.value = keep;
      topicSelect.disabled = false;
      await loadExercises();
    } catch (e) {
      showError(errorText(e, "The topics could not be loaded."));
    }
  }

  async function loadExercises(): Promise<void> {
    const topicId = topicSelect.value;
    if (!topicId) return;
    const mine = ++exercisesRequest;
    sessionStorage.setItem(SELECTION_KEY, JSON.stringify({ moduleId: moduleSelect.value, topicId }));
    clear(list);
    list.appendChild(h("p", { class: "pending" }, "Loading…"));
    try {
      const exercises = await api.get<Exercise[]>(`/api/v1/exercises?topicId=${encodeURIComponent(topicId)}`);
      if (disposed || mine !== exercisesRequest) return;
      clear(list);
      if (exercises.length === 0) {
        list.appendChild(h("p", { class: "muted" }, "No exercises yet for this topic. Get a new one above."));
        return;
      }
      list.appendChild(h("ul", { class: "cards" }, ...exercises.map((ex) => h("li", { class: "card exercise-card" },
        h("h3", null, h("a", { href: `/exercises/${ex.id}`, "data-link": "" }, ex.title)),
        h("p", { class: "meta" }, h("span", { class: `badge diff-${ex.difficulty}` }, ex.difficulty),
          ex.source !== "seed" ? h("span", { class: "badge" }, "made for you") : null,
          ex.maxAttempts ? ` · ${ex.maxAttempts} attempts` : "")))));
    } catch (e) {
      if (mine !== exercisesRequest) return;
      clear(list);
      showError(errorText(e, "The exercises could not be loaded."));
    }
  }

  moduleSelect.addEventListener("change", () => {
    if (moduleSelect.value !== loadedModule) void loadTopics(moduleSelect.value);
  });
  topicSelect.addEventListener("change", () => void loadExercises());
  generate.addEventListener("click", async () => {
    const topicId = topicSelect.value;
    if (!topicId) return;
    generate.disabled = true;
    generate.textContent = "Creating an exercise…";
    errors.hidden = true;
    try {
      await api.post<Exercise>("/api/v1/exercises", { topicId });
      announce("A new exercise was added.");
      await loadExercises();
    } catch (e) {
      showError(errorText(e, "No exercise could be created."));
    } finally {
      generate.disabled = false;
      generate.textContent = "Get a new exercise for this topic";
    }
  });

  void (async () => {
    try {
      const modules = await api.get<CourseModule[]>("/api/v1/curriculum/modules");
      if (disposed) return;
      modules.forEach((m) => moduleSelect.appendChild(h("option", { value: m.id }, `${m.position}. ${m.title}`)));
      if (saved && modules.some((m) => m.id === saved.moduleId)) moduleSelect.value = saved.moduleId;
      await loadTopics(moduleSelect.value, saved?.topicId);
    } catch (e) {
      showError(errorText(e, "The course could not be loaded."));
    }
  })();

  return () => {
    disposed = true;
  };
};

function testDescription(t: TestCase): HTMLElement {
  if (t.call !== undefined && t.call !== null) {
    return h("p", null, h("code", null, t.call), " should give ", h("code", null, t.expected ?? ""));
  }
  return h("div", null,
    h("p", null, "Input:"), h("pre", null, t.stdin || "(none)"),
    h("p", null, "Expected output:"), h("pre", null, t.expectedStdout ?? ""));
}

function resultsView(g: GradeResult): HTMLElement {
  const passed = g.results.filter((r) => r.passed).length;
  return h("section", { class: `grade card ${g.passed ? "passed" : "failed"}`, "aria-labelledby": "grade-title", "data-passed": String(g.passed) },
    h("h2", { id: "grade-title", tabindex: -1 }, g.passed ? "All tests passed — well done!" : `${passed} of ${g.results.length} tests passed`),
    h("p", null, `Score ${Math.round(g.score * 100)}% · attempt ${g.attempt}`,
      g.attemptsLeft !== null && g.attemptsLeft !== undefined ? ` · ${g.attemptsLeft} attempts left` : ""),
    h("div", { class: "table-wrap" }, h("table", { class: "results" },
      h("caption", { class: "visually-hidden" }, "Results per test"),
      h("thead", null, h("tr", null,
        h("th", { scope: "col" }, "Test"), h("th", { scope: "col" }, "Result"), h("th", { scope: "col" }, "Details"))),
      h("tbody", null, ...g.results.map((r) => h("tr", { class: r.passed ? "pass" : "fail", "data-test": r.name },
        h("th", { scope: "row" }, r.name, r.visibility !== "shown" ? h("span", { class: "badge" }, "hidden") : null),
        h("td", null, h("span", { class: r.passed ? "ok-mark" : "fail-mark", "aria-hidden": "true" }, r.passed ? "✔" : "✘"),
          r.passed ? " passed" : " failed"),
        h("td", null,
          r.message ? h("p", null, r.message) : null,
          !r.passed && !r.message && r.expected !== undefined ? h("p", null, "Expected ", h("code", null, r.expected)) : null,
          !r.passed && !r.message && r.actual !== undefined ? h("p", null, "Got ", h("code", null, r.actual)) : null,
          r.passed && !r.message ? h("span", { class: "muted" }, `${r.wallTimeMs} ms`) : null)))))));
}

/**
 * The tutor's hints on a failed submission (levels 1..n, one more per click, on the code that was graded), the
 * notes on failing hidden tests, and the failing run to step through in the editor.
 */
function feedbackView(exerciseId: string, code: string, first: ProgramFeedback, editor: CodeEditor): HTMLElement {
  const section = h("section", { class: "feedback card", "aria-labelledby": "feedback-title", "aria-live": "polite" });
  const more = h("button", { type: "button", class: "secondary" }, "Another hint");
  const status = h("p", { class: "error-text", role: "alert", hidden: true });

  function render(f: ProgramFeedback): void {
    clear(section);
    section.setAttribute("data-hint-level", String(f.hintLevel));
    section.append(h("h3", { id: "feedback-title" }, "Hints from the tutor"));
    if (f.hints.length) {
      section.append(h("ol", { class: "hint-list" }, ...f.hints.map((hint) => h("li", { "data-level": hint.level },
        h("strong", null, `${hint.label[0]?.toUpperCase() ?? ""}${hint.label.slice(1)}: `), ...renderInline(hint.text)))));
    }
    if (f.hiddenNotes.length) {
      section.append(h("ul", { class: "hidden-notes", "aria-label": "Hidden tests" }, ...f.hiddenNotes.map((n) => h("li", null, n))));
    }
    if (f.diagnosis) {
      markSuspect(f.diagnosis, editor);
      section.append(failingRunView(f.diagnosis, editor));
    }
    if (f.hintLevel < f.maxHintLevel && f.hints.length) section.append(h("div", { class: "actions" }, more, status));
  }

  more.addEventListener("click", async () => {
    const current = Number(section.getAttribute("data-hint-level") ?? "1");
    more.disabled = true;
    status.hidden = true;
    try {
      const next = await api.post<ProgramFeedback>(`/api/v1/exercises/${encodeURIComponent(exerciseId)}/hints`,
        { code, hintLevel: current + 1 });
      render(next);
      announce(`Hint ${next.hintLevel} is ready.`);
    } catch (e) {
      status.hidden = false;
      status.textContent = errorText(e, "No further hint this time. Please try again.");
    } finally {
      more.disabled = false;
    }
  });

  render(first);
  return section;
}

export const exerciseView: View = (container, ctx) => {
  const id = ctx.params.id;
  const body = h("div", null, h("p", { class: "pending" }, "Loading the exercise…"));
  container.append(h("p", null, h("a", { href: "/exercises", "data-link": "" }, "← All exercises")), body);
  let disposed = false;

  void (async () => {
    let ex: Exercise;
    try {
      ex = await api.get<Exercise>(`/api/v1/exercises/${encodeURIComponent(id)}`);
    } catch (e) {
      clear(body);
      body.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "This exercise could not be loaded.")));
      return;
    }
    if (disposed) return;
    document.title = `${ex.title} · LearnFlow`;
    const codeKey = `learnflow.exercise.${ex.id}`;
    const editorHost = h("div", { class: "editor" });
    const stdin = h("textarea", { rows: 2, spellcheck: "false" });
    const submit = h("button", { type: "button" }, "Submit for grading");
    const results = h("div", { class: "grade-area", "aria-live": "polite" });
    clear(body);
    body.append(
      h("h1", null, ex.title),
      h("p", { class: "meta" }, h("span", { class: `badge diff-${ex.difficulty}` }, ex.difficulty),
        ` · topic ${ex.topicId}`, ex.maxAttempts ? ` · at most ${ex.maxAttempts} attempts` : ""),
      h("div", { class: "workbench" },
        h("div", { class: "editor-col" },
          h("section", { class: "card prompt", "aria-label": "Task" }, renderMarkdown(ex.prompt)),
          ex.visibleTests.length ? h("section", { class: "card tests", "aria-labelledby": "tests-title" },
            h("h2", { id: "tests-title" }, "Example tests"),
            h("ul", null, ...ex.visibleTests.map((t) => h("li", null, h("strong", null, t.name), testDescription(t))))) : null,
          h("p", { class: "hint", id: "ex-editor-help" }, "Ctrl+Enter runs. Press Esc, then Tab, to leave the editor."),
          editorHost,
          h("details", { class: "stdin" }, h("summary", null, "Input for a test run (stdin)"), field("Lines the program reads with input()", stdin))),
        h("div", { class: "result-col" })));
    const editor = createEditor(editorHost, sessionStorage.getItem(codeKey) ?? ex.starterCode ?? "", `Your solution to ${ex.title}`,
      (code) => sessionStorage.setItem(codeKey, code));
    editor.view.contentDOM.setAttribute("aria-describedby", "ex-editor-help");
    const r = runner(editor, { stdin });
    r.run.classList.add("secondary"); // submitting is the main action here
    body.querySelector(".result-col")!.append(h("div", { class: "toolbar" }, submit, r.run), results, r.output);

    submit.addEventListener("click", async () => {
      submit.disabled = true;
      submit.textContent = "Grading…";
      clear(results);
      editor.clearMarks();
      editor.markStep(null);
      try {
        const code = editor.getCode();
        const grade = await api.post<GradeResult>(`/api/v1/exercises/${encodeURIComponent(ex.id)}/submissions`, { code });
        const view = resultsView(grade);
        results.appendChild(view);
        if (!grade.passed && grade.feedback) results.appendChild(feedbackView(ex.id, code, grade.feedback, editor));
        (view.querySelector("h2") as HTMLElement | null)?.focus();
      } catch (e) {
        results.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "The submission could not be graded.")));
      } finally {
        submit.disabled = false;
        submit.textContent = "Submit for grading";
      }
    });
  })();

  return () => {
    disposed = true;
  };
};
