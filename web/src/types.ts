// Wire shapes of the public API, after the records in contracts/ (dev.learnflow.contracts.*). An answer's `data`
// is generated from the contracts' JSON Schemas (src/generated/answers.ts), never written here.
import type { AnswerData, Diagnosis, ProgramFeedbackHint } from "./generated/answers";

export type { AnswerData, AnswerDataByKind, Diagnosis, DiagnosisStep } from "./generated/answers";

export type Role = "student" | "teacher" | "admin";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  timezone: string;
  teacherId: string | null;
  createdAt: string;
}

export interface TokenResponse {
  accessToken: string;
  refreshToken: string;
  tokenType: string;
  expiresIn: number;
}

export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { field: string; message: string }[];
}

export type QueryStatus = "pending" | "answered" | "failed";

export interface QueryAccepted {
  requestId: string;
  status: QueryStatus;
  links: Record<string, string>;
}

export interface QueryAnswer {
  requestId: string;
  status: QueryStatus;
  kind?: string;
  responder?: string;
  text?: string;
  data?: AnswerData;
  answeredAt?: string;
}

/** The payload of a `learning.response` socket message (LearningResponded). */
export interface LearningResponded {
  requestId: string;
  userId: string;
  conversationId: string | null;
  kind: string;
  responder: string;
  text: string;
  data: AnswerData;
  respondedAt: string;
}

export interface ExecutionError {
  type: string | null;
  message: string | null;
  line: number | null;
}

export interface RunCodeResponse {
  stdout: string;
  stderr: string;
  exitCode: number | null;
  status: string;
  wallTimeMs: number;
  cpuTimeMs: number;
  exception: ExecutionError | null;
  truncated: boolean;
}

export interface CourseModule {
  id: string;
  position: number;
  title: string;
  description: string;
}

export interface Topic {
  id: string;
  moduleId: string;
  position: number;
  title: string;
  summary: string;
  difficulty: string;
}

export interface ModuleDetail extends CourseModule {
  topics: Topic[];
}

export interface TestCase {
  name: string;
  stdin?: string;
  expectedStdout?: string;
  call?: string;
  expected?: string;
  visibility: string;
}

export interface Exercise {
  id: string;
  topicId: string;
  title: string;
  difficulty: string;
  prompt: string;
  starterCode: string;
  visibleTests: TestCase[];
  timeLimitMs: number;
  memoryLimitMb: number;
  maxAttempts: number | null;
  source: string;
}

export interface TestCaseResult {
  name: string;
  visibility: string;
  passed: boolean;
  status: string;
  expected?: string;
  actual?: string;
  message?: string;
  wallTimeMs: number;
}

/** The debug agent's hints on a graded submission (ProgramFeedback). */
export interface ProgramFeedback {
  kind: string;
  hintLevel: number;
  maxHintLevel: number;
  hints: ProgramFeedbackHint[];
  hiddenNotes: string[];
  diagnosis?: Diagnosis | null;
}

export interface GradeResult {
  exerciseId: string;
  attempt: number;
  passed: boolean;
  score: number;
  results: TestCaseResult[];
  attemptsLeft: number | null;
  feedback?: ProgramFeedback | null;
}

export interface StreakView {
  current: number;
  longest: number;
  lastActiveDay: string | null;
  timezone: string;
  freezesLeft: number;
  activeToday: boolean;
}

export interface TopicMastery {
  topicId: string;
  title: string;
  pKnown: number;
  level: string;
  attempts: number;
  correct: number;
  lastActivityAt: string | null;
}

export interface MasteryView {
  moduleId: string;
  title: string;
  pKnown: number;
  level: string;
  topics: TopicMastery[];
}

export interface ProgressView {
  userId: string;
  pKnown: number;
  level: string;
  modules: MasteryView[];
  streak: StreakView | null;
}

export interface ClassModule {
  moduleId: string;
  title: string;
  pKnown: number;
  level: string;
  topicsTotal: number;
  topicsStarted: number;
  topicsMastered: number;
}

export interface ClassStudent {
  studentId: string;
  displayName: string;
  timezone: string;
  pKnown: number;
  level: string;
  topicsTotal: number;
  topicsStarted: number;
  topicsMastered: number;
  lastActivityAt: string | null;
  streak: StreakView | null;
  modules: ClassModule[];
  struggling: { topicId: string; failures7d: number; openAlerts: number; lastFailureAt: string | null }[];
}

export interface ClassView {
  teacherId: string;
  studentCount: number;
  students: ClassStudent[];
}

export type AlertStatus = "open" | "acknowledged" | "resolved" | "muted";

export interface Alert {
  id: string;
  studentId: string;
  teacherId: string | null;
  topicId: string | null;
  reason: string;
  severity: string;
  status: AlertStatus;
  evidence: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** One frame from the websocket service. */
export interface SocketMessage<T = unknown> {
  id: string;
  type: string;
  correlationId?: string | null;
  payload: T;
  at?: string;
}

// ---- Issue 21: class insights (teacher) and a student's history, quizzes

export interface MasteryBands {
  developingFrom: number;
  proficientFrom: number;
  masteredFrom: number;
}

export interface TopicColumn {
  topicId: string;
  title: string;
  moduleId: string;
  moduleTitle: string;
}

export interface HeatmapRow {
  studentId: string;
  displayName: string;
  pKnown: number;
  /** aligned with Heatmap.topics; null = never practised */
  mastery: (number | null)[];
  attempts: number[];
  lastActivityAt: string | null;
}

export interface Heatmap {
  teacherId: string;
  bands: MasteryBands;
  topics: TopicColumn[];
  students: HeatmapRow[];
}

export interface WeakTopic {
  topicId: string;
  title: string;
  moduleId: string;
  meanPKnown: number;
  level: string;
  studentsStarted: number;
  studentsBelowDeveloping: number;
}

export interface FrequentError {
  errorType: string;
  count: number;
  previousCount: number;
  trend: "new" | "up" | "down" | "same";
  students: number;
}

export interface ClassSummary {
  teacherId: string;
  studentCount: number;
  days: number;
  from: string;
  until: string;
  weakestTopics: WeakTopic[];
  frequentErrors: FrequentError[];
}

export interface Inactivity {
  teacherId: string;
  days: number;
  asOf: string;
  inactive: { studentId: string; displayName: string; lastActivityAt: string | null; daysInactive: number | null }[];
  brokenStreaks: { studentId: string; displayName: string; longest: number; lastActiveDay: string | null }[];
  streaksUnknown: number;
}

export interface TopicEvent {
  eventId: string;
  verb: string;
  objectType: string;
  objectId: string;
  success: boolean | null;
  score: number | null;
  errorType: string | null;
  occurredAt: string;
}

/** One student's mastery of one topic (as in `TopicMastery`, without the last activity) and the events behind it. */
export interface TopicAttempts extends Omit<TopicMastery, "lastActivityAt"> {
  studentId: string;
  events: TopicEvent[];
  errorTypes: { errorType: string; count: number }[];
}

export interface MasteryPoint {
  at: string;
  pKnown: number;
  topicId: string;
  success: boolean | null;
}

export interface MasteryHistory {
  studentId: string;
  moduleId: string;
  title: string;
  topics: TopicColumn[];
  points: MasteryPoint[];
}

export interface StreakCalendar {
  studentId: string;
  timezone: string;
  from: string;
  to: string;
  activeDays: { day: string; events: number }[];
  streak: StreakView | null;
}

export interface XapiStatement {
  id: string;
  verb: { id: string; display: Record<string, string> };
  object: { id: string; definition?: { type?: string; name?: Record<string, string> } };
  result?: { success?: boolean; response?: string; extensions?: Record<string, unknown> };
  context?: { contextActivities?: { parent?: { id: string }[] } };
  timestamp: string;
}

export interface StatementsPage {
  statements: XapiStatement[];
  more: string;
}

export interface Quiz {
  id: string;
  topicId: string;
  question: string;
  options: string[];
  difficulty: string;
}

export interface QuizResult {
  quizId: string;
  selectedOption: number;
  correct: boolean;
  correctOption: number;
  explanation: string;
}
