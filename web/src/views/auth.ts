import { ApiError, login, register } from "../api";
import { field, h } from "../dom";
import type { View } from "../main";

function nextPath(fallback: string): string {
  const next = new URLSearchParams(location.search).get("next");
  return next && next.startsWith("/") && !next.startsWith("//") ? next : fallback;
}

function homeFor(role: string): string {
  return role === "student" ? "/learn" : "/teacher";
}

function errorBox(): HTMLDivElement {
  return h("div", { class: "error-box", role: "alert", hidden: true });
}

function showError(box: HTMLElement, e: unknown): void {
  box.hidden = false;
  box.textContent = e instanceof ApiError ? e.describe() : "Something went wrong. Please try again.";
}

export const loginView: View = (container, ctx) => {
  const email = h("input", { type: "email", name: "email", autocomplete: "username", required: true });
  const password = h("input", { type: "password", name: "password", autocomplete: "current-password", required: true });
  const submit = h("button", { type: "submit" }, "Log in");
  const errors = errorBox();
  const form = h("form", { class: "card auth-form", novalidate: false },
    h("h1", null, "Log in to LearnFlow"),
    h("p", { class: "lead" }, "Your Python tutor: ask questions, run code, solve exercises and watch your mastery grow."),
    errors,
    field("E-mail", email),
    field("Password", password),
    h("div", { class: "actions" }, submit),
    h("p", null, "New here? ", h("a", { href: "/register", "data-link": "" }, "Create an account")));
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    errors.hidden = true;
    submit.disabled = true;
    submit.textContent = "Logging in…";
    try {
      const s = await login(email.value.trim(), password.value);
      ctx.navigate(nextPath(homeFor(s.user.role)));
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
      submit.textContent = "Log in";
      email.focus();
    }
  });
  container.append(h("div", { class: "auth" }, form));
  email.focus();
};

export const registerView: View = (container, ctx) => {
  const name = h("input", { type: "text", name: "displayName", autocomplete: "name", required: true, maxlength: 80 });
  const email = h("input", { type: "email", name: "email", autocomplete: "email", required: true, maxlength: 254 });
  const password = h("input", {
    type: "password", name: "password", autocomplete: "new-password", required: true, minlength: 8, maxlength: 128,
  });
  const roleStudent = h("input", { type: "radio", name: "role", value: "student", id: "role-student", checked: true });
  const roleTeacher = h("input", { type: "radio", name: "role", value: "teacher", id: "role-teacher" });
  const classCode = h("input", {
    type: "text", name: "teacherId", autocomplete: "off", spellcheck: "false",
    pattern: "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}",
    placeholder: "e.g. 3f2c…",
  });
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  const timezone = h("input", { type: "text", name: "timezone", required: true, value: zone, maxlength: 64 });
  const classField = field("Class code (optional)", classCode, "Your teacher shows it on their class page.");
  const submit = h("button", { type: "submit" }, "Create account");
  const errors = errorBox();

  const syncRole = () => {
    classField.hidden = !roleStudent.checked;
  };
  roleStudent.addEventListener("change", syncRole);
  roleTeacher.addEventListener("change", syncRole);

  const form = h("form", { class: "card auth-form" },
    h("h1", null, "Create your LearnFlow account"),
    errors,
    field("Your name", name),
    field("E-mail", email),
    field("Password", password, "At least 8 characters."),
    h("fieldset", { class: "roles" },
      h("legend", null, "I am a"),
      h("div", { class: "radio" }, roleStudent, h("label", { for: "role-student" }, "Student")),
      h("div", { class: "radio" }, roleTeacher, h("label", { for: "role-teacher" }, "Teacher"))),
    classField,
    field("Time zone", timezone, "Your daily streak follows this time zone."),
    h("div", { class: "actions" }, submit),
    h("p", null, "Already registered? ", h("a", { href: "/login", "data-link": "" }, "Log in")));

  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    errors.hidden = true;
    if (!form.reportValidity()) return;
    submit.disabled = true;
    submit.textContent = "Creating…";
    const role = roleTeacher.checked ? "teacher" : "student";
    try {
      const s = await register({
        email: email.value.trim(),
        password: password.value,
        displayName: name.value.trim(),
        role,
        timezone: timezone.value.trim(),
        ...(role === "student" && classCode.value.trim() ? { teacherId: classCode.value.trim() } : {}),
      });
      ctx.navigate(homeFor(s.user.role));
    } catch (err) {
      showError(errors, err);
      submit.disabled = false;
      submit.textContent = "Create account";
      errors.focus?.();
    }
  });
  container.append(h("div", { class: "auth" }, form));
  syncRole();
  name.focus();
};
