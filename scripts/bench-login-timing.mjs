// Sign-in timing by name (issue 17, item 5): a wrong password for a real user vs any password for a name that
// does not exist, against a running console. A benchmark, not a test: it prints both medians and their
// difference; the unit test (lib/auth/password.test.ts) shows the work is the same.
//   VOLDECK_URL=http://127.0.0.1:3000 VOLDECK_API_TOKEN=… node scripts/bench-login-timing.mjs [samples]
// Each user name is tried once, each attempt from its own loopback address (127.0.0.7x), so the sign-in
// limits' delays never apply and 127.0.0.1 is never counted against.
import { randomBytes } from "node:crypto";
import http from "node:http";

const base = new URL(process.env.VOLDECK_URL ?? "http://127.0.0.1:3000");
const token = process.env.VOLDECK_API_TOKEN;
const samples = Number(process.argv[2] ?? 15);
if (!token) throw new Error("set VOLDECK_API_TOKEN (an admin token)");

const api = (path, method, body) =>
  fetch(new URL(path, base), { method, headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: body && JSON.stringify(body) });

function timedLogin(username, from) {
  const body = JSON.stringify({ username, password: "certainly-not-the-password" });
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        host: base.hostname,
        port: base.port,
        path: "/api/auth/login",
        method: "POST",
        localAddress: from,
        agent: false,
        headers: { "Content-Type": "application/json", Origin: base.origin },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const users = [];
try {
  for (let i = 0; i < samples; i++) {
    const username = `bench-${randomBytes(4).toString("hex")}`;
    const answer = await api("/api/users", "POST", { username, password: randomBytes(12).toString("base64url"), role: "viewer" });
    if (answer.status !== 201) throw new Error(`creating a user: ${answer.status} ${await answer.text()}`);
    users.push(username);
  }
  const known = [];
  const unknown = [];
  for (let i = 0; i < samples; i++) {
    const from = `127.0.0.${70 + (i % 20)}`;
    // Interleaved, so load on the machine falls on both alike.
    const a = await timedLogin(users[i], from);
    const b = await timedLogin(`nobody-${randomBytes(4).toString("hex")}`, from);
    if (a.status !== 401 || b.status !== 401) throw new Error(`expected 401s, got ${a.status} and ${b.status}`);
    known.push(a.ms);
    unknown.push(b.ms);
  }
  const [k, u] = [median(known), median(unknown)];
  console.log(`wrong password, real user: median ${k.toFixed(1)} ms (${samples} samples)`);
  console.log(`unknown user name:         median ${u.toFixed(1)} ms (${samples} samples)`);
  console.log(`difference: ${(u - k).toFixed(1)} ms (${((100 * (u - k)) / k).toFixed(1)} %); unknown / real: ${(u / k).toFixed(2)}×`);
} finally {
  for (const u of users) await api(`/api/users/${u}`, "DELETE");
}
