import { createPrivateKey, X509Certificate } from "node:crypto";
import { utils as sshUtils } from "ssh2";
import type { EngineMaterial } from "@/lib/docker/engine-config";

// Pure: checks the key material an admin uploads before anything is stored, so a typo is a 400 with a reason
// now rather than a TLS or SSH failure later. Never echoes the material back. Unit-tested.

const CERT_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function certificates(pem: string, what: string): X509Certificate[] {
  const blocks = pem.match(CERT_BLOCK) ?? [];
  if (!blocks.length) throw new Error(`${what} is not a PEM certificate (expected "-----BEGIN CERTIFICATE-----").`);
  return blocks.map((block) => {
    try {
      return new X509Certificate(block);
    } catch {
      throw new Error(`${what} has a PEM block that is not a valid certificate.`);
    }
  });
}

/** Throws an Error whose message says which part is wrong; answers the material trimmed. */
export function checkTls(tls: { ca: string; cert: string; key: string }): NonNullable<EngineMaterial["tls"]> {
  certificates(tls.ca, "The CA certificate");
  const [cert] = certificates(tls.cert, "The client certificate");
  if (!/-----BEGIN (RSA |EC )?PRIVATE KEY-----/.test(tls.key)) {
    const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(tls.key);
    throw new Error(
      encrypted
        ? "The client key is encrypted; Docker's TLS needs an unencrypted key (openssl pkey -in key.pem -out plain.pem)."
        : 'The client key is not a PEM private key (expected "-----BEGIN PRIVATE KEY-----" or "-----BEGIN RSA PRIVATE KEY-----").',
    );
  }
  let key;
  try {
    key = createPrivateKey(tls.key);
  } catch {
    throw new Error("The client key is not a valid private key.");
  }
  if (!cert.checkPrivateKey(key)) throw new Error("The client key does not belong to the client certificate.");
  return { ca: tls.ca.trim() + "\n", cert: tls.cert.trim() + "\n", key: tls.key.trim() + "\n" };
}

export function checkSsh(ssh: { privateKey: string; passphrase?: string }): NonNullable<EngineMaterial["ssh"]> {
  const privateKey = ssh.privateKey.trim() + "\n";
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(privateKey)) {
    throw new Error('The SSH private key is not a private key file (expected "-----BEGIN OPENSSH PRIVATE KEY-----" or similar).');
  }
  const parsed = sshUtils.parseKey(privateKey, ssh.passphrase || undefined);
  if (parsed instanceof Error) {
    if (/passphrase/i.test(parsed.message) || /encrypted/i.test(parsed.message)) {
      throw new Error(ssh.passphrase ? "The passphrase does not open this SSH private key." : "This SSH private key is encrypted: give its passphrase.");
    }
    throw new Error(`The SSH private key cannot be read: ${parsed.message}.`);
  }
  return { privateKey, ...(ssh.passphrase ? { passphrase: ssh.passphrase } : {}) };
}
