// A throwaway certificate authority with a server certificate (for 127.0.0.1) and client certificates, made
// with the openssl command line, as an admin would for a Docker engine's --tlsverify.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

export type Pki = {
  dir: string;
  /** PEM text of each part; files of the same names sit in `dir`. */
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  files: { ca: string; serverCert: string; serverKey: string };
  remove: () => void;
};

function openssl(dir: string, ...args: string[]): void {
  execFileSync("openssl", args, { cwd: dir, stdio: ["ignore", "ignore", "pipe"] });
}

/** A CA signing a server certificate for IP 127.0.0.1 and a client certificate (extendedKeyUsage clientAuth). */
export function makePki(name = "voldeck-test"): Pki {
  const dir = mkdtempSync(path.join(os.tmpdir(), "voldeck-pki-"));
  openssl(dir, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", `/CN=${name} CA`, "-keyout", "ca-key.pem", "-out", "ca.pem");
  writeFileSync(path.join(dir, "server.ext"), "subjectAltName = IP:127.0.0.1\nextendedKeyUsage = serverAuth\n");
  writeFileSync(path.join(dir, "client.ext"), "extendedKeyUsage = clientAuth\n");
  for (const who of ["server", "client"]) {
    openssl(dir, "req", "-newkey", "rsa:2048", "-nodes", "-subj", `/CN=${name} ${who}`, "-keyout", `${who}-key.pem`, "-out", `${who}.csr`);
    openssl(
      dir,
      "x509",
      "-req",
      "-in",
      `${who}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca-key.pem",
      "-CAcreateserial",
      "-days",
      "2",
      "-extfile",
      `${who}.ext`,
      "-out",
      `${who}-cert.pem`,
    );
  }
  const read = (f: string) => readFileSync(path.join(dir, f), "utf8");
  return {
    dir,
    ca: read("ca.pem"),
    serverCert: read("server-cert.pem"),
    serverKey: read("server-key.pem"),
    clientCert: read("client-cert.pem"),
    clientKey: read("client-key.pem"),
    files: { ca: path.join(dir, "ca.pem"), serverCert: path.join(dir, "server-cert.pem"), serverKey: path.join(dir, "server-key.pem") },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
