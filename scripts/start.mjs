// Starts the built console. Listens on 127.0.0.1 unless HOST says otherwise, and says where.
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const host = process.env.HOST || "127.0.0.1";
const port = process.env.PORT || "3000";
if (!existsSync(`${process.env.VOLDECK_DIST_DIR || ".next"}/BUILD_ID`)) {
  console.error("voldeck: no build found; run `npm run build` first (the README's first command does both).");
  process.exit(1);
}
const nextBin = createRequire(import.meta.url).resolve("next/dist/bin/next");
console.log(`voldeck: listening on http://${host.includes(":") ? `[${host}]` : host}:${port}` +
  (host === "127.0.0.1" || host === "localhost" || host === "::1" ? " (this machine only; set HOST to change)" : " (reachable from other machines)"));
console.log(`voldeck: engine "local" is ${process.env.DOCKER_HOST || "unix:///var/run/docker.sock"}`);
const child = spawn(process.execPath, [nextBin, "start", "--hostname", host, "--port", port], { stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code) => process.exit(code ?? 1));
