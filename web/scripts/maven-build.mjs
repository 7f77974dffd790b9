// Called by web/pom.xml (exec-maven-plugin): `npm ci`, then `npm run build` into the jar's META-INF/resources.
// Each step is skipped when its inputs did not change since it last succeeded (stamps hold SHA-256 hashes), so a
// repeated `mvn verify` costs nothing here; delete node_modules/ or target/ to force them.
import { createHash } from "node:crypto";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const web = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = resolve(web, process.argv[2] ?? "target/classes/META-INF/resources");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";

function hashOf(paths) {
  const hash = createHash("sha256");
  const visit = (p) => {
    if (!existsSync(p)) return;
    if (statSync(p).isDirectory()) {
      for (const name of readdirSync(p).sort()) visit(join(p, name));
    } else {
      hash.update(relative(web, p)).update("\0").update(readFileSync(p)).update("\0");
    }
  };
  paths.forEach((p) => visit(resolve(web, p)));
  return hash.digest("hex");
}

function stamped(stampFile, hash) {
  return existsSync(stampFile) && readFileSync(stampFile, "utf8").trim() === hash;
}

function run(args) {
  console.log(`[web] npm ${args.join(" ")}`);
  const r = spawnSync(npm, args, { cwd: web, stdio: "inherit", env: process.env });
  if (r.status !== 0) {
    console.error(`[web] npm ${args.join(" ")} failed (${r.error ?? `exit ${r.status}`})`);
    process.exit(r.status || 1);
  }
}

// 1. dependencies, exactly as locked
const lockHash = hashOf(["package-lock.json"]);
const depsStamp = join(web, "node_modules", ".learnflow-lock.sha256");
if (stamped(depsStamp, lockHash)) {
  console.log("[web] node_modules matches package-lock.json: npm ci skipped");
} else {
  run(["ci", "--no-audit", "--no-fund", "--prefer-offline"]);
  writeFileSync(depsStamp, lockHash + "\n");
}

// 2. the bundle
// ../contracts/schemas: the answer types are generated from them (scripts/schema-types.mjs) before tsc
const buildHash = hashOf(["package-lock.json", "package.json", "index.html", "tsconfig.json", "vite.config.ts", "src",
  "public", "scripts/schema-types.mjs", "../contracts/schemas"]);
const buildStamp = join(web, "target", "web-build.sha256");
if (stamped(buildStamp, buildHash) && existsSync(join(outDir, "index.html"))) {
  console.log("[web] sources unchanged since the last build: npm run build skipped");
} else {
  run(["run", "build", "--", "--outDir", outDir, "--emptyOutDir", "--logLevel", "warn"]);
  mkdirSync(dirname(buildStamp), { recursive: true });
  writeFileSync(buildStamp, buildHash + "\n");
}
