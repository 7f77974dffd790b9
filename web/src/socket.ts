// The live channel to the websocket service (services/websocket): token in the `bearer.<token>` subprotocol,
// reconnect with back-off and a fresh token, resume by the last relayed id, de-duplicate by id.
import { accessToken } from "./api";
import type { SocketMessage } from "./types";

export type SocketState = "connecting" | "open" | "closed";
type Handler = (message: SocketMessage) => void;

const CONTROL = new Set(["welcome", "resumed", "pong", "error"]);

/** ws://<page host>:8108/ws unless the page says otherwise (<meta name="learnflow-websocket" content="...">). */
export function socketUrl(): string {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="learnflow-websocket"]');
  if (meta?.content) return meta.content;
  const scheme = location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${location.hostname}:8108/ws`;
}

export class LiveSocket {
  private ws: WebSocket | null = null;
  private handlers = new Map<string, Set<Handler>>();
  private stateListeners = new Set<(s: SocketState) => void>();
  private seen: string[] = [];
  private seenSet = new Set<string>();
  private lastId: string | null = null;
  private retry = 0;
  private timer: number | undefined;
  private stopped = false;
  state: SocketState = "closed";

  constructor(private readonly url: string = socketUrl()) {}

  on(type: string, handler: Handler): () => void {
    let set = this.handlers.get(type);
    if (!set) this.handlers.set(type, (set = new Set()));
    set.add(handler);
    return () => set!.delete(handler);
  }

  onState(listener: (s: SocketState) => void): () => void {
    this.stateListeners.add(listener);
    listener(this.state);
    return () => this.stateListeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    window.clearTimeout(this.timer);
    this.ws?.close(1000, "bye");
    this.ws = null;
    this.setState("closed");
  }

  private setState(s: SocketState): void {
    this.state = s;
    this.stateListeners.forEach((l) => l(s));
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    this.setState("connecting");
    const token = await accessToken();
    if (!token || this.stopped) {
      this.setState("closed");
      return;
    }
    const url = this.lastId ? `${this.url}?lastId=${encodeURIComponent(this.lastId)}` : this.url;
    let ws: WebSocket;
    try {
      ws = new WebSocket(url, ["learnflow.v1", `bearer.${token}`]);
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      this.retry = 0;
      this.setState("open");
    };
    ws.onmessage = (event) => this.receive(event.data);
    ws.onclose = () => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.setState("closed");
      this.scheduleReconnect();
    };
  }

  private scheduleReconnect(): void {
    if (this.stopped) return;
    const delays = [500, 1000, 2000, 5000, 10000];
    const delay = delays[Math.min(this.retry, delays.length - 1)];
    this.retry += 1;
    window.clearTimeout(this.timer);
    this.timer = window.setTimeout(() => void this.connect(), delay);
  }

  private receive(data: unknown): void {
    if (typeof data !== "string") return;
    let message: SocketMessage;
    try {
      message = JSON.parse(data) as SocketMessage;
    } catch {
      return;
    }
    if (!message || typeof message.type !== "string") return;
    if (!CONTROL.has(message.type) && message.id) {
      if (this.seenSet.has(message.id)) return;
      this.seen.push(message.id);
      this.seenSet.add(message.id);
      if (this.seen.length > 500) this.seenSet.delete(this.seen.shift()!);
      this.lastId = message.id;
    }
    this.handlers.get(message.type)?.forEach((h) => h(message));
    this.handlers.get("*")?.forEach((h) => h(message));
  }
}
