import "./styles.css";
import { logout, onSessionChange, session } from "./api";
import { clear, h } from "./dom";
import { LiveSocket } from "./socket";
import type { Role } from "./types";
import { loginView, registerView } from "./views/auth";
import { chatView } from "./views/chat";
import { codeView } from "./views/code";
import { exerciseView, exercisesView } from "./views/exercises";
import { dashboardView } from "./views/dashboard";
import { progressView } from "./views/progress";
import { quizzesView } from "./views/quizzes";
import { teacherView } from "./views/teacher";

export interface ViewContext {
  socket: LiveSocket;
  navigate: (path: string) => void;
  params: Record<string, string>;
}

/** A view fills its container and may return a cleanup run when the route changes. */
export type View = (container: HTMLElement, ctx: ViewContext) => void | (() => void);

interface Route {
  pattern: RegExp;
  keys: string[];
  title: string;
  view: View;
  roles: Role[] | null; // null: public
}

function route(path: string, title: string, view: View, roles: Role[] | null): Route {
  const keys: string[] = [];
  const pattern = new RegExp("^" + path.replace(/:(\w+)/g, (_, k) => {
    keys.push(k);
    return "([^/]+)";
  }) + "/?$");
  return { pattern, keys, title, view, roles };
}

const STUDENT: Role[] = ["student", "admin"];
const TEACHER: Role[] = ["teacher", "admin"];
const ANYONE: Role[] = ["student", "teacher", "admin"];

const routes: Route[] = [
  route("/login", "Log in", loginView, null),
  route("/register", "Create an account", registerView, null),
  route("/learn", "Tutor", chatView, ANYONE),
  route("/code", "Code", codeView, ANYONE),
  route("/exercises", "Exercises", exercisesView, STUDENT),
  route("/exercises/:id", "Exercise", exerciseView, STUDENT),
  route("/quizzes", "Quizzes", quizzesView, STUDENT),
  route("/progress", "Progress", progressView, STUDENT),
  route("/dashboard", "Class dashboard", dashboardView, TEACHER),
  route("/teacher", "Class", teacherView, TEACHER),
];

const NAV: Record<Role, { path: string; label: string }[]> = {
  student: [
    { path: "/learn", label: "Tutor" },
    { path: "/code", label: "Code" },
    { path: "/exercises", label: "Exercises" },
    { path: "/quizzes", label: "Quizzes" },
    { path: "/progress", label: "Progress" },
  ],
  teacher: [
    { path: "/teacher", label: "Class" },
    { path: "/dashboard", label: "Dashboard" },
    { path: "/learn", label: "Tutor" },
    { path: "/code", label: "Code" },
  ],
  admin: [
    { path: "/teacher", label: "Class" },
    { path: "/dashboard", label: "Dashboard" },
    { path: "/learn", label: "Tutor" },
    { path: "/code", label: "Code" },
  ],
};

function home(role: Role | undefined): string {
  return role === "teacher" || role === "admin" ? "/teacher" : "/learn";
}

const socket = new LiveSocket();
const app = document.getElementById("app")!;
const header = h("header", { class: "topbar" });
const main = h("main", { id: "main", tabindex: -1 });
const announcer = h("div", { id: "announcer", class: "visually-hidden", "aria-live": "polite", role: "status" });
clear(app);
app.append(header, main, announcer);

// One status element for the socket, re-attached by every header render.
const liveStatus = h("span", { class: "live-status", title: "Live updates from the tutor" });
socket.onState((state) => {
  liveStatus.className = `live-status ${state}`;
  liveStatus.textContent = state === "open" ? "Live" : state === "connecting" ? "Connecting…" : "Offline";
});

let cleanup: void | (() => void);
let firstRender = true;

function navigate(path: string, replace = false): void {
  if (path === location.pathname + location.search) {
    // already there (e.g. log-out also redirects on the session change): do not wipe the page a second time
    if (!replace) return;
  } else if (replace) history.replaceState(null, "", path);
  else history.pushState(null, "", path);
  render();
}

function renderHeader(activePath: string): void {
  clear(header);
  const s = session();
  const brand = h("a", { href: s ? home(s.user.role) : "/login", class: "brand", "data-link": "" },
    h("span", { class: "logo", "aria-hidden": "true" }, "LF"), "LearnFlow");
  header.appendChild(brand);
  if (!s) return;
  const links = NAV[s.user.role].map((item) => {
    const active = activePath === item.path || activePath.startsWith(item.path + "/");
    return h("li", null, h("a", { href: item.path, "data-link": "", "aria-current": active ? "page" : null }, item.label));
  });
  header.append(
    h("nav", { "aria-label": "Main" }, h("ul", null, ...links)),
    h("div", { class: "user" }, liveStatus,
      h("span", { class: "user-name" }, s.user.displayName, h("span", { class: "role" }, ` (${s.user.role})`)),
      h("button", {
        type: "button", class: "secondary small", onclick: async () => {
          await logout();
          navigate("/login");
        },
      }, "Log out")));
}

function render(): void {
  const path = location.pathname;
  const s = session();
  if (path === "/" || path === "") {
    navigate(s ? home(s.user.role) : "/login", true);
    return;
  }
  let match: { route: Route; params: Record<string, string> } | null = null;
  for (const r of routes) {
    const m = r.pattern.exec(path);
    if (m) {
      const params: Record<string, string> = {};
      r.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
      match = { route: r, params };
      break;
    }
  }
  if (match && match.route.roles && !s) {
    navigate(`/login?next=${encodeURIComponent(path)}`, true);
    return;
  }
  if (match && !match.route.roles && s) {
    navigate(home(s.user.role), true);
    return;
  }
  if (match && match.route.roles && s && !match.route.roles.includes(s.user.role)) {
    navigate(home(s.user.role), true);
    return;
  }
  if (typeof cleanup === "function") cleanup();
  cleanup = undefined;
  renderHeader(path);
  clear(main);
  if (!match) {
    document.title = "Not found · LearnFlow";
    main.append(h("h1", null, "Page not found"), h("p", null, h("a", { href: "/", "data-link": "" }, "Go to the start page")));
  } else {
    document.title = `${match.route.title} · LearnFlow`;
    cleanup = match.route.view(main, { socket, navigate, params: match.params });
  }
  if (!firstRender) main.focus({ preventScroll: false });
  firstRender = false;
}

// In-app links navigate without reloading.
document.addEventListener("click", (e) => {
  const a = (e.target as Element | null)?.closest?.("a[data-link]") as HTMLAnchorElement | null;
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  if (a.origin !== location.origin) return;
  e.preventDefault();
  navigate(a.pathname + a.search);
});
window.addEventListener("popstate", () => render());
// The skip link moves focus to the page's content without touching the URL (a hash would re-run the router).
document.querySelector(".skip-link")?.addEventListener("click", (e) => {
  e.preventDefault();
  main.focus();
});

let loggedIn = !!session();
onSessionChange((s) => {
  // token refreshes change the session too: only log-in and log-out matter here
  if (s && !loggedIn) socket.start();
  if (!s && loggedIn) {
    socket.stop();
    if (!["/login", "/register"].includes(location.pathname)) navigate("/login");
  }
  loggedIn = !!s;
});

if (session()) socket.start();
render();

export { navigate };
