// Waits for the answer to an accepted request: the socket's learning.response, or GET /api/v1/queries/{id}.
import { api } from "./api";
import type { LiveSocket } from "./socket";
import type { LearningResponded, QueryAnswer } from "./types";

export interface Waiting {
  promise: Promise<QueryAnswer>;
  cancel(): void;
}

export function waitForAnswer(socket: LiveSocket, requestId: string, timeoutMs = 120_000): Waiting {
  let timer: number | undefined;
  let off: () => void = () => {};
  let done = false;
  const started = Date.now();
  let cancel: () => void = () => {};
  const promise = new Promise<QueryAnswer>((resolve, reject) => {
    const finish = (answer: QueryAnswer) => {
      if (done) return;
      done = true;
      window.clearTimeout(timer);
      off();
      resolve(answer);
    };
    cancel = () => {
      done = true;
      window.clearTimeout(timer);
      off();
    };
    off = socket.on("learning.response", (m) => {
      const p = m.payload as LearningResponded;
      if ((m.correlationId || p?.requestId) === requestId) {
        finish({ requestId, status: "answered", kind: p.kind, responder: p.responder, text: p.text, data: p.data });
      }
    });
    const poll = (attempt: number) => {
      timer = window.setTimeout(async () => {
        try {
          const q = await api.get<QueryAnswer>(`/api/v1/queries/${encodeURIComponent(requestId)}`);
          if (q.status !== "pending") {
            finish(q);
            return;
          }
        } catch {
          // the socket may still deliver
        }
        if (done) return;
        if (Date.now() - started > timeoutMs) {
          done = true;
          off();
          reject(new Error("No answer yet. Please try again in a moment."));
          return;
        }
        poll(attempt + 1);
      }, [3000, 4000, 5000, 8000][Math.min(attempt, 3)]);
    };
    poll(0);
  });
  return { promise, cancel: () => cancel() };
}
