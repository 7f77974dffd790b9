// Browser test of the web client against a running mesh (the gateway serving the built client):
// a teacher and a student in two browser contexts of one headless Chromium, driven by playwright-core.
//
//   node e2e/browser.mjs                      # gateway at http://127.0.0.1:8180 (./learnflow up)
//   LEARNFLOW_GATEWAY=http://127.0.0.1:8180 LEARNFLOW_ARTIFACTS=/tmp/shots CHROMIUM=/usr/bin/chromium node e2e/browser.mjs
//
// Prints "PASS <scenario> (<ms> ms)" or "FAIL <scenario>: <why>" per scenario, then "N passed, N failed"; exits 0
// only when every scenario passed. Screenshots (and timings.json) go to LEARNFLOW_ARTIFACTS.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium } from "playwright-core";

const GATEWAY = (process.env.LEARNFLOW_GATEWAY ?? "http://127.0.0.1:8180").replace(/\/$/, "");
const ARTIFACTS = resolve(process.env.LEARNFLOW_ARTIFACTS ?? "target/e2e-artifacts/browser");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const ANSWER_TIMEOUT = Number(process.env.LEARNFLOW_E2E_ANSWER_TIMEOUT_MS ?? 120_000);
const ALERT_TIMEOUT = Number(process.env.LEARNFLOW_E2E_ALERT_TIMEOUT_MS ?? 120_000);
const PASSWORD = "correct horse battery staple";
const run = Math.random().toString(36).slice(2, 10);

mkdirSync(ARTIFACTS, { recursive: true });

const results = [];
const pages = {}; // name -> page, for screenshots of a failure
const problems = []; // page errors and CSP violations: any of them fails the run
const consoleNotes = [];
let failed = false;

async function scenario(name, fn) {
  const started = Date.now();
  if (failed) {
    results.push({ name, status: "skipped", ms: 0 });
    console.log(`SKIP ${name} (an earlier scenario failed)`);
    return;
  }
  try {
    await fn();
    const ms = Date.now() - started;
    results.push({ name, status: "passed", ms });
    console.log(`PASS ${name} (${ms} ms)`);
  } catch (e) {
    const ms = Date.now() - started;
    failed = true;
    for (const [who, page] of Object.entries(pages)) {
      await page.screenshot({ path: join(ARTIFACTS, `FAILED-${who}.png`), fullPage: true }).catch(() => {});
    }
    results.push({ name, status: "failed", ms, error: String(e?.message ?? e) });
    console.log(`FAIL ${name} (${ms} ms): ${String(e?.message ?? e).split("\n").slice(0, 6).join(" | ")}`);
  }
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

async function shot(page, name, fullPage = true) {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });
}

function watch(page, who) {
  page.on("pageerror", (e) => problems.push(`${who}: page error: ${e.message}`));
  page.on("console", (msg) => {
    const text = msg.text();
    if (/Content Security Policy|Refused to (load|connect|execute|apply)/i.test(text)) problems.push(`${who}: CSP: ${text}`);
    else if (msg.type() === "error") consoleNotes.push(`${who}: ${text}`);
  });
}

/** Replaces the editor's text the way a paste would (no auto-indent of typed newlines). */
async function setEditor(page, code, editor = ".cm-content") {
  const content = page.locator(editor).first();
  await content.click();
  await page.keyboard.press("Control+A");
  await page.keyboard.press("Delete");
  await page.keyboard.insertText(code);
}

/** Every visible form control has an accessible name. */
async function unlabelledControls(page) {
  return page.evaluate(() => [...document.querySelectorAll("input, select, textarea, button, [contenteditable=true]")]
    .filter((el) => el.offsetParent !== null)
    .filter((el) => {
      const labelled = (el.labels && el.labels.length > 0) || el.getAttribute("aria-label") || el.getAttribute("aria-labelledby");
      const text = el.tagName === "BUTTON" && el.textContent.trim();
      return !labelled && !text;
    })
    .map((el) => el.outerHTML.slice(0, 120)));
}

async function noHorizontalOverflow(page) {
  return page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
}

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  headless: true,
  chromiumSandbox: false,
  // Playwright gives every launch a fresh, empty --user-data-dir of its own (a temporary profile).
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync"],
});

const contextOptions = { timezoneId: "Europe/Berlin", locale: "en-GB", viewport: { width: 1280, height: 900 } };
const teacherCtx = await browser.newContext(contextOptions);
const studentCtx = await browser.newContext(contextOptions);
const teacher = await teacherCtx.newPage();
const student = await studentCtx.newPage();
teacher.setDefaultTimeout(30_000);
student.setDefaultTimeout(30_000);
pages.teacher = teacher;
pages.student = student;
watch(teacher, "teacher");
watch(student, "student");
let teacherNavigations = 0;
let classCode = "";
const studentName = `Ada ${run}`;
const studentEmail = `ada.${run}@e2e.learnflow.dev`;

try {
  await scenario("the gateway serves the client; a teacher registers and sees the class page", async () => {
    await teacher.goto(`${GATEWAY}/`);
    await teacher.waitForURL(/\/login$/);
    check((await unlabelledControls(teacher)).length === 0, `unlabelled controls on login: ${await unlabelledControls(teacher)}`);
    // keyboard: the e-mail field has focus, Tab reaches the password; the skip link shows when focused and
    // moves focus to the content
    check(await teacher.evaluate(() => document.activeElement?.getAttribute("type")) === "email", "e-mail field not focused");
    await teacher.keyboard.press("Tab");
    check(await teacher.evaluate(() => document.activeElement?.getAttribute("type")) === "password", "Tab did not reach the password");
    await teacher.locator(".skip-link").focus();
    check((await teacher.locator(".skip-link").boundingBox()).y >= 0, "focused skip link is off screen");
    await teacher.keyboard.press("Enter");
    check(await teacher.evaluate(() => document.activeElement?.id) === "main", "skip link did not move focus to the content");
    await shot(teacher, "01-login");
    await teacher.getByRole("link", { name: "Create an account" }).click();
    await teacher.getByLabel("Your name").fill(`Grace ${run}`);
    await teacher.getByLabel("E-mail").fill(`grace.${run}@e2e.learnflow.dev`);
    await teacher.getByLabel("Password").fill(PASSWORD);
    await teacher.getByLabel("Teacher").check();
    check(await teacher.getByLabel("Class code (optional)").isHidden(), "class code field shown to a teacher");
    check((await unlabelledControls(teacher)).length === 0, `unlabelled controls on register: ${await unlabelledControls(teacher)}`);
    await shot(teacher, "01b-register");
    await teacher.getByRole("button", { name: "Create account" }).click();
    await teacher.waitForURL(/\/teacher$/);
    classCode = (await teacher.getByTestId("class-code").textContent()).trim();
    check(/^[0-9a-f-]{36}$/.test(classCode), `class code ${classCode}`);
    await teacher.getByText("No students yet").waitFor();
    await teacher.locator(".live-status.open").waitFor();
    teacher.on("framenavigated", (frame) => {
      if (frame === teacher.mainFrame()) teacherNavigations += 1;
    });
    await shot(teacher, "02-teacher-class-empty");
  });

  await scenario("a student registers with the class code, logs out and logs in again", async () => {
    await student.goto(`${GATEWAY}/register`);
    await student.getByLabel("Your name").fill(studentName);
    await student.getByLabel("E-mail").fill(studentEmail);
    await student.getByLabel("Password").fill(PASSWORD);
    await student.getByLabel("Class code (optional)").fill(classCode);
    await student.getByRole("button", { name: "Create account" }).click();
    await student.waitForURL(/\/learn$/);
    await student.getByRole("button", { name: "Log out" }).click();
    await student.waitForURL(/\/login$/);
    await student.getByLabel("E-mail").fill(studentEmail);
    await student.getByLabel("Password").fill(PASSWORD);
    await student.getByRole("button", { name: "Log in" }).click();
    await student.waitForURL(/\/learn$/);
    await student.locator(".live-status.open").waitFor();
    check((await student.locator(".user-name").textContent()).includes(studentName), "student name in the header");
  });

  await scenario("the student asks a question and sees the answer (highlighted code, trace stepper, diagram)", async () => {
    await student.getByLabel("Your question").fill("How do for loops work in Python?");
    await student.getByRole("button", { name: "Ask" }).click();
    const answer = student.locator("li.msg.tutor").last();
    await answer.and(student.locator('[data-status="answered"]')).waitFor({ timeout: ANSWER_TIMEOUT });
    const text = await answer.textContent();
    check(/for/i.test(text) && text.length > 100, `short answer: ${text.slice(0, 200)}`);
    check(await answer.locator("pre.code-block .tok-keyword").count() > 0, "no highlighted keyword in the answer's code");
    const trace = answer.locator(".trace");
    if (await trace.count() > 0) {
      await trace.getByRole("button", { name: "Next step" }).click();
      await trace.getByRole("button", { name: "Next step" }).click();
      const status = await trace.locator(".trace-status").textContent();
      check(/^Step 3 of \d+/.test(status), `trace status after two steps: ${status}`);
      check(await trace.locator(".trace-line.current").count() === 1, "one current line in the trace");
      await trace.getByRole("button", { name: "Next step" }).focus();
      await student.keyboard.press("ArrowRight");
      check(/^Step 4 of/.test(await trace.locator(".trace-status").textContent()), "arrow key steps the trace");
    } else {
      console.log("NOTE the answer carried no trace (sandbox unavailable to concepts?)");
    }
    const diagram = answer.locator(".diagram-canvas");
    if (await diagram.count() > 0) {
      await answer.locator('.diagram-canvas[data-rendered]').waitFor();
      check(await diagram.getAttribute("data-rendered") === "true", "mermaid failed to render the diagram");
      check(await diagram.locator("svg").count() > 0, "no svg in the diagram");
    } else {
      console.log("NOTE the answer carried no diagram");
    }
    await shot(student, "03-student-answer");
  });

  await scenario("the student asks what a line of code prints and steps through their own code", async () => {
    // the chat already holds the previous answer: wait for the next one
    const earlier = await student.locator("li.msg.tutor").count();
    // a bare expression, as quiz questions write it: triage runs it printed, and what it prints comes first
    await student.getByLabel("Your question").fill("what is the output of 'abc'[::-1]");
    await student.getByRole("button", { name: "Ask" }).click();
    const answer = student.locator("li.msg.tutor").nth(earlier);
    await answer.and(student.locator('[data-status="answered"]')).waitFor({ timeout: ANSWER_TIMEOUT });
    const text = await answer.textContent();
    check(/Your code/.test(text), `the answer says nothing of the student's code: ${text.slice(0, 300)}`);
    const said = await answer.locator(".answer").textContent();
    check(/^\s*Your code[\s\S]{0,80}cba/.test(said), `the answer does not open with what the code prints: ${said.slice(0, 300)}`);
    const yours = answer.locator(".trace.your-code");
    if (await yours.count() > 0) {
      check(await answer.locator(".trace").first().evaluate((el) => el.classList.contains("your-code")),
        "the student's run is not the first trace of an answer that opens with it");
      check(/Step through your code/.test(await yours.locator("h4").textContent()), "the student's run is not titled as theirs");
      await yours.getByRole("button", { name: "Last step" }).click();
      check((await yours.textContent()).includes("cba"), "the student's run does not show its output");
    } else {
      console.log("NOTE the student's code carried no trace (sandbox unavailable to concepts?)");
    }
  });

  await scenario("each suggestion chip in the chat gets a real answer", async () => {
    // a fresh conversation, as a student who opens the tutor and clicks the examples one after another
    await student.reload();
    await student.locator(".live-status.open").waitFor();
    const chips = student.locator(".suggestions button.chip");
    const count = await chips.count();
    check(count >= 3, `only ${count} suggestion chips`);
    const asked = [];
    for (let i = 0; i < count; i++) {
      const label = (await chips.nth(i).textContent()).trim();
      await chips.nth(i).click();
      check((await student.getByLabel("Your question").inputValue()) === label, `chip ${label} did not fill the question`);
      await student.getByRole("button", { name: "Ask" }).click();
      const answer = student.locator("li.msg.tutor").nth(i);
      await answer.and(student.locator('[data-status="answered"]')).waitFor({ timeout: ANSWER_TIMEOUT });
      const kind = await answer.locator(".answer").getAttribute("data-kind");
      const text = (await answer.locator(".answer").textContent()).trim();
      asked.push(`${label} -> ${kind}: ${text.slice(0, 100).replace(/\s+/g, " ")}`);
      console.log(`NOTE chip "${label}" -> ${kind} (${text.length} chars): ${text.slice(0, 160).replace(/\s+/g, " ")}`);
      check(kind !== "clarification" && kind !== "error" && kind !== "off_topic", `chip "${label}" got a ${kind}: ${text.slice(0, 300)}`);
      check(text.length >= 200, `chip "${label}" got a short answer: ${text}`);
      check(!/^\s*paste your code/i.test(text), `chip "${label}" was only asked for code: ${text.slice(0, 300)}`);
    }
    await shot(student, "03b-student-chips");
  });

  const failing = "def total(xs):\n    s = 0\n    for x in xs:\n        s += x\n    return s\n\n\nprint(totl([1, 2, 3]))\n";

  await scenario("the student runs code with an error and sees the failing line marked", async () => {
    await student.getByRole("link", { name: "Code" }).click();
    await student.waitForURL(/\/code$/);
    await setEditor(student, failing);
    await student.getByRole("button", { name: "▶ Run" }).click();
    const error = student.locator(".run-error");
    await error.waitFor({ timeout: 60_000 });
    const errorText = await error.textContent();
    check(/NameError on line 8/.test(errorText), `run error: ${errorText}`);
    await student.locator('.cm-line[data-mark="error"][data-line="8"]').waitFor();
    check(await student.locator(".cm-line[data-mark]").count() === 1, "exactly one marked line");
    await student.getByRole("button", { name: "Go to line 8" }).click();
    await shot(student, "04-student-code-error");
    // a review (parsed in the sandbox, never run) answers on the socket
    await student.getByRole("button", { name: "Review my code" }).click();
    await student.locator(".review .answer").waitFor({ timeout: ANSWER_TIMEOUT });
    check(/Score/.test(await student.locator(".review").textContent()), "review without a score");
    await shot(student, "04b-student-code-review");
  });

  const wrongProgram = "def fibonacci(n):\n    a, b = 0, 1\n    for i in range(n + 1):\n        a, b = b, a + b\n    return a\n\n\nprint(fibonacci(5))\n";

  await scenario("the student gets hints 1-3 on a program with a wrong result and steps through the failing run", async () => {
    await setEditor(student, wrongProgram);
    await student.getByLabel("What should it give? (optional, for a hint)").fill("fibonacci(5) returns 8 but should be 5");
    const hintButton = student.locator(".toolbar button", { hasText: /hint/i });
    check((await hintButton.textContent()).trim() === "Get a hint", `hint button: ${await hintButton.textContent()}`);
    for (let level = 1; level <= 3; level++) {
      await hintButton.click();
      // the panel still shows the review (or the previous level) until this answer replaces it
      const answer = student.locator(".review .answer", { hasText: `Hint ${level}:` });
      await answer.waitFor({ timeout: ANSWER_TIMEOUT });
      const text = await answer.textContent();
      check(text.includes(`Hint ${level}:`) && !text.includes(`Hint ${level + 1}:`), `level ${level} answer: ${text.slice(0, 400)}`);
      check(!/```|range\(n\)/.test(text), `a hint gave the fix away: ${text.slice(0, 400)}`);
      if (level === 1) check(/fibonacci\(5\)/.test(text) && /8/.test(text), `level 1 names the failing case: ${text.slice(0, 300)}`);
      if (level === 2) check(/line 3/.test(text), `level 2 names the line: ${text.slice(0, 400)}`);
      await student.locator(".review .failing-run").waitFor();
    }
    // the top suspicious line is marked in the editor, and the failing run is stepped there
    await student.locator('.cm-line[data-mark="suspect"][data-line="3"]').waitFor();
    const run = student.locator(".review .failing-run");
    check(/fibonacci\(5\)/.test(await run.locator(".failing-case").textContent()), "failing case shown");
    const status = run.locator(".trace-status");
    check(/^Step 1 of \d+/.test(await status.textContent()), `first step: ${await status.textContent()}`);
    check(await student.locator('.cm-line[data-step="current"]').count() === 1, "one current line in the editor");
    check(await run.locator('tr[data-var="n"] td').first().textContent() === "5", "the parameter n is 5 on the first step");
    const visited = new Set();
    let sawChange = false;
    for (let i = 0; i < 6; i++) {
      visited.add(await student.locator('.cm-line[data-step="current"]').getAttribute("data-line"));
      await run.getByRole("button", { name: "Next step" }).click();
      sawChange ||= await run.locator("tr.changed").count() > 0;
    }
    check(/^Step 7 of/.test(await status.textContent()), `after six steps: ${await status.textContent()}`);
    check(visited.size >= 2, `the current line did not move: ${[...visited]}`);
    check(visited.has("3") || visited.has("4"), `the run never reached the loop: ${[...visited]}`);
    check(sawChange, "no variable was shown as changed");
    await run.getByRole("button", { name: "Previous step" }).click();
    check(/^Step 6 of/.test(await status.textContent()), "stepping back");
    await shot(student, "04c-student-failing-run");
  });

  await scenario("the student submits an exercise and sees per-test results", async () => {
    await student.getByRole("link", { name: "Exercises" }).click();
    await student.waitForURL(/\/exercises$/);
    await student.locator('select[name="topic"]:enabled option').first().waitFor({ state: "attached" });
    await student.getByLabel("Module").selectOption("python-basics");
    await student.getByLabel("Topic").selectOption("strings");
    await student.getByRole("link", { name: "Format a Name" }).waitFor();
    await shot(student, "05a-exercise-list");
    await student.getByRole("link", { name: "Format a Name" }).click();
    await student.waitForURL(/\/exercises\/e0000000-0000-4000-8000-000000000102$/);
    check((await unlabelledControls(student)).length === 0, `unlabelled controls on the exercise: ${await unlabelledControls(student)}`);
    // right for clean input, wrong when there are stray spaces
    await setEditor(student, "def format_name(first, last):\n    return last.title() + ', ' + first.title()\n");
    await student.getByRole("button", { name: "Submit for grading" }).click();
    const grade = student.locator(".grade");
    await grade.waitFor({ timeout: 60_000 });
    check(await grade.getAttribute("data-passed") === "false", "partly wrong code passed");
    const passed = await grade.locator("tr.pass").count();
    const failedRows = await grade.locator("tr.fail").count();
    check(passed >= 1 && failedRows >= 1, `per-test rows: ${passed} passed, ${failedRows} failed`);
    check(await grade.locator('tr.pass[data-test="simple name"]').count() === 1, "test 'simple name' passed");
    check(await grade.locator('tr.fail[data-test="spaces and caps"]').count() === 1, "test 'spaces and caps' failed");
    check(/expected/i.test(await grade.locator('tr[data-test="spaces and caps"]').textContent()), "a shown failing test explains itself");
    // the grade's first hint is on the first failing shown test; the hidden one only by its category
    const feedback = student.locator(".feedback");
    await feedback.waitFor();
    check(await feedback.locator(".hint-list li").count() === 1, "one hint with the grade");
    const first = await feedback.locator(".hint-list li").first().textContent();
    check(first.includes("format_name('  ada ', 'LOVELACE')"), `the first hint names the failing shown test: ${first}`);
    check(/hidden test/i.test(await feedback.locator(".hidden-notes").textContent()), "a note on the failing hidden test");
    check(!/kATHERINE|johnson/.test(await feedback.textContent()), "the hidden test's input leaked");
    await shot(student, "05-student-exercise-results");
    for (const level of [2, 3]) {
      await feedback.getByRole("button", { name: "Another hint" }).click();
      await student.locator(`.feedback[data-hint-level="${level}"]`).waitFor({ timeout: 60_000 });
      check(await feedback.locator(".hint-list li").count() === level, `hints at level ${level}`);
    }
    check(await feedback.getByRole("button", { name: "Another hint" }).count() === 0, "no fourth hint offered");
    check(await student.locator('.cm-line[data-mark="suspect"]').count() === 1, "the suspicious line marked in the exercise editor");
    await shot(student, "05b-student-exercise-hints");
  });

  await scenario("the student's progress page shows mastery per module and the streak", async () => {
    await student.getByRole("link", { name: "Progress" }).click();
    await student.waitForURL(/\/progress$/);
    await student.locator(".module").first().waitFor();
    check(await student.locator(".module").count() === 8, "eight modules");
    const streak = Number(await student.getByTestId("streak-current").textContent());
    check(streak >= 0, "streak number");
    const bars = await student.locator('[role="progressbar"]').count();
    check(bars >= 9, `mastery bars: ${bars}`);
    await student.locator('.module[data-module="python-basics"] summary').click();
    await shot(student, "06-student-progress");
  });

  await scenario("the teacher sees a live alert appear (no reload) and acknowledges it", async () => {
    // (debug may already have raised one of its own: three hint requests on the off-by-one program count as its
    // recurring logic-bug pattern; this scenario is about progress' NameError rule)
    const nameErrorAlerts = teacher.locator(".alert", { hasText: "NameError" });
    check((await nameErrorAlerts.count()) === 0, "a NameError alert before the struggle");
    const earlier = await teacher.locator(".alert").count();
    if (earlier > 0) console.log(`NOTE ${earlier} alert(s) before the NameError struggle: ${(await teacher.locator(".alert").first().textContent()).replace(/\s+/g, " ").slice(0, 200)}`);
    // Two more runs with the same NameError: three within an hour is progress' repeated_error rule.
    await student.getByRole("link", { name: "Code" }).click();
    await student.waitForURL(/\/code$/);
    await setEditor(student, failing); // the editor still holds the off-by-one program of the hints scenario
    for (let i = 0; i < 2; i++) {
      await student.locator(".output[data-state]").waitFor();
      await student.getByRole("button", { name: "▶ Run" }).click();
      await student.locator('.output[data-state="runtime_error"]').waitFor({ timeout: 60_000 });
      await student.locator('.output[data-state="running"]').waitFor({ state: "detached" }).catch(() => {});
    }
    const alert = teacher.locator('.alert[data-status="open"]', { hasText: "NameError" }).first();
    await alert.waitFor({ timeout: ALERT_TIMEOUT });
    check(teacherNavigations === 0, `the teacher page navigated ${teacherNavigations} times`);
    await alert.locator("h3", { hasText: studentName }).waitFor({ timeout: 15_000 });
    check(/NameError/.test(await alert.textContent()), `alert text: ${await alert.textContent()}`);
    await teacher.locator(".student h3", { hasText: studentName }).waitFor({ timeout: 15_000 });
    await shot(teacher, "07-teacher-live-alert");
    await alert.getByRole("button", { name: "Acknowledge" }).click();
    await teacher.locator('.alert[data-status="acknowledged"]').waitFor();
    check(await teacher.locator(".alert .badge.st-acknowledged").count() === 1, "acknowledged badge");
    check(teacherNavigations === 0, "still no reload");
    await shot(teacher, "08-teacher-alert-acknowledged");
  });

  await scenario("the student takes a topic's quiz, sees the explanation, the mastery change and the chart update", async () => {
    const chartPoints = async () => {
      await student.goto(`${GATEWAY}/progress`); // a fresh load: the page reads the history once
      await student.locator(".history select").waitFor();
      await student.getByLabel("Module", { exact: true }).selectOption("python-basics");
      const chart = student.getByTestId("mastery-chart");
      await student.waitForFunction(() => {
        const box = document.querySelector('[data-testid="mastery-chart"]');
        return box && box.dataset.points !== undefined && document.querySelector("#history-title")
          && !/Loading/.test(document.querySelector(".history [role=status]")?.textContent ?? "");
      });
      return Number(await chart.getAttribute("data-points"));
    };
    const before = await chartPoints();
    check(before >= 1, `the Format a Name submissions (strings) are on the python-basics chart: ${before}`);
    check(await student.locator('[data-testid="mastery-chart"] canvas').count() >= 1, "the chart is drawn (uPlot canvas)");
    // The calendar loads on its own request, after the chart's: wait for it rather than count what is there yet.
    const activeDay = student.locator('[data-testid="streak-calendar"] td.day.active').first();
    check(await activeDay.waitFor({ timeout: 15_000 }).then(() => true, () => false), "today is active in the calendar");
    await shot(student, "13-student-progress-history-before");

    await student.getByRole("link", { name: "Quizzes" }).click();
    await student.waitForURL(/\/quizzes$/);
    await student.getByLabel("Module", { exact: true }).selectOption("python-basics");
    await student.getByLabel("Topic", { exact: true }).selectOption("numbers-and-types");
    const quiz = student.locator('form.quiz[data-quiz-id="c0000000-0000-4000-8000-000000000101"]');
    await quiz.waitFor();
    check((await unlabelledControls(student)).length === 0, `unlabelled controls on quizzes: ${await unlabelledControls(student)}`);
    await quiz.getByLabel("3", { exact: true }).check();
    await quiz.getByRole("button", { name: "Check answer" }).click();
    await quiz.getByTestId("quiz-verdict").waitFor();
    check((await quiz.getByTestId("quiz-verdict").textContent()) === "Correct!", "the right answer is marked correct");
    check(/floor division/.test(await quiz.getByTestId("quiz-explanation").textContent()), "the explanation is shown");
    check(await quiz.locator(".quiz-option.right").count() === 1, "the correct option is marked");
    const change = student.getByTestId("mastery-change");
    await change.waitFor({ timeout: 30_000 });
    const changeText = await change.textContent();
    check(/from 0% to 55%/.test(changeText), `mastery of the topic rose from the untouched 0 to one correct answer's 55 %: ${changeText}`);
    await shot(student, "14-student-quiz-feedback");

    let after = before;
    for (let i = 0; i < 10 && after === before; i++) {
      after = await chartPoints();
      if (after === before) await student.waitForTimeout(1000);
    }
    check(after === before + 1, `the quiz answer is a new point on the chart: ${before} -> ${after}`);
    await student.locator(".history details summary").click();
    const lastRow = student.locator('[data-testid="mastery-table"] tbody tr').last();
    check(/Numbers and Types/.test(await lastRow.textContent()) && /correct/.test(await lastRow.textContent()),
      `the table's last step is the quiz: ${await lastRow.textContent()}`);
    await shot(student, "15-student-progress-history-after");
  });

  await scenario("the teacher's dashboard shows the class heatmap, weakest topics and frequent errors; CSV export", async () => {
    await teacher.getByRole("link", { name: "Dashboard" }).click();
    await teacher.waitForURL(/\/dashboard$/);
    const row = teacher.locator('[data-testid="heatmap"] tbody tr', { hasText: studentName });
    await row.waitFor();
    check(await teacher.locator('[data-testid="heatmap"] thead th.topic-col').count() === 32, "32 topic columns");
    const strings = row.locator('button.cell[data-topic-id="strings"]');
    check(/^\d+$/.test((await strings.textContent()).trim()), `the strings cell has a percentage: ${await strings.textContent()}`);
    check(/Strings: \d+%/.test(await strings.getAttribute("aria-label")), "the cell says its value in words");
    check((await row.locator('button.cell[data-topic-id="numbers-and-types"]').textContent()).trim() === "55",
      "the quiz's topic at 55 %");
    check((await row.locator('button.cell[data-topic-id="packages"]').textContent()).trim() === "–", "an untouched topic");
    check(await teacher.locator(".heat-legend li").count() === 5, "a legend names every colour");
    const weak = teacher.getByTestId("weak-topics");
    await weak.waitFor();
    check(await weak.locator('tr[data-topic-id="strings"]').count() === 1, `strings among the weakest: ${await weak.textContent()}`);
    const errors = teacher.getByTestId("frequent-errors");
    await errors.waitFor();
    const nameErrors = errors.locator('tr[data-error-type="NameError"]');
    check(await nameErrors.count() === 1, `NameError among the frequent errors: ${await errors.textContent()}`);
    check(Number(await nameErrors.locator("td").first().textContent()) >= 3, "three NameErrors this week");
    await shot(teacher, "16-teacher-dashboard");

    // sorting by a topic marks the column; a cell opens the student's attempts and timeline on it
    await teacher.locator('thead th[data-topic-id="strings"] button').click();
    check(await teacher.locator('thead th[data-topic-id="strings"]').getAttribute("aria-sort") === "ascending", "sorted by strings");
    await row.locator('button.cell[data-topic-id="strings"]').click();
    const events = teacher.getByTestId("cell-events");
    await events.waitFor();
    check(await events.locator("tbody tr").count() >= 1, "the cell shows the student's attempts");
    await teacher.locator('[data-testid="timeline"] tbody tr').first().waitFor();
    await teacher.getByLabel("Verb").selectOption("answered");
    await teacher.getByText("No statements match.").waitFor();
    await shot(teacher, "17-teacher-cell-detail");

    const [csvDownload] = await Promise.all([teacher.waitForEvent("download"), teacher.getByTestId("export-csv").click()]);
    const csvPath = join(ARTIFACTS, "class-activity.csv");
    await csvDownload.saveAs(csvPath);
    const csv = readFileSync(csvPath, "utf8");
    const lines = csv.trim().split("\r\n");
    check(lines[0].startsWith("timestamp,student_id,student_name,verb"), `CSV header: ${lines[0]}`);
    check(lines.length >= 6, `CSV rows: ${lines.length}`);
    check(lines.slice(1).every((l) => l.includes(studentName)), "every row names the class's student");
    check(lines.some((l) => l.includes(",NameError,")) && lines.some((l) => l.includes(",answered,quiz,")), "runs and the quiz are in the CSV");
    await teacher.getByRole("link", { name: "Class" }).click();
    await teacher.waitForURL(/\/teacher$/);
  });

  await scenario("phone width (375 px): no sideways scrolling, navigation reachable", async () => {
    await student.setViewportSize({ width: 375, height: 812 });
    for (const [path, name] of [["/learn", "09-phone-tutor"], ["/code", "10-phone-code"], ["/progress", "11-phone-progress"]]) {
      await student.getByRole("link", { name: { "/learn": "Tutor", "/code": "Code", "/progress": "Progress" }[path] }).click();
      await student.waitForURL(new RegExp(`${path}$`));
      await student.locator("main h1").waitFor();
      if (path === "/progress") {
        // the history and calendar load after the modules: measure the page with them in it
        await student.locator(".module").first().waitFor();
        await student.getByTestId("streak-calendar").waitFor();
        await student.locator('[data-testid="mastery-chart"] canvas').first().waitFor();
      }
      check(await noHorizontalOverflow(student), `${path} scrolls sideways at 375 px`);
      await shot(student, name);
    }
    await teacher.setViewportSize({ width: 375, height: 812 });
    check(await noHorizontalOverflow(teacher), "teacher page scrolls sideways at 375 px");
    await shot(teacher, "12-phone-teacher");
  });

  await scenario("no page errors and no Content-Security-Policy violations", async () => {
    check(problems.length === 0, problems.join(" | "));
  });
} finally {
  await browser.close().catch(() => {});
}

const passedCount = results.filter((r) => r.status === "passed").length;
const failedCount = results.filter((r) => r.status !== "passed").length;
writeFileSync(join(ARTIFACTS, "timings.json"), JSON.stringify({ gateway: GATEWAY, results, consoleErrors: consoleNotes }, null, 2));
if (consoleNotes.length) console.log(`NOTE console errors (not failures): ${consoleNotes.slice(0, 10).join(" | ")}`);
console.log(`browser: ${passedCount} passed, ${failedCount} failed`);
process.exit(failedCount === 0 ? 0 : 1);
