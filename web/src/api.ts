// The gateway's REST API: JSON with a bearer token, refreshed transparently; errors as RFC 7807 problems.
import type { Problem, TokenResponse, User } from "./types";

const STORAGE_KEY = "learnflow.session";

export interface Session {
  accessToken: string;
  refreshToken: string;
  /** epoch ms when the access token expires */
  expiresAt: number;
  user: User;
}

type SessionListener = (session: Session | null) => void;

let current: Session | null = load();
const listeners = new Set<SessionListener>();

function load(): Session | null {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

function save(session: Session | null): void {
  current = session;
  if (session) localStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else localStorage.removeItem(STORAGE_KEY);
  listeners.forEach((l) => l(session));
}

export function session(): Session | null {
  return current;
}

export function onSessionChange(listener: SessionListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
  }

  /** Field errors as "field: message" lines, or the detail. */
  describe(): string {
    if (this.problem.errors && this.problem.errors.length > 0) {
      return this.problem.errors.map((e) => `${e.field}: ${e.message}`).join("; ");
    }
    if (this.status === 429) return `${this.message}. Please wait a moment.`;
    return this.message;
  }
}

let refreshing: Promise<boolean> | null = null;

async function refresh(): Promise<boolean> {
  const s = current;
  if (!s) return false;
  if (!refreshing) {
    refreshing = (async () => {
      try {
        const res = await fetch("/api/v1/auth/refresh", {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify({ refreshToken: s.refreshToken }),
        });
        if (!res.ok) {
          if (res.status === 401 || res.status === 400) save(null);
          return false;
        }
        const tokens = (await res.json()) as TokenResponse;
        save({ ...s, ...fromTokens(tokens) });
        return true;
      } catch {
        return false;
      } finally {
        window.setTimeout(() => (refreshing = null), 0);
      }
    })();
  }
  return refreshing;
}

function fromTokens(tokens: TokenResponse): Pick<Session, "accessToken" | "refreshToken" | "expiresAt"> {
  return {
    accessToken: tokens.accessToken,
    refreshToken: tokens.refreshToken,
    expiresAt: Date.now() + tokens.expiresIn * 1000,
  };
}

/** A valid access token (refreshed when it expires within a minute), or null when logged out. */
export async function accessToken(): Promise<string | null> {
  if (!current) return null;
  if (current.expiresAt - Date.now() < 60_000) await refresh();
  return current?.accessToken ?? null;
}

async function parseProblem(res: Response): Promise<Problem> {
  try {
    const text = await res.text();
    if (!text) return { status: res.status, title: res.statusText };
    const json = JSON.parse(text) as Problem;
    return { status: res.status, ...json };
  } catch {
    return { status: res.status, title: res.statusText || "Request failed" };
  }
}

/** A read that met a busy or restarting backend (502/503/504) is tried again this often before the page shows it. */
const READ_RETRIES = 2;

/** How long to wait before trying a read again: the server's Retry-After (capped), else a short growing pause. */
function retryDelayMs(res: Response, retry: number): number {
  const seconds = Number(res.headers.get("Retry-After"));
  if (Number.isFinite(seconds) && seconds > 0) return Math.min(seconds, 5) * 1000;
  return 500 * (retry + 1);
}

export async function request<T>(method: string, path: string, body?: unknown, authenticated = true): Promise<T> {
  let retriedReads = 0;
  for (let attempt = 0; attempt < 2; attempt++) {
    const headers: Record<string, string> = { Accept: "application/json, application/problem+json" };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    if (authenticated) {
      const token = await accessToken();
      if (!token) throw new ApiError(401, { title: "Not logged in", detail: "Please log in" });
      headers.Authorization = `Bearer ${token}`;
    }
    let res: Response;
    try {
      res = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, { title: "Network error", detail: "The server cannot be reached. Is LearnFlow running?" });
    }
    if (res.status === 401 && authenticated && attempt === 0 && (await refresh())) continue;
    // Only reads are repeated: a POST that timed out may have happened, and must not happen twice.
    if (method === "GET" && [502, 503, 504].includes(res.status) && retriedReads < READ_RETRIES) {
      await new Promise((resolve) => setTimeout(resolve, retryDelayMs(res, retriedReads)));
      retriedReads++;
      attempt--;
      continue;
    }
    if (!res.ok) {
      const problem = await parseProblem(res);
      if (res.status === 401 && authenticated) save(null);
      throw new ApiError(res.status, problem);
    }
    if (res.status === 204) return undefined as T;
    const text = await res.text();
    return (text ? JSON.parse(text) : undefined) as T;
  }
  throw new ApiError(401, { title: "Unauthorized" });
}

export const api = {
  get: <T>(path: string) => request<T>("GET", path),
  post: <T>(path: string, body: unknown) => request<T>("POST", path, body),
};

export interface RegisterInput {
  email: string;
  password: string;
  displayName: string;
  role: "student" | "teacher";
  timezone: string;
  teacherId?: string;
}

async function startSession(tokens: TokenResponse): Promise<Session> {
  const tmp: Session = { ...fromTokens(tokens), user: null as unknown as User };
  current = tmp; // me() needs the token; listeners hear of the session once the user is known
  try {
    const user = await request<User>("GET", "/api/v1/me");
    const s = { ...tmp, user };
    save(s);
    return s;
  } catch (e) {
    current = null;
    throw e;
  }
}

export async function login(email: string, password: string): Promise<Session> {
  const tokens = await request<TokenResponse>("POST", "/api/v1/auth/login", { email, password }, false);
  return startSession(tokens);
}

export async function register(input: RegisterInput): Promise<Session> {
  const reply = await request<{ user: User; tokens: TokenResponse }>("POST", "/api/v1/auth/register", input, false);
  return startSession(reply.tokens);
}

export async function logout(): Promise<void> {
  const s = current;
  save(null);
  if (s) {
    try {
      await fetch("/api/v1/auth/logout", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ refreshToken: s.refreshToken }),
      });
    } catch {
      // the session is gone locally either way
    }
  }
}
