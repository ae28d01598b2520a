// Real repository servers on 127.0.0.1 for the repository tests, one per kind the console speaks: a local
// path, SFTP through a private OpenSSH server, restic's REST protocol served by `rclone serve restic`, an
// S3-compatible server (s3rver, over HTTPS: restic's S3 client signs plain-HTTP uploads in a chunked
// encoding s3rver does not decode), and an rclone remote. Each gives the repository body the API takes and
// the means to run the plain restic CLI against the same repository.
import { execFile, execFileSync, spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { freePort } from "./free-port";
import { until } from "./poll";
import { startSshd } from "./ssh";

export type RepoKind = "local" | "sftp" | "rest" | "s3" | "rclone";

export type RepoTarget = {
  kind: RepoKind;
  /** The POST /api/repositories body without id and password. */
  body: Record<string, unknown>;
  /**
   * Runs the restic CLI on this repository with `password`; answers stdout (rejects on a failure). Never
   * synchronous: the S3 server answers from this very process.
   */
  cli: (password: string, args: string[]) => Promise<string>;
  /** Where the repository's files are on this machine (all test servers keep them on local disk). */
  dir: string;
};

export type ResticServers = { target: (kind: RepoKind, name: string) => RepoTarget; stop: () => Promise<void> };

const portOpen = (port: number) =>
  new Promise<boolean>((resolve) => {
    const s = net.connect(port, "127.0.0.1", () => (s.end(), resolve(true)));
    s.on("error", () => resolve(false));
  });

function cliRunner(dir: string, args: string[], env: Record<string, string>) {
  return async (password: string, more: string[]) => {
    const pw = path.join(dir, `.pw-${Date.now()}-${Math.random()}`);
    writeFileSync(pw, password, { mode: 0o600 });
    try {
      return await new Promise<string>((resolve, reject) =>
        execFile(
          "restic",
          [...args, ...more],
          { env: { PATH: process.env.PATH ?? "", HOME: dir, RESTIC_PASSWORD_FILE: pw, ...env } as unknown as NodeJS.ProcessEnv, maxBuffer: 64 << 20 },
          (err, stdout, stderr) => (err ? reject(new Error(`restic ${more.join(" ")}: ${stderr || err.message}`)) : resolve(stdout)),
        ),
      );
    } finally {
      rmSync(pw, { force: true });
    }
  };
}

export async function startResticServers(): Promise<ResticServers> {
  const root = mkdtempSync(path.join(os.tmpdir(), "voldeck-repos-"));
  const user = os.userInfo().username;
  const sshd = await startSshd({ dockerHost: "unix:///nonexistent.sock" });
  const keyFile = path.join(root, "client_key");
  writeFileSync(keyFile, sshd.clientKey, { mode: 0o600 });

  const restPort = await freePort();
  const restDir = path.join(root, "rest");
  const rest: ChildProcess = spawn("rclone", ["serve", "restic", "--addr", `127.0.0.1:${restPort}`, restDir], { stdio: "ignore" });
  await until("rclone serve restic to listen", () => portOpen(restPort), Boolean, { timeoutMs: 20_000, intervalMs: 100 });

  execFileSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-keyout",
      path.join(root, "s3.key"),
      "-out",
      path.join(root, "s3.crt"),
      "-days",
      "2",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
    ],
    { stdio: "ignore" },
  );
  const caCert = readFileSync(path.join(root, "s3.crt"), "utf8");
  const s3Dir = path.join(root, "s3");
  const s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory: s3Dir,
    key: readFileSync(path.join(root, "s3.key")),
    cert: caCert,
    configureBuckets: [{ name: "repos", configs: [] }],
  });
  const { port: s3Port } = await s3.run();

  const rcloneConf = "[disk]\ntype = local\n";
  const rcloneConfFile = path.join(root, "rclone.conf");
  writeFileSync(rcloneConfFile, rcloneConf);

  const target = (kind: RepoKind, name: string): RepoTarget => {
    switch (kind) {
      case "local": {
        const dir = path.join(root, "local", name);
        return { kind, dir, body: { kind, location: dir }, cli: cliRunner(root, ["-r", dir], {}) };
      }
      case "sftp": {
        const dir = path.join(root, "sftp", name);
        const command = `ssh -F /dev/null -i ${keyFile} -p ${sshd.port} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o BatchMode=yes -l ${user} 127.0.0.1 -s sftp`;
        return {
          kind,
          dir,
          body: { kind, location: `${user}@127.0.0.1:${sshd.port}:${dir}`, sftp: { privateKey: sshd.clientKey } },
          cli: cliRunner(root, ["-r", `sftp:${user}@127.0.0.1:${dir}`, "-o", `sftp.command=${command}`], {}),
        };
      }
      case "rest":
        return {
          kind,
          dir: path.join(restDir, name),
          body: { kind, location: `http://127.0.0.1:${restPort}/${name}/` },
          cli: cliRunner(root, ["-r", `rest:http://127.0.0.1:${restPort}/${name}/`], {}),
        };
      case "s3":
        return {
          kind,
          dir: path.join(s3Dir, "repos", name),
          body: {
            kind,
            location: `https://127.0.0.1:${s3Port}/repos/${name}`,
            s3: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER", pathStyle: true, caCert },
          },
          cli: cliRunner(root, ["-r", `s3:https://127.0.0.1:${s3Port}/repos/${name}`, "-o", "s3.bucket-lookup=path", "--cacert", path.join(root, "s3.crt")], {
            AWS_ACCESS_KEY_ID: "S3RVER",
            AWS_SECRET_ACCESS_KEY: "S3RVER",
          }),
        };
      case "rclone": {
        const dir = path.join(root, "rclone", name);
        return {
          kind,
          dir,
          body: { kind, location: `disk:${dir}`, rclone: { config: rcloneConf } },
          cli: cliRunner(root, ["-r", `rclone:disk:${dir}`], { RCLONE_CONFIG: rcloneConfFile }),
        };
      }
    }
  };

  return {
    target,
    stop: async () => {
      rest.kill("SIGTERM");
      await s3.close().catch(() => {});
      await sshd.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
}
