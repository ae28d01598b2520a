// The image test's setup (scripts/run-tests.mjs): no registry is reachable here, so the Dockerfile's base
// image is made from Debian's packages — a debootstrap of bookworm (network-bound: started first, in the
// background) plus this machine's own Node runtime and npm, laid out as the official node image does — and
// imported into a PRIVATE engine under the name the Dockerfile uses. Then the real Dockerfile is built there.
// Never the machine's default daemon: every call names the private engine's socket.
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const EXTRA_CAS = "/usr/local/share/ca-certificates";
const MIRROR = process.env.VOLDECK_DEBIAN_MIRROR || "http://deb.debian.org/debian";

/** The images the Dockerfile's FROM lines pull (not its own stages); the test makes all from one rootfs. */
export function baseImages(dockerfile = path.join(root, "Dockerfile")) {
  const stages = new Set();
  const images = [];
  for (const [, image, stage] of readFileSync(dockerfile, "utf8").matchAll(/^FROM\s+(\S+)(?:\s+AS\s+(\S+))?/gim)) {
    if (!stages.has(image.toLowerCase()) && !images.includes(image)) images.push(image);
    if (stage) stages.add(stage.toLowerCase());
  }
  return images;
}

function run(cmd, args, opts = {}, onChild = () => {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "pipe", "pipe"], ...opts });
    onChild(child);
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0 ? resolve(out) : reject(new Error(`${cmd} ${args.slice(0, 3).join(" ")} … exited with ${code}:\n${out.slice(-3000)}`)),
    );
  });
}

/** Node, npm and Node's headers where the official node image has them (/usr/local), and its "node" user. */
function addNodeRuntime(rootfs) {
  const nodeBin = process.execPath;
  const npmDir = path.resolve(path.dirname(realpathSync(execFileSync("sh", ["-c", "command -v npm"]).toString().trim())), "..");
  const headers = path.resolve(path.dirname(nodeBin), "../include/node");
  const local = path.join(rootfs, "usr/local");
  mkdirSync(path.join(local, "bin"), { recursive: true });
  mkdirSync(path.join(local, "lib/node_modules"), { recursive: true });
  cpSync(nodeBin, path.join(local, "bin/node"));
  cpSync(npmDir, path.join(local, "lib/node_modules/npm"), { recursive: true });
  // This machine's own npm settings (its cafile, its nodedir) are not the official image's.
  rmSync(path.join(local, "lib/node_modules/npm/npmrc"), { force: true });
  cpSync(headers, path.join(local, "include/node"), { recursive: true });
  symlinkSync("../lib/node_modules/npm/bin/npm-cli.js", path.join(local, "bin/npm"));
  symlinkSync("../lib/node_modules/npm/bin/npx-cli.js", path.join(local, "bin/npx"));
  execFileSync("chroot", [rootfs, "sh", "-c", "groupadd --gid 1000 node && useradd --uid 1000 --gid node --shell /bin/bash --create-home node"]);
  writeFileSync(
    path.join(rootfs, "etc/apt/sources.list"),
    ["bookworm", "bookworm-updates"].map((s) => `deb ${MIRROR} ${s} main\n`).join("") + "deb http://deb.debian.org/debian-security bookworm-security main\n",
  );
  // Where the network's TLS is intercepted (a sandbox's or a company's egress proxy), this machine trusts extra
  // CAs: the base image made here trusts them too, as an image made on this network would. The builder's
  // ca-certificates package adds them to the system bundle, which NODE_EXTRA_CA_CERTS (see importBase) gives
  // to npm. Nothing of this is in the Dockerfile.
  if (existsSync(EXTRA_CAS)) cpSync(EXTRA_CAS, path.join(rootfs, EXTRA_CAS), { recursive: true });
  rmSync(path.join(rootfs, "var/cache/apt/archives"), { recursive: true, force: true });
  mkdirSync(path.join(rootfs, "var/cache/apt/archives/partial"), { recursive: true });
}

/**
 * Starts the debootstrap now. `ready` gives the finished rootfs (with Node) and how long it took; `cancel()`
 * stops a debootstrap still running (a run that ends early should not wait minutes for it). A failed debootstrap
 * is tried once more, into a directory of its own: it fetches from the mirror, and one network hiccup should not
 * fail the run (a real fault fails twice).
 */
export function startBaseRootfs(work) {
  const started = Date.now();
  let child = null;
  let cancelled = false;
  const debootstrap = (rootfs) =>
    run("nice", ["-n", "19", "debootstrap", "--variant=minbase", "bookworm", rootfs, MIRROR], {}, (c) => (child = c)).then(() => rootfs);
  const ready = debootstrap(path.join(work, "image-rootfs"))
    .catch((e) => {
      if (cancelled) throw e;
      console.log(`voldeck tests: image stage: debootstrap failed, trying once more: ${e.message.split("\n")[0]}`);
      return debootstrap(path.join(work, "image-rootfs-2"));
    })
    .then((rootfs) => {
      addNodeRuntime(rootfs);
      return { rootfs, seconds: (Date.now() - started) / 1000 };
    });
  ready.catch(() => {}); // awaited later; a failure is reported there, not as an unhandled rejection
  const cancel = async () => {
    cancelled = true;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await exited;
    }
    await ready.catch(() => {});
  };
  return { ready, cancel };
}

/** Imports the rootfs into the private engine under every base name the Dockerfile uses. */
export async function importBase(socket, rootfs) {
  const changes = ["ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", 'CMD ["node"]'];
  if (existsSync(EXTRA_CAS) && readdirSync(EXTRA_CAS).length) changes.push("ENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt");
  const [first, ...rest] = baseImages();
  const [repo, tag] = first.split(":");
  const query = new URLSearchParams({ fromSrc: "-", repo, tag: tag ?? "latest" });
  for (const c of changes) query.append("changes", c);
  const tar = spawn("tar", ["-C", rootfs, "--numeric-owner", "--exclude=./dev/*", "--exclude=./proc/*", "--exclude=./sys/*", "-c", "."], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  const answer = await new Promise((resolve, reject) => {
    const req = http.request(
      { socketPath: socket, method: "POST", path: `/images/create?${query}`, headers: { "Content-Type": "application/x-tar" } },
      (res) => {
        let body = "";
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      },
    );
    req.on("error", reject);
    tar.stdout.pipe(req);
  });
  if (answer.status !== 200 || answer.body.includes('"error"')) throw new Error(`importing ${first} failed: ${answer.status} ${answer.body.slice(-500)}`);
  for (const name of rest) {
    const [r, t] = name.split(":");
    await run("docker", ["-H", `unix://${socket}`, "tag", first, `${r}:${t ?? "latest"}`]);
  }
  return [first, ...rest];
}

/**
 * Builds the repository's Dockerfile on the private engine. `--network host` for the build only: its RUN
 * steps fetch Debian packages and the npm registry. The legacy builder: Debian's docker.io has no buildx.
 * A failed build is tried once more: the engine keeps the steps that finished, so the second try repeats only
 * the failed step (a network hiccup in apt or npm passes; a fault in the Dockerfile or the code fails again).
 */
export async function buildImage(socket, tag, logFile) {
  const build = () =>
    run("docker", ["-H", `unix://${socket}`, "build", "--network", "host", "--force-rm", "-t", tag, "."], {
      cwd: root,
      env: { ...process.env, DOCKER_BUILDKIT: "0" },
    });
  const out = await build().catch((e) => {
    console.log(`voldeck tests: image stage: docker build failed, trying once more:\n${e.message.slice(-1500)}`);
    return build();
  });
  if (logFile) writeFileSync(logFile, out);
  return out;
}
