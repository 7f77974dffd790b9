// Mermaid diagrams, bundled (no CDN) and loaded only when an answer carries one.
import { h, uid } from "./dom";

type MermaidApi = typeof import("mermaid").default;
let loading: Promise<MermaidApi> | null = null;

function mermaid(): Promise<MermaidApi> {
  if (!loading) {
    loading = import("mermaid").then((m) => {
      m.default.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: "neutral",
        fontFamily: "system-ui, sans-serif",
        flowchart: { htmlLabels: false },
      });
      return m.default;
    });
  }
  return loading;
}

export function diagramView(source: string, kind: string): HTMLElement {
  const titleId = uid("diagram-title");
  const label = kind === "references" ? "Diagram of which names refer to which objects"
    : kind === "flow" ? "Diagram of the lines the example runs, with its loops and branches" : "Diagram";
  const canvas = h("div", { class: "diagram-canvas", role: "img", "aria-label": label }, h("p", { class: "muted" }, "Drawing the diagram…"));
  const root = h("figure", { class: "diagram", "aria-labelledby": titleId },
    h("figcaption", { id: titleId }, kind === "references" ? "Names and objects" : kind === "flow" ? "How the program flows" : "Diagram"),
    canvas,
    h("details", null, h("summary", null, "Diagram source (text)"), h("pre", null, source)));
  void (async () => {
    try {
      const api = await mermaid();
      const { svg } = await api.render(uid("mermaid"), source);
      // Mermaid's own output, sanitised by Mermaid (securityLevel strict, DOMPurify).
      canvas.innerHTML = svg;
      canvas.setAttribute("data-rendered", "true");
    } catch (e) {
      canvas.textContent = "The diagram could not be drawn; its source is below.";
      canvas.setAttribute("data-rendered", "error");
      console.warn("mermaid", e);
    }
  })();
  return root;
}
