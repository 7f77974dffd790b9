// A small Markdown renderer for the tutor's answers, building DOM nodes (never innerHTML), with Python code
// blocks highlighted by the same Lezer grammar the editor uses. It covers what the agents write: headings,
// paragraphs, **bold**, *emphasis*, `code`, fenced code, block quotes, lists, links and simple pipe tables.
import { classHighlighter, highlightCode } from "@lezer/highlight";
import { parser as pythonParser } from "@lezer/python";
import { h } from "./dom";

/** Python source as highlighted <span class="tok-…"> runs inside the given element. */
export function highlightPython(code: string, into: HTMLElement): HTMLElement {
  const tree = pythonParser.parse(code);
  highlightCode(code, tree, classHighlighter,
    (text, classes) => {
      into.appendChild(classes ? h("span", { class: classes }, text) : document.createTextNode(text));
    },
    () => into.appendChild(document.createTextNode("\n")));
  return into;
}

export function codeBlock(code: string, language = "python"): HTMLElement {
  const codeEl = h("code", { class: `language-${language}` });
  if (language === "python" || language === "py" || language === "") highlightPython(code, codeEl);
  else codeEl.textContent = code;
  return h("pre", { class: "code-block", tabindex: 0, "aria-label": `${language || "code"} code` }, codeEl);
}

const SAFE_URL = /^(https?:\/\/|\/(?!\/))/i;

/** Inline Markdown only (code spans, emphasis, links), as nodes. */
export function renderInline(text: string): Node[] {
  return inline(text);
}

function inline(text: string): Node[] {
  const out: Node[] = [];
  // code spans first, then links, bold, emphasis
  const pattern = /(`+)([\s\S]*?[^`])\1(?!`)|\[([^\]]+)\]\(([^)\s]+)\)|\*\*([^*]+)\*\*|__([^_]+)__|\*([^*\s][^*]*)\*|(?<![\w])_([^_\s][^_]*)_(?![\w])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = pattern.exec(text)) !== null) {
    if (m.index > last) out.push(document.createTextNode(text.slice(last, m.index)));
    if (m[1]) out.push(h("code", null, m[2].trim()));
    else if (m[3] !== undefined) {
      const href = m[4];
      if (SAFE_URL.test(href)) {
        const external = /^https?:/i.test(href);
        out.push(h("a", { href, ...(external ? { rel: "noopener noreferrer", target: "_blank" } : {}) }, ...inline(m[3])));
      } else out.push(document.createTextNode(m[0]));
    } else if (m[5] !== undefined || m[6] !== undefined) out.push(h("strong", null, ...inline(m[5] ?? m[6])));
    else if (m[7] !== undefined || m[8] !== undefined) out.push(h("em", null, ...inline(m[7] ?? m[8])));
    last = pattern.lastIndex;
  }
  if (last < text.length) out.push(document.createTextNode(text.slice(last)));
  return out;
}

function isTableRow(line: string): boolean {
  return /^\s*\|.*\|\s*$/.test(line);
}

function cells(line: string): string[] {
  return line.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").map((c) => c.trim());
}

export function renderMarkdown(source: string): HTMLElement {
  const root = h("div", { class: "markdown" });
  const lines = source.replace(/\r\n?/g, "\n").split("\n");
  let i = 0;
  let paragraph: string[] = [];

  const flush = () => {
    if (paragraph.length) {
      const p = h("p");
      paragraph.forEach((l, idx) => {
        if (idx > 0) p.appendChild(document.createTextNode(" "));
        inline(l).forEach((n) => p.appendChild(n));
      });
      root.appendChild(p);
      paragraph = [];
    }
  };

  while (i < lines.length) {
    const line = lines[i];
    const fence = /^\s*(```+|~~~+)\s*([\w+-]*)\s*$/.exec(line);
    if (fence) {
      flush();
      const marker = fence[1];
      const body: string[] = [];
      i++;
      while (i < lines.length && !lines[i].trim().startsWith(marker)) body.push(lines[i++]);
      i++; // closing fence
      root.appendChild(codeBlock(body.join("\n"), fence[2].toLowerCase()));
      continue;
    }
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    if (heading) {
      flush();
      // answers sit under the page's own h1/h2: start at h3
      const level = Math.min(6, heading[1].length + 2) as 3 | 4 | 5 | 6;
      root.appendChild(h(`h${level}`, null, ...inline(heading[2])));
      i++;
      continue;
    }
    if (/^\s*>/.test(line)) {
      flush();
      const quoted: string[] = [];
      while (i < lines.length && /^\s*>/.test(lines[i])) quoted.push(lines[i++].replace(/^\s*>\s?/, ""));
      // quoted program output keeps its lines
      root.appendChild(h("blockquote", null, h("pre", { class: "quote-pre" }, quoted.join("\n"))));
      continue;
    }
    if (/^\s*([-*+]|\d+[.)])\s+/.test(line)) {
      flush();
      const ordered = /^\s*\d+[.)]/.test(line);
      const list = h(ordered ? "ol" : "ul");
      while (i < lines.length && /^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
        const item = lines[i].replace(/^\s*([-*+]|\d+[.)])\s+/, "");
        i++;
        const continuation: string[] = [];
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*([-*+]|\d+[.)])\s+/.test(lines[i])) {
          continuation.push(lines[i++].trim());
        }
        list.appendChild(h("li", null, ...inline([item, ...continuation].join(" "))));
      }
      root.appendChild(list);
      continue;
    }
    if (isTableRow(line) && i + 1 < lines.length && /^\s*\|?\s*:?-{2,}/.test(lines[i + 1])) {
      flush();
      const head = cells(line);
      i += 2;
      const rows: string[][] = [];
      while (i < lines.length && isTableRow(lines[i])) rows.push(cells(lines[i++]));
      root.appendChild(h("div", { class: "table-wrap" }, h("table", null,
        h("thead", null, h("tr", null, ...head.map((c) => h("th", { scope: "col" }, ...inline(c))))),
        h("tbody", null, ...rows.map((r) => h("tr", null, ...r.map((c) => h("td", null, ...inline(c)))))))));
      continue;
    }
    if (line.trim() === "") {
      flush();
      i++;
      continue;
    }
    paragraph.push(line.trim());
    i++;
  }
  flush();
  return root;
}
