// Conformance probe: the official Dapr JavaScript SDK (@dapr/dapr, pinned in package-lock.json) against the
// LearnFlow local sidecar, over HTTP and gRPC. JsSdkProbeTest (local/sidecar, mvn verify) starts the sidecars and a
// small app, then runs `node probe.mjs` with these variables:
//   DAPR_HOST, PROBE_HTTP_PORT, PROBE_GRPC_PORT  the probe's own sidecar (app id PROBE_SELF_ID, no app)
//   PROBE_API_TOKEN                             the token that sidecar demands (dapr-api-token)
//   PROBE_APP_ID                                the other app: /echo, subscriber of PROBE_TOPIC, actor host
//   PROBE_STORE, PROBE_PUBSUB, PROBE_TOPIC, PROBE_ACTOR_TYPE
// It prints one row per check and exits 1 when any check fails (2 when it cannot run at all).
import { ActorId, ActorProxyBuilder, CommunicationProtocolEnum, DaprClient, HttpMethod, LogLevel,
  StateConcurrencyEnum } from "@dapr/dapr";
import { readFileSync } from "node:fs";

const env = (name) => {
  const v = process.env[name];
  if (!v) {
    console.error(`probe: ${name} is not set`);
    process.exit(2);
  }
  return v;
};
const host = env("DAPR_HOST");
const ports = { HTTP: env("PROBE_HTTP_PORT"), GRPC: env("PROBE_GRPC_PORT") };
const token = env("PROBE_API_TOKEN");
const selfId = env("PROBE_SELF_ID");
const appId = env("PROBE_APP_ID");
const store = env("PROBE_STORE");
const pubsub = env("PROBE_PUBSUB");
const topic = env("PROBE_TOPIC");
const actorType = env("PROBE_ACTOR_TYPE");
const sdkVersion = JSON.parse(readFileSync(new URL("./node_modules/@dapr/dapr/package.json", import.meta.url))).version;
const run = `${Date.now().toString(36)}`;

const results = [];
async function check(protocol, name, fn) {
  try {
    const detail = await fn();
    results.push({ protocol, name, ok: true, detail: detail ?? "" });
  } catch (e) {
    results.push({ protocol, name, ok: false, detail: String(e?.message ?? e).replace(/\s+/g, " ").slice(0, 140) });
  }
}
function expect(condition, message) {
  if (!condition) throw new Error(message);
}
function same(actual, expected, what) {
  expect(JSON.stringify(actual) === JSON.stringify(expected),
    `${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
}
/** The SDK's HTTP state client answers some failures with {error}, gRPC throws: both count as a refusal. */
async function refused(promise) {
  try {
    const r = await promise;
    return r && r.error ? String(r.error.message ?? r.error) : null;
  } catch (e) {
    return String(e?.message ?? e);
  }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function eventually(what, fn, timeoutMs = 8000) {
  const end = Date.now() + timeoutMs;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await sleep(100);
  }
  throw new Error(`timed out waiting for ${what}`);
}
const empty = (v) => v === "" || v === undefined || v === null || (typeof v === "object" && Object.keys(v).length === 0);

/** The actor type's methods, as the SDK's proxy calls them (the class name is the actor type). */
const ProbeActor = { [actorType]: class { async greet(_) {} async fail(_) {} } }[actorType];

function client(protocol) {
  return new DaprClient({
    daprHost: host,
    daprPort: ports[protocol],
    communicationProtocol: protocol === "HTTP" ? CommunicationProtocolEnum.HTTP : CommunicationProtocolEnum.GRPC,
    daprApiToken: token,
    logger: { level: LogLevel.Error },
  });
}

for (const protocol of ["HTTP", "GRPC"]) {
  const dapr = client(protocol);
  const key = (name) => `js-${run}-${protocol}-${name}`;

  await check(protocol, "state: save and get", async () => {
    const saved = await dapr.state.save(store, [{ key: key("a"), value: { n: 1, who: "ada" } }]);
    expect(!saved.error, `save failed: ${saved.error}`);
    same(await dapr.state.get(store, key("a")), { n: 1, who: "ada" }, "value");
  });
  await check(protocol, "state: bulk get with ETags", async () => {
    await dapr.state.save(store, [{ key: key("b"), value: "bee" }]);
    const items = await dapr.state.getBulk(store, [key("a"), key("b"), key("none")]);
    same(items.map((i) => i.key), [key("a"), key("b"), key("none")], "keys");
    same(items[1].data, "bee", "data");
    expect(/^\d+$/.test(String(items[0].etag)), `etag ${items[0].etag}`);
    expect(empty(items[2].data) && empty(items[2].etag), "missing key has data or etag");
    return `etag ${items[0].etag}`;
  });
  await check(protocol, "state: save with the current ETag", async () => {
    const [item] = await dapr.state.getBulk(store, [key("a")]);
    const r = await dapr.state.save(store, [{ key: key("a"), value: { n: 2 }, etag: item.etag }]);
    expect(!r.error, `refused: ${r.error}`);
    same(await dapr.state.get(store, key("a")), { n: 2 }, "value");
  });
  await check(protocol, "state: stale ETag refused", async () => {
    const why = await refused(dapr.state.save(store, [{ key: key("a"), value: { n: 3 }, etag: "1" }]));
    expect(why, "a stale ETag was accepted");
    same(await dapr.state.get(store, key("a")), { n: 2 }, "value after the refusal");
    return why.slice(0, 60);
  });
  await check(protocol, "state: first-write on an existing key refused", async () => {
    const why = await refused(dapr.state.save(store, [{ key: key("a"), value: { n: 4 },
      options: { concurrency: StateConcurrencyEnum.CONCURRENCY_FIRST_WRITE } }]));
    expect(why, "first-write overwrote an existing key");
    expect(why.includes("no item was updated"), `not state.postgresql's answer: ${why}`);
  });
  await check(protocol, "state: delete with a stale ETag refused, then deleted", async () => {
    const why = await refused(dapr.state.delete(store, key("b"), { etag: "1" }));
    expect(why, "a stale ETag deleted the key");
    const [item] = await dapr.state.getBulk(store, [key("b")]);
    const ok = await dapr.state.delete(store, key("b"), { etag: item.etag });
    expect(!ok?.error, `delete refused: ${ok?.error}`);
    expect(empty(await dapr.state.get(store, key("b"))), "still there");
  });
  // The SDK's gRPC transaction takes string values only (it does Buffer.from(value)); HTTP sends JSON.
  const txValue = protocol === "GRPC" ? JSON.stringify({ tx: true }) : { tx: true };
  await check(protocol, "state: transaction (upsert + delete)", async () => {
    await dapr.state.save(store, [{ key: key("t2"), value: "old" }]);
    await dapr.state.transaction(store, [
      { operation: "upsert", request: { key: key("t1"), value: txValue } },
      { operation: "delete", request: { key: key("t2") } },
    ]);
    same(await dapr.state.get(store, key("t1")), { tx: true }, "upserted");
    expect(empty(await dapr.state.get(store, key("t2"))), "not deleted");
  });
  await check(protocol, "state: failing transaction applies nothing", async () => {
    const why = await refused(dapr.state.transaction(store, [
      { operation: "upsert", request: { key: key("t3"), value: "new" } },
      { operation: "upsert", request: { key: key("t1"), value: "stale", etag: "1" } },
    ]));
    expect(why, "a transaction with a stale ETag was applied");
    expect(empty(await dapr.state.get(store, key("t3"))), "partial transaction");
  });
  await check(protocol, "state: TTL expires the value", async () => {
    await dapr.state.save(store, [{ key: key("ttl"), value: "brief", metadata: { ttlInSeconds: "1" } }]);
    same(await dapr.state.get(store, key("ttl")), "brief", "before expiry");
    await eventually("expiry", async () => empty(await dapr.state.get(store, key("ttl"))), 5000);
  });
  if (protocol === "HTTP") {
    await check(protocol, "state: bulk get shows ttlExpireTime", async () => {
      await dapr.state.save(store, [{ key: key("ttl2"), value: "x", metadata: { ttlInSeconds: "600" } }]);
      const [item] = await dapr.state.getBulk(store, [key("ttl2")]);
      expect(item.metadata?.ttlExpireTime, `no ttlExpireTime in ${JSON.stringify(item)}`);
      return item.metadata.ttlExpireTime;
    });
  }
  await check(protocol, "state: query (filter, sort, page)", async () => {
    // Over gRPC a value is stored as bytes unless its contentType says JSON (daprd too); only JSON is queryable.
    for (const [k, n] of [["q1", 2], ["q2", 1], ["q3", 3]]) {
      await dapr.state.save(store, [{ key: key(k), value: { run: `${run}-${protocol}`, n },
        metadata: { contentType: "application/json" } }]);
    }
    const page = await dapr.state.query(store, {
      filter: { EQ: { run: `${run}-${protocol}` } }, sort: [{ key: "n", order: "ASC" }], page: { limit: 2 },
    });
    same(page.results.map((r) => r.key), [key("q2"), key("q1")], "first page");
    const next = await dapr.state.query(store, {
      filter: { EQ: { run: `${run}-${protocol}` } }, sort: [{ key: "n", order: "ASC" }],
      page: { limit: 2, token: page.token },
    });
    same(next.results.map((r) => r.key), [key("q3")], "second page");
  });

  const received = async (t) => {
    const r = await dapr.invoker.invoke(appId, `received/${t}`, HttpMethod.GET);
    return Array.isArray(r) ? r : [];
  };
  await check(protocol, "pubsub: publish delivers a CloudEvent", async () => {
    const t = `${topic}`;
    const marker = `${run}-${protocol}-single`;
    const r = await dapr.pubsub.publish(pubsub, t, { marker });
    expect(!r?.error, `publish failed: ${r?.error}`);
    const events = await eventually("delivery", async () => {
      const all = await received(t);
      return all.filter((e) => e.data?.marker === marker).length ? all : null;
    });
    const e = events.find((x) => x.data?.marker === marker);
    same([e.specversion, e.type, e.source, e.topic, e.pubsubname], ["1.0", "com.dapr.event.sent", selfId, t, pubsub],
      "envelope");
  });
  await check(protocol, "pubsub: bulk publish delivers every entry", async () => {
    const a = `${run}-${protocol}-bulk-a`;
    const b = `${run}-${protocol}-bulk-b`;
    const r = await dapr.pubsub.publishBulk(pubsub, topic, [{ marker: a }, { marker: b }]);
    same(r.failedMessages ?? [], [], "failed messages");
    await eventually("both entries", async () => {
      const markers = (await received(topic)).map((e) => e.data?.marker);
      return markers.includes(a) && markers.includes(b);
    });
  });
  await check(protocol, "invoke: POST with a JSON body", async () => {
    const r = await dapr.invoker.invoke(appId, "echo", HttpMethod.POST, { hello: protocol });
    same([r.method, r.body, r.caller], ["POST", { hello: protocol }, selfId], "echo");
  });
  await check(protocol, "invoke: app error status reaches the caller", async () => {
    const why = await refused(dapr.invoker.invoke(appId, "missing-route", HttpMethod.GET));
    expect(why, "a 404 route answered as a success");
    return why.slice(0, 60);
  });
  await check(protocol, "metadata: app id and components with capabilities", async () => {
    const md = await dapr.metadata.get();
    expect(md.id === selfId, `id ${md.id}`);
    const comps = md.components ?? md.registeredComponents ?? [];
    const state = comps.find((c) => c.name === store);
    expect(state, `no ${store} in ${JSON.stringify(comps.map((c) => c.name))}`);
    expect((state.capabilities ?? []).includes("ETAG"), `capabilities ${JSON.stringify(state.capabilities)}`);
    expect(comps.some((c) => c.name === pubsub), `no ${pubsub}`);
    return (state.capabilities ?? []).join(",");
  });
  await check(protocol, "metadata: set and read back", async () => {
    await dapr.metadata.set(`probe-${protocol}`, run);
    const md = await dapr.metadata.get();
    const ext = md.extended ?? md.extendedMetadata ?? {};
    same(ext[`probe-${protocol}`], run, "extended metadata");
  });
  await check(protocol, "actor: invoke a method", async () => {
    const actor = new ActorProxyBuilder(ProbeActor, dapr).build(new ActorId(`${run}-${protocol}`));
    const r = await actor.greet({ from: protocol });
    // The SDK's proxy sends the method's arguments as a JSON array.
    same(r, { actor: `${run}-${protocol}`, method: "greet", body: [{ from: protocol }] }, "actor answer");
  });
  await check(protocol, "actor: a failing method is an error", async () => {
    const actor = new ActorProxyBuilder(ProbeActor, dapr).build(new ActorId(`${run}-${protocol}-f`));
    const why = await refused(actor.fail({}));
    expect(why, "the failing actor method answered as a success");
    return why.slice(0, 60);
  });
  await dapr.stop().catch(() => {});
}

// Every check above went through a sidecar that demands the API token, so the SDK sent it; the sidecar refuses a
// call without it (checked with a plain request: the SDK's clients wait a minute for a sidecar they cannot reach).
await check("HTTP", "auth: a call without the API token is refused (401)", async () => {
  const r = await fetch(`http://${host}:${ports.HTTP}/v1.0/metadata`);
  same(r.status, 401, "status");
});

const widths = [8, 54, 6];
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i] ?? 0)).join(" | ");
console.log(`Dapr JavaScript SDK ${sdkVersion} against the LearnFlow local sidecar`);
console.log(line(["protocol", "check", "result", "detail"]));
console.log(line(["-".repeat(8), "-".repeat(54), "-".repeat(6), "-".repeat(20)]));
for (const r of results) {
  console.log(line([r.protocol, r.name, r.ok ? "PASS" : "FAIL", r.detail]));
}
const failed = results.filter((r) => !r.ok).length;
console.log(`JS SDK probe: ${results.length - failed} of ${results.length} checks passed`);
process.exit(failed === 0 ? 0 : 1);
