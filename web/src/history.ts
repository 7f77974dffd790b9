// A student's progress over time (issue 21): a module's mastery as a line chart (uPlot, bundled) with a table of the
// same points, and a streak calendar of the last weeks as a table (GET /api/v1/students/{id}/mastery-history and
// /calendar). Every picture has its numbers in text: the table under the chart, a mark and a label in each day.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { api, ApiError } from "./api";
import { clear, field, formatPercent, formatTime, h } from "./dom";
import type { MasteryHistory, ProgressView, StreakCalendar } from "./types";

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.describe() : fallback;
}

/** The chart's data: x in seconds (uPlot's time axis), y in percent; a first point at 0 before any activity. */
export function chartData(history: MasteryHistory): [number[], number[]] {
  const xs: number[] = [];
  const ys: number[] = [];
  history.points.forEach((p, i) => {
    const t = Date.parse(p.at) / 1000;
    if (i === 0) {
      xs.push(t - 1);
      ys.push(0);
    }
    xs.push(t);
    ys.push(Math.round(p.pKnown * 1000) / 10);
  });
  return [xs, ys];
}

export function masteryHistorySection(studentId: string, progress: ProgressView): HTMLElement {
  const moduleSelect = h("select", { name: "history-module" },
    ...progress.modules.map((m) => h("option", { value: m.moduleId }, m.title)));
  // The module most recently practised is the interesting one.
  const started = progress.modules.filter((m) => m.topics.some((t) => t.attempts > 0));
  const latest = started.sort((a, b) => latestActivity(b).localeCompare(latestActivity(a)))[0];
  if (latest) moduleSelect.value = latest.moduleId;
  const chartBox = h("div", { class: "chart-box", "data-testid": "mastery-chart" });
  const tableBox = h("div", { class: "table-wrap" });
  const status = h("p", { class: "hint", role: "status" });
  let plot: uPlot | null = null;

  async function load(): Promise<void> {
    status.textContent = "Loading…";
    try {
      const history = await api.get<MasteryHistory>(`/api/v1/students/${encodeURIComponent(studentId)}/mastery-history?moduleId=${encodeURIComponent(moduleSelect.value)}`);
      render(history);
    } catch (e) {
      status.textContent = errorText(e, "The history could not be loaded.");
    }
  }

  function render(history: MasteryHistory): void {
    plot?.destroy();
    plot = null;
    clear(chartBox);
    clear(tableBox);
    chartBox.dataset.points = String(history.points.length);
    const titles = new Map(history.topics.map((t) => [t.topicId, t.title]));
    if (history.points.length === 0) {
      status.textContent = `No activity in ${history.title} yet: the chart starts with your first answer.`;
      return;
    }
    const last = history.points[history.points.length - 1];
    status.textContent = `${history.title}: ${formatPercent(last.pKnown)} now, after ${history.points.length} recorded steps.`;
    const width = Math.max(280, Math.min(760, chartBox.clientWidth || 640));
    plot = new uPlot({
      title: `Mastery of ${history.title} over time`,
      width,
      height: 240,
      scales: { y: { range: [0, 100] } },
      axes: [{}, { label: "mastery %", values: (_u, ticks) => ticks.map((v) => `${v}%`) }],
      series: [
        {},
        { label: `${history.title} mastery (%)`, stroke: "#1d4ed8", width: 2, fill: "rgba(29, 78, 216, 0.08)",
          points: { show: true, size: 6 } },
      ],
    }, chartData(history), chartBox);
    // The canvas is decorative for screen readers: the table below holds the same numbers.
    chartBox.querySelector("canvas")?.setAttribute("aria-hidden", "true");
    tableBox.appendChild(h("details", null, h("summary", null, "Show the numbers as a table"),
      h("table", { "data-testid": "mastery-table" },
        h("caption", null, `Mastery of ${history.title} after each step`),
        h("thead", null, h("tr", null, ...["When", "Topic", "Result", "Module mastery"].map((c) => h("th", { scope: "col" }, c)))),
        h("tbody", null, ...history.points.map((p) => h("tr", null,
          h("td", null, formatTime(p.at)),
          h("td", null, titles.get(p.topicId) ?? p.topicId),
          h("td", null, p.success === null ? "started" : p.success ? "correct" : "wrong"),
          h("td", null, formatPercent(p.pKnown))))))));
  }

  moduleSelect.addEventListener("change", () => void load());
  void load();
  return h("section", { class: "card history", "aria-labelledby": "history-title" },
    h("h2", { id: "history-title" }, "Mastery over time"),
    field("Module", moduleSelect),
    status, chartBox, tableBox);
}

function latestActivity(m: ProgressView["modules"][number]): string {
  return m.topics.map((t) => t.lastActivityAt ?? "").sort().pop() ?? "";
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/** Weeks as rows (Monday first), days as cells; an active day is coloured, marked ✓ and says so in its label. */
export function calendarTable(calendar: StreakCalendar): HTMLElement {
  const active = new Map(calendar.activeDays.map((d) => [d.day, d.events]));
  const to = new Date(`${calendar.to}T00:00:00Z`);
  const from = new Date(`${calendar.from}T00:00:00Z`);
  const start = new Date(from);
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7)); // back to Monday
  const rows: HTMLElement[] = [];
  for (let week = new Date(start); week <= to; week.setUTCDate(week.getUTCDate() + 7)) {
    const cells: HTMLElement[] = [];
    for (let d = 0; d < 7; d++) {
      const day = new Date(week);
      day.setUTCDate(day.getUTCDate() + d);
      const iso = day.toISOString().slice(0, 10);
      if (day < from || day > to) {
        cells.push(h("td", { class: "day outside" }));
        continue;
      }
      const events = active.get(iso) ?? 0;
      const label = `${day.toLocaleDateString(undefined, { timeZone: "UTC", dateStyle: "medium" })}: ${events ? `active, ${events} ${events === 1 ? "activity" : "activities"}` : "no activity"}`;
      cells.push(h("td", { class: `day ${events ? "active" : "idle"}`, "data-day": iso, title: label },
        h("span", { "aria-hidden": "true" }, events ? "✓" : "·"), h("span", { class: "visually-hidden" }, label)));
    }
    const monday = new Date(week);
    rows.push(h("tr", null, h("th", { scope: "row", class: "week" },
      monday.toLocaleDateString(undefined, { timeZone: "UTC", month: "short", day: "numeric" })), ...cells));
  }
  return h("table", { class: "calendar", "data-testid": "streak-calendar" },
    h("caption", null, `Active days from ${calendar.from} to ${calendar.to} (${calendar.timezone})`),
    h("thead", null, h("tr", null, h("th", { scope: "col" }, h("span", { class: "visually-hidden" }, "Week of")),
      ...WEEKDAYS.map((d) => h("th", { scope: "col" }, d)))),
    h("tbody", null, ...rows));
}

export function calendarSection(studentId: string): HTMLElement {
  const body = h("div", null, h("p", { class: "pending" }, "Loading…"));
  void (async () => {
    try {
      const calendar = await api.get<StreakCalendar>(`/api/v1/students/${encodeURIComponent(studentId)}/calendar?weeks=12`);
      clear(body);
      body.append(
        h("p", null, `${calendar.activeDays.length} active ${calendar.activeDays.length === 1 ? "day" : "days"} in the last 12 weeks.`),
        h("ul", { class: "heat-legend", "aria-label": "Legend" },
          h("li", null, h("span", { class: "swatch day-active", "aria-hidden": "true" }), "✓ active day"),
          h("li", null, h("span", { class: "swatch day-idle", "aria-hidden": "true" }), "· no activity")),
        h("div", { class: "table-wrap" }, calendarTable(calendar)));
    } catch (e) {
      clear(body);
      body.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "The calendar could not be loaded.")));
    }
  })();
  return h("section", { class: "card", "aria-labelledby": "calendar-title" },
    h("h2", { id: "calendar-title" }, "Streak calendar"), body);
}
