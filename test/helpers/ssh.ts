// A private OpenSSH server on 127.0.0.1 for SSH engine tests: its own host key, config and authorized_keys;
// its sessions get DOCKER_HOST set to a private test engine, so `docker system dial-stdio` run "on that host"
// reaches that engine and never the machine's own Docker.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { freePort } from "./free-port";

export type TestSshd = {
  port: number;
  /** PEM text of a key the server accepts, and one it does not. */
  clientKey: string;
  clientPublicKey: string;
  wrongKey: string;
  /** The host key's fingerprint, as `ssh-keygen -l` prints it (SHA256:…). */
  hostKey: string;
  /** How many SSH connections the server has accepted so far (its log's "Accepted publickey" lines). */
  acceptedConnections: () => number;
  stop: () => Promise<void>;
};

function keygen(file: string, comment: string): void {
  execFileSync("ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-C", comment, "-f", file], { stdio: "ignore" });
}

async function waitForPort(port: number, child: ChildProcess, log: () => string): Promise<void> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}: ${log()}`);
    const open = await new Promise<boolean>((resolve) => {
      const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
      s.on("error", () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`sshd did not listen on ${port}: ${log()}`);
}

/** The processes sshd `pid` forked for its connections (each serving one client connection). */
function sessionPids(pid: number): number[] {
  return readdirSync("/proc")
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        // /proc/<pid>/stat: "pid (comm) state ppid …"; comm may hold spaces, so read after its closing parenthesis.
        const stat = readFileSync(`/proc/${name}/stat`, "utf8");
        return Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) === pid;
      } catch {
        return false; // ended meanwhile
      }
    })
    .map(Number);
}

/**
 * `port` and `client`: listen there and accept that client's key (a restart with a new host key on the same
 * address, as a reinstalled host); else a free port and a new client key.
 */
export async function startSshd({
  dockerHost,
  port: fixedPort,
  client,
  pathEnv = "/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
}: {
  dockerHost: string;
  port?: number;
  client?: TestSshd;
  /** The sessions' PATH (one without the docker CLI: a host where dial-stdio cannot run). */
  pathEnv?: string;
}): Promise<TestSshd> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-sshd-"));
  keygen(path.join(dir, "host_key"), "host");
  if (client) {
    writeFileSync(path.join(dir, "client_key"), client.clientKey, { mode: 0o600 });
    writeFileSync(path.join(dir, "client_key.pub"), client.clientPublicKey);
  } else keygen(path.join(dir, "client_key"), "voldeck-test");
  keygen(path.join(dir, "wrong_key"), "stranger");
  writeFileSync(path.join(dir, "authorized_keys"), readFileSync(path.join(dir, "client_key.pub")), { mode: 0o600 });
  const port = fixedPort ?? (await freePort());
  writeFileSync(
    path.join(dir, "sshd_config"),
    [
      `Port ${port}`,
      "ListenAddress 127.0.0.1",
      `HostKey ${path.join(dir, "host_key")}`,
      `PidFile ${path.join(dir, "sshd.pid")}`,
      `AuthorizedKeysFile ${path.join(dir, "authorized_keys")}`,
      "PubkeyAuthentication yes",
      "PasswordAuthentication no",
      "KbdInteractiveAuthentication no",
      "PermitRootLogin prohibit-password",
      "UsePAM no",
      "StrictModes no",
      "Subsystem sftp internal-sftp", // SFTP repositories (restic) go through the same server
      `SetEnv DOCKER_HOST=${dockerHost} PATH=${pathEnv}`,
      "",
    ].join("\n"),
  );
  mkdirSync("/run/sshd", { recursive: true, mode: 0o755 }); // sshd's privilege separation directory
  const logFile = path.join(dir, "sshd.log");
  const child = spawn("/usr/sbin/sshd", ["-D", "-f", path.join(dir, "sshd_config"), "-E", logFile], { stdio: "ignore" });
  const log = () => {
    try {
      return readFileSync(logFile, "utf8");
    } catch {
      return "";
    }
  };
  await waitForPort(port, child, log);
  return {
    port,
    clientKey: readFileSync(path.join(dir, "client_key"), "utf8"),
    clientPublicKey: readFileSync(path.join(dir, "client_key.pub"), "utf8"),
    wrongKey: readFileSync(path.join(dir, "wrong_key"), "utf8"),
    hostKey: execFileSync("ssh-keygen", ["-l", "-f", path.join(dir, "host_key.pub")], { encoding: "utf8" }).split(" ")[1],
    acceptedConnections: () => log().match(/^.*Accepted publickey for /gm)?.length ?? 0,
    stop: async () => {
      if (child.exitCode === null) {
        // As a host going away: its open sessions end too (sshd leaves them running when only it stops), so a
        // console that keeps its SSH connections open meets the restarted server, not the old sessions.
        for (const pid of sessionPids(child.pid!)) {
          try {
            process.kill(pid, "SIGTERM");
          } catch {
            // that session ended meanwhile
          }
        }
        const exited = new Promise((r) => child.once("exit", r));
        child.kill("SIGTERM");
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
