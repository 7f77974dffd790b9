// The Python editor (CodeMirror 6) with line marks for errors, review findings and suspicious lines, and the
// current line of a stepped run.
import { defaultKeymap, history, historyKeymap, indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";
import { bracketMatching, defaultHighlightStyle, indentOnInput, syntaxHighlighting } from "@codemirror/language";
import { EditorState, RangeSetBuilder, StateEffect, type StateEffectType, StateField, type Text } from "@codemirror/state";
import {
  Decoration,
  type DecorationSet,
  EditorView,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from "@codemirror/view";

export interface LineMark {
  line: number;
  kind: "error" | "warning" | "info" | "suspect";
  message: string;
}

const setMarks = StateEffect.define<LineMark[]>();
const setStep = StateEffect.define<number | null>();

/** Decorations that an effect replaces (built from its value), mapped through edits in between. */
function decorationField<T>(effect: StateEffectType<T>, decorate: (value: T, doc: Text) => DecorationSet) {
  return StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(value, tr) {
      value = value.map(tr.changes);
      for (const e of tr.effects) {
        if (e.is(effect)) value = decorate(e.value, tr.state.doc);
      }
      return value;
    },
    provide: (f) => EditorView.decorations.from(f),
  });
}

/** The line a stepped run is on: its own decoration, so it shows together with the line marks. */
const stepField = decorationField(setStep, (n, doc) =>
  n !== null && n >= 1 && n <= doc.lines
    ? Decoration.set([Decoration.line({ class: "cm-lf-step", attributes: { "data-step": "current" } })
      .range(doc.line(n).from)])
    : Decoration.none);

/** One mark a line (the first given wins), in line order. */
const marksField = decorationField(setMarks, (marks, doc) => {
  const builder = new RangeSetBuilder<Decoration>();
  const byLine = new Map<number, LineMark>();
  for (const m of marks) {
    if (m.line >= 1 && m.line <= doc.lines && !byLine.has(m.line)) byLine.set(m.line, m);
  }
  [...byLine.keys()].sort((a, b) => a - b).forEach((n) => {
    const mark = byLine.get(n)!;
    const line = doc.line(n);
    builder.add(line.from, line.from, Decoration.line({
      class: `cm-lf-mark cm-lf-${mark.kind}`,
      attributes: { "data-mark": mark.kind, "data-line": String(n), title: mark.message },
    }));
  });
  return builder.finish();
});

export interface CodeEditor {
  view: EditorView;
  getCode(): string;
  setCode(code: string): void;
  mark(marks: LineMark[]): void;
  clearMarks(): void;
  goToLine(line: number): void;
  /** Marks the line a stepped run is on (null: none) and scrolls it into view, leaving the focus where it is. */
  markStep(line: number | null): void;
}

export function createEditor(parent: HTMLElement, initial: string, label: string,
  onChange?: (code: string) => void): CodeEditor {
  const view = new EditorView({
    parent,
    state: EditorState.create({
      doc: initial,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        history(),
        indentOnInput(),
        bracketMatching(),
        highlightActiveLine(),
        python(),
        syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
        keymap.of([...defaultKeymap, ...historyKeymap, indentWithTab]),
        EditorState.tabSize.of(4),
        marksField,
        stepField,
        EditorView.contentAttributes.of({ "aria-label": label, "aria-multiline": "true" }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) {
            // edits make old marks and a stepped run's line stale
            if (u.state.field(marksField).size > 0 || u.state.field(stepField).size > 0) {
              queueMicrotask(() => view.dispatch({ effects: [setMarks.of([]), setStep.of(null)] }));
            }
            onChange?.(u.state.doc.toString());
          }
        }),
      ],
    }),
  });

  return {
    view,
    getCode: () => view.state.doc.toString(),
    setCode: (code: string) => view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: code } }),
    mark: (marks: LineMark[]) => view.dispatch({ effects: setMarks.of(marks) }),
    clearMarks: () => view.dispatch({ effects: setMarks.of([]) }),
    goToLine(line: number) {
      if (line < 1 || line > view.state.doc.lines) return;
      const pos = view.state.doc.line(line).from;
      view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: "center" }) });
      view.focus();
    },
    markStep(line: number | null) {
      const effects: StateEffect<unknown>[] = [setStep.of(line)];
      if (line !== null && line >= 1 && line <= view.state.doc.lines) {
        effects.push(EditorView.scrollIntoView(view.state.doc.line(line).from, { y: "nearest" }));
      }
      view.dispatch({ effects });
    },
  };
}
