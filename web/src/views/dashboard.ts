// The teacher's class at a glance (issue 21): class summary (GET /api/v1/teacher/summary), the students × topics
// heatmap (GET /api/v1/teacher/heatmap; a cell opens GET /api/v1/students/{id}/topics/{topicId}), a student's
// timeline (GET /api/v1/students/{id}/timeline), inactivity (GET /api/v1/teacher/inactivity) and the export
// (GET /api/v1/teacher/statements.csv, GET /api/v1/teacher/statements).
import { accessToken, api, ApiError } from "../api";
import { announce, clear, field, formatPercent, formatTime, h, loadNowAndOnRefresh } from "../dom";
import type { View } from "../main";
import type {
  ClassSummary, Heatmap, HeatmapRow, Inactivity, MasteryBands, StatementsPage, TopicAttempts, XapiStatement,
} from "../types";

const VERBS = ["ran", "submitted", "attempted", "passed", "failed", "answered", "asked", "reviewed", "requested_hint",
  "viewed", "completed"];

const TREND_TEXT: Record<string, string> = {
  new: "new this period",
  up: "more than the period before",
  down: "fewer than the period before",
  same: "as many as the period before",
};
const TREND_MARK: Record<string, string> = { new: "★", up: "▲", down: "▼", same: "＝" };

function errorText(e: unknown, fallback: string): string {
  return e instanceof ApiError ? e.describe() : fallback;
}

/** The level of a P(L) with the service's bands; null = never practised. */
export function levelOf(p: number | null, bands: MasteryBands): string {
  if (p === null) return "untouched";
  if (p >= bands.masteredFrom) return "mastered";
  if (p >= bands.proficientFrom) return "proficient";
  if (p >= bands.developingFrom) return "developing";
  return "novice";
}

const LEVEL_LABEL: Record<string, string> = {
  untouched: "not started",
  novice: "novice",
  developing: "developing",
  proficient: "proficient",
  mastered: "mastered",
};

function legend(bands: MasteryBands): HTMLElement {
  const item = (level: string, range: string) => h("li", null,
    h("span", { class: `swatch heat-${level}`, "aria-hidden": "true" }), `${LEVEL_LABEL[level]} ${range}`);
  return h("ul", { class: "heat-legend", "aria-label": "Colour legend" },
    item("untouched", "(–)"),
    item("novice", `(below ${formatPercent(bands.developingFrom)})`),
    item("developing", `(${formatPercent(bands.developingFrom)}–${formatPercent(bands.proficientFrom)})`),
    item("proficient", `(${formatPercent(bands.proficientFrom)}–${formatPercent(bands.masteredFrom)})`),
    item("mastered", `(from ${formatPercent(bands.masteredFrom)})`));
}

type SortKey = { by: "name" } | { by: "overall" } | { by: "topic"; index: number };

/** Downloads a GET answer as a file (the token goes in a header, so a plain link cannot do it). */
async function download(path: string, filename: string): Promise<number> {
  const token = await accessToken();
  const res = await fetch(path, { headers: { Authorization: `Bearer ${token}` } });
  if (!res.ok) {
    let detail = `Export failed (${res.status})`;
    try {
      detail = ((await res.json()) as { detail?: string }).detail ?? detail;
    } catch {
      // not a problem document
    }
    throw new Error(detail);
  }
  const blob = await res.blob();
  saveBlob(blob, filename);
  return blob.size;
}

function saveBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = h("a", { href: url, download: filename, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export const dashboardView: View = (container) => {
  let disposed = false;
  let heatmap: Heatmap | null = null;
  let sort: SortKey = { by: "name" };
  let descending = false;

  const summaryDays = h("select", { name: "summary-days" },
    ...[7, 14, 30].map((d) => h("option", { value: String(d) }, `last ${d} days`)));
  const summaryBody = h("div", { class: "summary-body", "aria-live": "polite" }, h("p", { class: "pending" }, "Loading…"));
  const heatBody = h("div", { class: "heat-body" }, h("p", { class: "pending" }, "Loading…"));
  const sortSelect = h("select", { name: "heat-sort" },
    h("option", { value: "name" }, "name"), h("option", { value: "overall" }, "overall mastery"));
  const sortDirection = h("button", { type: "button", class: "secondary small", "aria-pressed": "false" }, "Ascending");
  const detail = h("section", { class: "card cell-detail", "aria-live": "polite", "aria-labelledby": "detail-title", hidden: true });
  const inactivityDays = h("input", { type: "number", min: 1, max: 365, value: 7, name: "inactive-days", inputmode: "numeric" });
  const inactivityBody = h("div", { class: "inactivity-body", "aria-live": "polite" }, h("p", { class: "pending" }, "Loading…"));
  const exportCsv = h("button", { type: "button", "data-testid": "export-csv" }, "Download CSV");
  const exportJson = h("button", { type: "button", class: "secondary" }, "Download xAPI JSON");
  const exportStatus = h("p", { class: "hint", role: "status" });
  const refresh = h("button", { type: "button", class: "secondary small" }, "Refresh");

  container.append(
    h("div", { class: "title-row" }, h("h1", null, "Class dashboard"), refresh),
    h("p", { class: "lead" }, "Where your class is stuck, who has gone quiet and which errors keep coming back."),
    h("section", { class: "card", "aria-labelledby": "summary-title" },
      h("div", { class: "title-row" }, h("h2", { id: "summary-title" }, "Class summary"), field("Period", summaryDays)),
      summaryBody),
    h("section", { class: "card", "aria-labelledby": "heat-title" },
      h("h2", { id: "heat-title" }, "Mastery heatmap"),
      h("p", { class: "hint" }, "Each cell is a student's mastery of a topic in percent. Select a cell to see that student's attempts and errors on the topic; select a topic's name to sort by it."),
      h("div", { class: "heat-controls" }, field("Sort students by", sortSelect), sortDirection),
      heatBody),
    detail,
    h("section", { class: "card", "aria-labelledby": "inactive-title" },
      h("div", { class: "title-row" }, h("h2", { id: "inactive-title" }, "Inactivity"),
        field("No activity for at least (days)", inactivityDays)),
      inactivityBody),
    h("section", { class: "card", "aria-labelledby": "export-title" },
      h("h2", { id: "export-title" }, "Export"),
      h("p", null, "Your class's activity as xAPI statements: CSV for spreadsheets, JSON for learning record stores."),
      h("div", { class: "actions" }, exportCsv, exportJson),
      exportStatus));

  // ---- summary

  async function loadSummary(): Promise<void> {
    try {
      const s = await api.get<ClassSummary>(`/api/v1/teacher/summary?days=${encodeURIComponent(summaryDays.value)}`);
      if (disposed) return;
      clear(summaryBody);
      summaryBody.append(
        h("div", { class: "insight-grid" },
          h("div", null,
            h("h3", null, "Weakest topics"),
            s.weakestTopics.length === 0 ? h("p", { class: "muted" }, "No topic started yet.")
              : h("table", { class: "weak-topics", "data-testid": "weak-topics" },
                h("caption", { class: "visually-hidden" }, "Topics with the lowest mean mastery"),
                h("thead", null, h("tr", null, h("th", { scope: "col" }, "Topic"), h("th", { scope: "col" }, "Mean mastery"),
                  h("th", { scope: "col" }, "Started by"), h("th", { scope: "col" }, "Below developing"))),
                h("tbody", null, ...s.weakestTopics.map((t) => h("tr", { "data-topic-id": t.topicId },
                  h("th", { scope: "row" }, t.title),
                  h("td", null, `${formatPercent(t.meanPKnown)} (${t.level})`),
                  h("td", null, `${t.studentsStarted} of ${s.studentCount}`),
                  h("td", null, String(t.studentsBelowDeveloping))))))),
          h("div", null,
            h("h3", null, `Frequent errors, last ${s.days} days`),
            s.frequentErrors.length === 0 ? h("p", { class: "muted" }, "No errors in this period.")
              : h("table", { class: "frequent-errors", "data-testid": "frequent-errors" },
                h("caption", { class: "visually-hidden" }, "Most frequent error types with counts and trend"),
                h("thead", null, h("tr", null, h("th", { scope: "col" }, "Error"), h("th", { scope: "col" }, "Count"),
                  h("th", { scope: "col" }, "Before"), h("th", { scope: "col" }, "Trend"), h("th", { scope: "col" }, "Students"))),
                h("tbody", null, ...s.frequentErrors.map((e) => h("tr", { "data-error-type": e.errorType },
                  h("th", { scope: "row" }, h("code", null, e.errorType)),
                  h("td", null, String(e.count)),
                  h("td", null, String(e.previousCount)),
                  h("td", { class: `trend trend-${e.trend}` },
                    h("span", { "aria-hidden": "true" }, `${TREND_MARK[e.trend] ?? ""} `), TREND_TEXT[e.trend] ?? e.trend),
                  h("td", null, String(e.students)))))))));
    } catch (e) {
      if (disposed) return;
      clear(summaryBody);
      summaryBody.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "The summary could not be loaded.")));
    }
  }

  // ---- heatmap

  function sortedRows(map: Heatmap): HeatmapRow[] {
    const rows = [...map.students];
    const value = (r: HeatmapRow): number | string => {
      if (sort.by === "name") return r.displayName.toLocaleLowerCase();
      if (sort.by === "overall") return r.pKnown;
      return r.mastery[sort.index] ?? -1; // untouched below every started topic
    };
    rows.sort((a, b) => {
      const x = value(a);
      const y = value(b);
      const c = typeof x === "string" ? x.localeCompare(String(y)) : x - (y as number);
      return (descending ? -c : c) || a.displayName.localeCompare(b.displayName);
    });
    return rows;
  }

  function setSort(next: SortKey): void {
    const same = JSON.stringify(next) === JSON.stringify(sort);
    descending = same ? !descending : false; // a new column starts ascending: the weakest students first
    sort = next;
    sortDirection.textContent = descending ? "Descending" : "Ascending";
    sortDirection.setAttribute("aria-pressed", String(descending));
    if (next.by !== "topic") sortSelect.value = next.by;
    renderHeatmap();
  }

  function renderHeatmap(): void {
    const map = heatmap;
    if (!map) return;
    clear(heatBody);
    if (map.students.length === 0) {
      heatBody.appendChild(h("p", { class: "muted" }, "No students yet. Share your class code with them."));
      return;
    }
    const ariaSort = (active: boolean) => (active ? (descending ? "descending" : "ascending") : null);
    const table = h("table", { class: "heatmap", "data-testid": "heatmap" },
      h("caption", { class: "visually-hidden" }, "Mastery per student and topic in percent; – means not started"),
      h("thead", null,
        h("tr", null,
          h("th", { scope: "col", "aria-sort": ariaSort(sort.by === "name") },
            h("button", { type: "button", class: "link", onclick: () => setSort({ by: "name" }) }, "Student")),
          h("th", { scope: "col", "aria-sort": ariaSort(sort.by === "overall") },
            h("button", { type: "button", class: "link", onclick: () => setSort({ by: "overall" }) }, "Overall")),
          ...map.topics.map((t, i) => h("th", {
            scope: "col", class: "topic-col", "data-topic-id": t.topicId,
            "aria-sort": ariaSort(sort.by === "topic" && sort.index === i),
          }, h("button", {
            type: "button", class: "link", title: `${t.moduleTitle}: ${t.title} (sort by this topic)`,
            onclick: () => setSort({ by: "topic", index: i }),
          }, t.title))))),
      h("tbody", null, ...sortedRows(map).map((r) => h("tr", { "data-student-id": r.studentId },
        h("th", { scope: "row" }, r.displayName),
        h("td", { class: "overall" }, formatPercent(r.pKnown)),
        ...map.topics.map((t, i) => {
          const p = r.mastery[i];
          const level = levelOf(p, map.bands);
          const text = p === null ? "–" : String(Math.round(p * 100));
          return h("td", { class: `heat heat-${level}` },
            h("button", {
              type: "button", class: "cell", "data-topic-id": t.topicId,
              "aria-label": `${r.displayName}, ${t.title}: ${p === null ? "not started" : `${text}%, ${level}, ${r.attempts[i]} attempts`}`,
              onclick: () => void showCell(r, t.topicId),
            }, text));
        })))));
    heatBody.append(legend(map.bands), h("div", { class: "table-wrap" }, table));
  }

  async function loadHeatmap(): Promise<void> {
    try {
      const map = await api.get<Heatmap>("/api/v1/teacher/heatmap");
      if (disposed) return;
      heatmap = map;
      renderHeatmap();
    } catch (e) {
      if (disposed) return;
      clear(heatBody);
      heatBody.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "The heatmap could not be loaded.")));
    }
  }

  // ---- a cell: the student's attempts and errors on a topic, then their timeline

  async function showCell(row: HeatmapRow, topicId: string): Promise<void> {
    detail.hidden = false;
    clear(detail);
    detail.append(h("h2", { id: "detail-title" }, `${row.displayName}`), h("p", { class: "pending" }, "Loading…"));
    detail.scrollIntoView({ block: "nearest" });
    try {
      const a = await api.get<TopicAttempts>(
        `/api/v1/students/${encodeURIComponent(row.studentId)}/topics/${encodeURIComponent(topicId)}`);
      if (disposed) return;
      clear(detail);
      const close = h("button", { type: "button", class: "secondary small" }, "Close");
      close.addEventListener("click", () => {
        detail.hidden = true;
        (heatBody.querySelector(`tr[data-student-id="${row.studentId}"] button[data-topic-id="${topicId}"]`) as HTMLElement | null)?.focus();
      });
      detail.append(
        h("div", { class: "title-row" }, h("h2", { id: "detail-title", tabindex: -1 }, `${row.displayName}: ${a.title}`), close),
        h("p", null, `Mastery ${formatPercent(a.pKnown)} (${a.level}) · ${a.correct} of ${a.attempts} graded attempts correct`),
        a.errorTypes.length ? h("p", { "data-testid": "cell-errors" }, "Errors: ",
          a.errorTypes.map((e) => `${e.errorType} × ${e.count}`).join(", ")) : h("p", { class: "muted" }, "No errors on this topic."),
        a.events.length === 0 ? h("p", { class: "muted" }, "No activity on this topic yet.")
          : h("div", { class: "table-wrap" }, h("table", { "data-testid": "cell-events" },
            h("caption", null, "Latest activity on the topic, newest first"),
            h("thead", null, h("tr", null, ...["When", "What", "Result", "Error"].map((c) => h("th", { scope: "col" }, c)))),
            h("tbody", null, ...a.events.map((e) => h("tr", null,
              h("td", null, formatTime(e.occurredAt)),
              h("td", null, `${e.verb} ${e.objectType}`),
              h("td", null, e.success === null ? "—" : e.success ? "correct" : "wrong"),
              h("td", null, e.errorType ?? "")))))),
        timeline(row, topicId));
      (detail.querySelector("#detail-title") as HTMLElement | null)?.focus();
    } catch (e) {
      if (disposed) return;
      clear(detail);
      detail.append(h("h2", { id: "detail-title" }, row.displayName),
        h("p", { class: "error-box", role: "alert" }, errorText(e, "The attempts could not be loaded.")));
    }
  }

  function timeline(row: HeatmapRow, topicId: string): HTMLElement {
    const verb = h("select", { name: "timeline-verb" }, h("option", { value: "" }, "any"),
      ...VERBS.map((v) => h("option", { value: v }, v.replace("_", " "))));
    const topic = h("select", { name: "timeline-topic" }, h("option", { value: "" }, "any topic"),
      ...(heatmap?.topics ?? []).map((t) => h("option", { value: t.topicId }, t.title)));
    topic.value = topicId;
    const list = h("tbody");
    const more = h("button", { type: "button", class: "secondary small", hidden: true }, "Older");
    const status = h("p", { class: "hint", role: "status" });
    let next = "";

    function describe(s: XapiStatement): string {
      const name = s.object.definition?.name?.["en-US"] ?? s.object.id;
      return name;
    }

    async function load(reset: boolean): Promise<void> {
      if (reset) {
        clear(list);
        next = "";
      }
      const base = `/api/v1/students/${encodeURIComponent(row.studentId)}/timeline`;
      const params = new URLSearchParams({ limit: "20" });
      if (verb.value) params.set("verb", verb.value);
      if (topic.value) params.set("topicId", topic.value);
      const url = next ? base + next : `${base}?${params}`;
      try {
        const page = await api.get<StatementsPage>(url);
        page.statements.forEach((s) => list.appendChild(h("tr", null,
          h("td", null, formatTime(s.timestamp)),
          h("td", null, s.verb.display["en-US"] ?? s.verb.id),
          h("td", null, describe(s)),
          h("td", null, s.result?.success === undefined ? "—" : s.result.success ? "success" : "failure"))));
        next = page.more;
        more.hidden = !next;
        status.textContent = list.childElementCount === 0 ? "No statements match." : `${list.childElementCount} statements shown.`;
      } catch (e) {
        status.textContent = errorText(e, "The timeline could not be loaded.");
      }
    }

    verb.addEventListener("change", () => void load(true));
    topic.addEventListener("change", () => void load(true));
    more.addEventListener("click", () => void load(false));
    void load(true);
    return h("section", { class: "timeline", "aria-label": `Timeline of ${row.displayName}` },
      h("h3", null, "Timeline (xAPI statements)"),
      h("div", { class: "heat-controls" }, field("Verb", verb), field("Topic", topic)),
      h("div", { class: "table-wrap" }, h("table", { "data-testid": "timeline" },
        h("thead", null, h("tr", null, ...["When", "Verb", "Object", "Result"].map((c) => h("th", { scope: "col" }, c)))),
        list)),
      status, more);
  }

  // ---- inactivity

  async function loadInactivity(): Promise<void> {
    const days = Math.max(1, Math.min(365, Number(inactivityDays.value) || 7));
    try {
      const v = await api.get<Inactivity>(`/api/v1/teacher/inactivity?days=${days}`);
      if (disposed) return;
      clear(inactivityBody);
      inactivityBody.append(
        h("h3", null, `No activity for ${v.days} days or more`),
        v.inactive.length === 0 ? h("p", { class: "muted" }, "Everyone has been active.")
          : h("ul", { class: "plain-list", "data-testid": "inactive" }, ...v.inactive.map((s) => h("li", null,
            h("strong", null, s.displayName), " — ",
            s.lastActivityAt ? `last active ${formatTime(s.lastActivityAt)} (${s.daysInactive} days ago)` : "never active"))),
        h("h3", null, "Broken streaks"),
        v.brokenStreaks.length === 0 ? h("p", { class: "muted" }, "No broken streaks.")
          : h("ul", { class: "plain-list", "data-testid": "broken-streaks" }, ...v.brokenStreaks.map((s) => h("li", null,
            h("strong", null, s.displayName), ` — best streak ${s.longest} ${s.longest === 1 ? "day" : "days"}, last active ${s.lastActiveDay ?? "—"}`))),
        v.streaksUnknown ? h("p", { class: "hint" }, `${v.streaksUnknown} streaks could not be read right now.`) : "");
    } catch (e) {
      if (disposed) return;
      clear(inactivityBody);
      inactivityBody.appendChild(h("p", { class: "error-box", role: "alert" }, errorText(e, "Inactivity could not be loaded.")));
    }
  }

  // ---- export

  exportCsv.addEventListener("click", async () => {
    exportStatus.textContent = "Preparing the CSV…";
    try {
      const size = await download("/api/v1/teacher/statements.csv", "learnflow-class-activity.csv");
      exportStatus.textContent = `CSV downloaded (${Math.ceil(size / 1024)} KB).`;
      announce("CSV downloaded.");
    } catch (e) {
      exportStatus.textContent = e instanceof Error ? e.message : "The export failed.";
    }
  });
  exportJson.addEventListener("click", async () => {
    exportStatus.textContent = "Collecting statements…";
    try {
      const all: XapiStatement[] = [];
      let query = "?limit=500";
      // paged by the server; a class's recent history fits in a few pages
      for (let page = 0; page < 20 && query; page++) {
        const p = await api.get<StatementsPage>(`/api/v1/teacher/statements${query}`);
        all.push(...p.statements);
        query = p.more;
      }
      saveBlob(new Blob([JSON.stringify(all, null, 2)], { type: "application/json" }), "learnflow-class-statements.json");
      exportStatus.textContent = `${all.length} statements downloaded${query ? " (the newest; narrow the period for older ones)" : ""}.`;
    } catch (e) {
      exportStatus.textContent = errorText(e, "The export failed.");
    }
  });

  sortSelect.addEventListener("change", () => setSort({ by: sortSelect.value as "name" | "overall" }));
  sortDirection.addEventListener("click", () => {
    descending = !descending;
    sortDirection.textContent = descending ? "Descending" : "Ascending";
    sortDirection.setAttribute("aria-pressed", String(descending));
    renderHeatmap();
  });
  summaryDays.addEventListener("change", () => void loadSummary());
  inactivityDays.addEventListener("change", () => void loadInactivity());
  loadNowAndOnRefresh(refresh, loadSummary, loadHeatmap, loadInactivity);
  return () => {
    disposed = true;
  };
};
