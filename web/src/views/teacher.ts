// The teacher's class (GET /api/v1/teacher/class) and struggle alerts (GET /api/v1/teacher/alerts), which arrive
// live on the socket (alert.created / alert.updated) and are acted on with POST /api/v1/teacher/alerts/{id}/actions.
import { api, ApiError, session } from "../api";
import { announce, clear, formatTime, h, loadNowAndOnRefresh, masteryBar } from "../dom";
import type { View } from "../main";
import type { Alert, ClassStudent, ClassView } from "../types";

const REASONS: Record<string, string> = {
  repeated_error: "Keeps making the same error",
  repeated_failure: "Keeps failing the same task",
  mastery_drop: "Mastery dropped",
  stuck: "Stuck on a topic",
};

function evidenceText(a: Alert): string {
  const e = a.evidence ?? {};
  switch (a.reason) {
    case "repeated_error":
      return `${e.errorType ?? "An error"} ${e.count ?? "several"} times${e.windowMinutes ? ` within ${e.windowMinutes} min` : ""}`;
    case "repeated_failure":
      return `${e.failures ?? "Several"} failed attempts on one ${e.objectType ?? "task"}`;
    case "mastery_drop":
      return `Mastery fell from ${Math.round(Number(e.peakPKnown ?? 0) * 100)}% to ${Math.round(Number(e.pKnown ?? 0) * 100)}%`;
    case "stuck":
      return `${e.failures ?? "Several"} failures${e.minutes ? ` over ${e.minutes} min` : ""} without a success`;
    default:
      return "";
  }
}

function strugglingText(x: ClassStudent["struggling"][number]): string {
  const parts = [
    x.failures7d ? `${x.failures7d} ${x.failures7d === 1 ? "failure" : "failures"} this week` : "",
    x.openAlerts ? `${x.openAlerts} open ${x.openAlerts === 1 ? "alert" : "alerts"}` : "",
  ].filter(Boolean);
  return `${x.topicId ?? "code runs"}${parts.length ? ` (${parts.join(", ")})` : ""}`;
}

const ACTIONS: { action: string; label: string; from: string[] }[] = [
  { action: "acknowledge", label: "Acknowledge", from: ["open"] },
  { action: "resolve", label: "Resolve", from: ["open", "acknowledged", "muted"] },
  { action: "mute", label: "Mute 24 h", from: ["open", "acknowledged"] },
  { action: "reopen", label: "Reopen", from: ["resolved", "muted"] },
];

export const teacherView: View = (container, ctx) => {
  const me = session()!.user;
  const alerts = new Map<string, Alert>();
  const fresh = new Set<string>();
  let students = new Map<string, ClassStudent>();
  let showClosed = false;
  let disposed = false;

  const alertList = h("ul", { class: "alerts", "aria-label": "Alerts" });
  const alertCount = h("span", { class: "count" });
  const toggleClosed = h("button", { type: "button", class: "secondary small", "aria-pressed": "false" }, "Show resolved");
  const classBody = h("div", { class: "class-body" }, h("p", { class: "pending" }, "Loading your class…"));
  const refresh = h("button", { type: "button", class: "secondary small" }, "Refresh");
  const copy = h("button", { type: "button", class: "secondary small" }, "Copy");
  const code = h("code", { class: "class-code", "data-testid": "class-code" }, me.id);

  container.append(
    h("div", { class: "title-row" }, h("h1", null, "Your class"), refresh),
    h("section", { class: "card class-code-card", "aria-label": "Class code" },
      h("p", null, "Students join your class with this code when they create their account:"),
      h("p", { class: "code-row" }, code, copy)),
    h("div", { class: "teacher-grid" },
      h("section", { class: "alerts-panel", "aria-labelledby": "alerts-title" },
        h("div", { class: "title-row" }, h("h2", { id: "alerts-title" }, "Alerts ", alertCount), toggleClosed),
        h("p", { class: "hint" }, "New alerts appear here by themselves when a student struggles."),
        alertList),
      h("section", { class: "class-panel", "aria-labelledby": "class-title" },
        h("h2", { id: "class-title" }, "Students"),
        classBody)));

  copy.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(me.id);
      announce("Class code copied.");
      copy.textContent = "Copied";
    } catch {
      const range = document.createRange();
      range.selectNodeContents(code);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      announce("Class code selected; copy it with Ctrl+C.");
    }
  });

  function studentName(id: string): string {
    return students.get(id)?.displayName ?? "A student";
  }

  function renderAlerts(): void {
    const all = [...alerts.values()].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const live = all.filter((a) => a.status === "open" || a.status === "acknowledged");
    const shown = showClosed ? all : live;
    alertCount.textContent = `(${live.length} open)`;
    clear(alertList);
    if (shown.length === 0) {
      alertList.appendChild(h("li", { class: "empty muted" }, "No alerts. Your students are doing fine."));
      return;
    }
    shown.forEach((a) => alertList.appendChild(alertCard(a)));
  }

  function alertCard(a: Alert): HTMLElement {
    const titleId = `alert-${a.id}`;
    const buttons = ACTIONS.filter((x) => x.from.includes(a.status)).map((x) =>
      h("button", {
        type: "button", class: x.action === "acknowledge" ? "small" : "secondary small", "data-action": x.action,
        "aria-describedby": titleId, onclick: () => void act(a, x.action),
      }, x.label));
    return h("li", {
      class: `card alert severity-${a.severity} status-${a.status}${fresh.has(a.id) ? " fresh" : ""}`,
      "data-alert-id": a.id, "data-status": a.status,
    },
    h("h3", { id: titleId }, studentName(a.studentId), ": ", REASONS[a.reason] ?? a.reason),
    h("p", { class: "meta" },
      h("span", { class: `badge sev-${a.severity}` }, a.severity), " ",
      h("span", { class: `badge st-${a.status}` }, a.status),
      a.topicId ? ` · topic ${a.topicId}` : "", ` · ${formatTime(a.createdAt)}`),
    h("p", null, evidenceText(a)),
    h("div", { class: "actions" }, ...buttons));
  }

  async function act(a: Alert, action: string): Promise<void> {
    try {
      const updated = await api.post<Alert>(`/api/v1/teacher/alerts/${encodeURIComponent(a.id)}/actions`, { action });
      alerts.set(updated.id, updated);
      fresh.delete(updated.id);
      renderAlerts();
      announce(`Alert ${updated.status}.`);
      (alertList.querySelector(`[data-alert-id="${updated.id}"] button`) as HTMLElement | null)?.focus();
    } catch (e) {
      announce(e instanceof ApiError ? e.describe() : "The action failed.");
    }
  }

  function renderClass(view: ClassView): void {
    students = new Map(view.students.map((s) => [s.studentId, s]));
    clear(classBody);
    if (view.students.length === 0) {
      classBody.appendChild(h("p", { class: "muted" }, "No students yet. Share your class code with them."));
      return;
    }
    classBody.appendChild(h("ul", { class: "students" }, ...view.students.map((s) => h("li", { class: "card student", "data-student-id": s.studentId },
      h("h3", null, s.displayName),
      masteryBar(s.pKnown, `${s.displayName}: overall mastery`, s.level),
      h("p", { class: "meta" }, `${s.topicsStarted} of ${s.topicsTotal} topics started · ${s.topicsMastered} mastered`,
        ` · streak ${s.streak ? s.streak.current : "—"}`, ` · last active ${formatTime(s.lastActivityAt)}`),
      s.struggling.length ? h("p", { class: "struggling" }, "Struggling with: ",
        s.struggling.map(strugglingText).join("; ")) : null,
      h("details", null, h("summary", null, "Mastery per module"),
        h("ul", { class: "topics" }, ...s.modules.map((m) => h("li", null,
          h("div", { class: "topic-head" }, h("span", null, m.title),
            h("span", { class: "muted" }, `${m.topicsStarted}/${m.topicsTotal} started`)),
          masteryBar(m.pKnown, `${s.displayName}: ${m.title}`, m.level)))))))));
    renderAlerts(); // names may have changed
  }

  async function loadClass(): Promise<void> {
    try {
      const view = await api.get<ClassView>("/api/v1/teacher/class");
      if (!disposed) renderClass(view);
    } catch (e) {
      if (!disposed) {
        clear(classBody);
        classBody.appendChild(h("p", { class: "error-box", role: "alert" },
          e instanceof ApiError ? e.describe() : "The class could not be loaded."));
      }
    }
  }

  async function loadAlerts(): Promise<void> {
    try {
      const list = await api.get<Alert[]>("/api/v1/teacher/alerts");
      if (disposed) return;
      list.forEach((a) => {
        const known = alerts.get(a.id);
        if (!known || known.updatedAt <= a.updatedAt) alerts.set(a.id, a);
      });
      renderAlerts();
    } catch (e) {
      if (!disposed) {
        clear(alertList);
        alertList.appendChild(h("li", { class: "error-box", role: "alert" },
          e instanceof ApiError ? e.describe() : "The alerts could not be loaded."));
      }
    }
  }

  let classTimer: number | undefined;
  const offCreated = ctx.socket.on("alert.created", (m) => {
    const a = m.payload as Alert;
    if (!a?.id) return;
    alerts.set(a.id, a);
    fresh.add(a.id);
    renderAlerts();
    announce(`New alert: ${studentName(a.studentId)}, ${REASONS[a.reason] ?? a.reason}.`);
    if (!students.has(a.studentId)) {
      window.clearTimeout(classTimer);
      classTimer = window.setTimeout(() => void loadClass(), 300);
    }
  });
  const offUpdated = ctx.socket.on("alert.updated", (m) => {
    const a = m.payload as Alert;
    if (!a?.id) return;
    const known = alerts.get(a.id);
    if (known && known.updatedAt > a.updatedAt) return;
    alerts.set(a.id, a);
    renderAlerts();
  });
  // after a reconnect the socket replays what it can; the list covers anything older
  const offState = ctx.socket.onState((s) => {
    if (s === "open") void loadAlerts();
  });

  toggleClosed.addEventListener("click", () => {
    showClosed = !showClosed;
    toggleClosed.setAttribute("aria-pressed", String(showClosed));
    toggleClosed.textContent = showClosed ? "Hide resolved" : "Show resolved";
    renderAlerts();
  });
  loadNowAndOnRefresh(refresh, loadClass, loadAlerts);
  return () => {
    disposed = true;
    window.clearTimeout(classTimer);
    offCreated();
    offUpdated();
    offState();
  };
};
