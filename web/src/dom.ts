// A tiny DOM builder: every text goes in as a text node, so nothing the server sends is ever parsed as HTML.

type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs | null = null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) {
    for (const [key, value] of Object.entries(attrs)) {
      if (value === null || value === undefined || value === false) continue;
      if (key.startsWith("on") && typeof value === "function") {
        el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
      } else if (key === "class") {
        el.className = String(value);
      } else if (value === true) {
        el.setAttribute(key, "");
      } else {
        el.setAttribute(key, String(value));
      }
    }
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(parent, child);
    else if (child instanceof Node) parent.appendChild(child);
    else parent.appendChild(document.createTextNode(String(child)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

let idCounter = 0;
/** A unique element id, for label/aria wiring. */
export function uid(prefix = "lf"): string {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** Polite announcements for screen readers (one shared live region). */
/** Runs the loaders now and again on every click of the refresh button (each loader reports its own errors). */
export function loadNowAndOnRefresh(refresh: HTMLButtonElement, ...loaders: (() => Promise<void>)[]): void {
  const loadAll = () => loaders.forEach((load) => void load());
  refresh.addEventListener("click", loadAll);
  loadAll();
}

export function announce(message: string): void {
  const region = document.getElementById("announcer");
  if (!region) return;
  region.textContent = "";
  window.setTimeout(() => {
    region.textContent = message;
  }, 50);
}

/** A labelled form field: label + control (+ optional hint), wired with for/id and aria-describedby. */
export function field(label: string, control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  hint?: string): HTMLDivElement {
  if (!control.id) control.id = uid("field");
  const children: Child[] = [h("label", { for: control.id }, label), control];
  if (hint) {
    const hintId = `${control.id}-hint`;
    control.setAttribute("aria-describedby", hintId);
    children.push(h("p", { class: "hint", id: hintId }, hint));
  }
  return h("div", { class: "field" }, ...children);
}

export function formatPercent(p: number | null | undefined): string {
  if (p === null || p === undefined || Number.isNaN(p)) return "0%";
  return `${Math.round(p * 100)}%`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return "—";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

/** A mastery bar with its number as text (never colour alone). */
export function masteryBar(pKnown: number, label: string, level?: string): HTMLDivElement {
  const pct = Math.max(0, Math.min(100, Math.round((pKnown || 0) * 100)));
  const fill = h("span", { class: "fill" });
  fill.style.width = `${pct}%`; // CSSOM, not a style attribute: allowed by the CSP without 'unsafe-inline'
  return h("div", { class: "mastery" },
    h("div", {
      class: `bar level-${level ?? "novice"}`,
      role: "progressbar",
      "aria-label": label,
      "aria-valuemin": 0,
      "aria-valuemax": 100,
      "aria-valuenow": pct,
      "aria-valuetext": `${pct}%${level ? `, ${level}` : ""}`,
    }, fill),
    h("span", { class: "bar-value" }, `${pct}%`, level ? h("span", { class: "level-tag" }, level) : null));
}
