// Mastery per module and topic, and the streak (GET /api/v1/students/{id}/progress and /streak).
import { api, ApiError, session } from "../api";
import { clear, formatTime, h, masteryBar } from "../dom";
import type { View } from "../main";
import { calendarSection, masteryHistorySection } from "../history";
import type { ProgressView, StreakView } from "../types";

export function streakCard(streak: StreakView | null): HTMLElement {
  if (!streak) return h("section", { class: "card streak" }, h("h2", null, "Streak"), h("p", { class: "muted" }, "Not available right now."));
  return h("section", { class: "card streak", "aria-labelledby": "streak-title" },
    h("h2", { id: "streak-title" }, "Streak"),
    h("p", { class: "streak-number" }, h("span", { class: "big", "data-testid": "streak-current" }, String(streak.current)),
      streak.current === 1 ? " day" : " days"),
    h("p", null, streak.activeToday ? "You practised today. Keep it up!" : "Practise today to keep your streak going."),
    h("dl", { class: "facts" },
      h("dt", null, "Longest"), h("dd", null, `${streak.longest} ${streak.longest === 1 ? "day" : "days"}`),
      h("dt", null, "Streak freezes"), h("dd", null, String(streak.freezesLeft)),
      h("dt", null, "Last active"), h("dd", null, streak.lastActiveDay ?? "—"),
      h("dt", null, "Days follow"), h("dd", null, streak.timezone)));
}

export const progressView: View = (container) => {
  const body = h("div", { "aria-live": "polite" }, h("p", { class: "pending" }, "Loading your progress…"));
  const refresh = h("button", { type: "button", class: "secondary small" }, "Refresh");
  container.append(h("div", { class: "title-row" }, h("h1", null, "Your progress"), refresh), body);
  let disposed = false;

  async function load(): Promise<void> {
    const s = session();
    if (!s) return;
    const id = encodeURIComponent(s.user.id);
    try {
      const [progress, streak] = await Promise.all([
        api.get<ProgressView>(`/api/v1/students/${id}/progress`),
        api.get<StreakView>(`/api/v1/students/${id}/streak`).catch(() => null),
      ]);
      if (disposed) return;
      clear(body);
      body.append(
        h("div", { class: "summary-grid" },
          h("section", { class: "card overall", "aria-labelledby": "overall-title" },
            h("h2", { id: "overall-title" }, "Overall mastery"),
            masteryBar(progress.pKnown, "Overall mastery", progress.level),
            h("p", { class: "muted" }, "Mastery grows as you answer, run and solve correctly; each topic counts the same.")),
          streakCard(streak ?? progress.streak)),
        h("div", { class: "summary-grid history-grid" },
          masteryHistorySection(s.user.id, progress),
          calendarSection(s.user.id)),
        h("h2", null, "Modules"),
        h("ol", { class: "modules" }, ...progress.modules.map((m) => {
          const started = m.topics.filter((t) => t.attempts > 0).length;
          return h("li", { class: "card module", "data-module": m.moduleId },
            h("h3", null, m.title),
            masteryBar(m.pKnown, `Mastery of ${m.title}`, m.level),
            h("details", null,
              h("summary", null, `Topics (${started} of ${m.topics.length} started)`),
              h("ul", { class: "topics" }, ...m.topics.map((t) => h("li", { class: "topic" },
                h("div", { class: "topic-head" }, h("span", { class: "topic-title" }, t.title),
                  h("span", { class: "muted" }, t.attempts ? `${t.correct}/${t.attempts} correct · ${formatTime(t.lastActivityAt)}` : "not started")),
                masteryBar(t.pKnown, `Mastery of ${t.title}`, t.level))))));
        })));
    } catch (e) {
      clear(body);
      body.appendChild(h("p", { class: "error-box", role: "alert" },
        e instanceof ApiError ? e.describe() : "Your progress could not be loaded."));
    }
  }

  refresh.addEventListener("click", () => void load());
  void load();
  return () => {
    disposed = true;
  };
};
