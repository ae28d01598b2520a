import type http from "node:http";
import { Client, type ClientChannel, type ConnectConfig } from "ssh2";
import { ChannelAgent, ChannelSocket } from "./ssh-channel-socket";

// Our own SSH transport, and why: docker-modem's opens a new SSH connection, and starts a new
// `docker system dial-stdio` on the host, for every request. That costs about 0.8 s a call on an idle machine
// here (key exchange, sshd's processes, the docker CLI), several seconds on a loaded one, where a list of three
// calls then ran past the call deadline and the engine was reported as not answering. This transport keeps SSH
// connections open and opens one `docker system dial-stdio` channel per HTTP connection, which HTTP keep-alive
// then reuses, as the docker CLI's own SSH helper does. Errors are ssh2's own (their `level` says which step
// failed), so lib/engines/connect-error.ts reads them as before.

/** OpenSSH allows 10 sessions per connection by default (MaxSessions); stay below it. */
const CHANNELS_PER_CONNECTION = 8;
/**
 * A connection that opens no channel within this is ended (its calls' deadlines report the engine): a connection
 * kept open can die silently (a NAT or firewall forgets it), and the next calls take a new one. SSH keepalives
 * end such a connection on their own too, after about three intervals.
 */
const CHANNEL_OPEN_MS = 10_000;
const KEEPALIVE_MS = 15_000;

type Connection = { client: Client; ready: Promise<void>; open: number; usable: boolean; idle?: NodeJS.Timeout };

export type SshTransportOptions = {
  /** Keep HTTP connections (and so the SSH connection) for the next calls: for the cached clients of an engine. */
  keepAlive: boolean;
  /** How long an SSH connection with no channel stays open. */
  idleMs: number;
};

export class SshTransport {
  readonly agent: http.Agent;
  private connections: Connection[] = [];
  private closed = false;

  constructor(
    private readonly config: ConnectConfig,
    private readonly options: SshTransportOptions,
  ) {
    this.agent = new ChannelAgent(options.keepAlive, (callback) => {
      this.openChannel().then(
        (channel) => callback(null, new ChannelSocket(channel)),
        (e: unknown) => callback(e as Error),
      );
    });
  }

  /** Ends every SSH connection (the engine was changed or removed); calls in flight fail. */
  close(): void {
    this.closed = true;
    this.agent.destroy();
    for (const c of this.connections) c.client.end();
    this.connections = [];
  }

  private async openChannel(): Promise<ClientChannel> {
    if (this.closed) throw new Error("this engine's SSH transport was closed (the engine was changed or removed)");
    const reused = this.connections.find((c) => c.usable && c.open < CHANNELS_PER_CONNECTION);
    const connection = reused ?? this.connect();
    try {
      return await this.exec(connection);
    } catch (e) {
      // A host that allows fewer sessions per connection refuses the channel, not the connection: use another.
      if (!reused || !isChannelRefusal(e)) throw e;
      connection.usable = false;
      return this.exec(this.connect());
    }
  }

  private async exec(connection: Connection): Promise<ClientChannel> {
    connection.open++;
    clearTimeout(connection.idle);
    try {
      await connection.ready;
      const channel = await new Promise<ClientChannel>((resolve, reject) => {
        let gaveUp = false;
        const late = setTimeout(() => {
          gaveUp = true;
          connection.usable = false;
          connection.client.destroy(); // its other channels, idle ones included, go with it
          reject(new Error(`the SSH server did not open a channel within ${CHANNEL_OPEN_MS / 1000} s`));
        }, CHANNEL_OPEN_MS);
        connection.client.exec("docker system dial-stdio", (err, ch) => {
          clearTimeout(late);
          if (gaveUp) {
            ch?.close(); // too late: nobody waits for it
          } else if (err) reject(err);
          else resolve(ch);
        });
      });
      channel.once("close", () => this.release(connection));
      return channel;
    } catch (e) {
      this.release(connection);
      throw e;
    }
  }

  private release(connection: Connection): void {
    connection.open--;
    if (connection.open > 0) return;
    if (!connection.usable || this.options.idleMs <= 0) return this.drop(connection);
    connection.idle = setTimeout(() => this.drop(connection), this.options.idleMs).unref();
  }

  private connect(): Connection {
    const client = new Client();
    const connection: Connection = { client, open: 0, usable: true, ready: Promise.resolve() };
    connection.ready = new Promise<void>((resolve, reject) => {
      client.once("ready", resolve);
      // Closed before "ready" without an error: the server hung up at once (sshd's MaxStartups), or close().
      client.once("close", () => reject(Object.assign(new Error("the SSH connection closed before it was ready"), { level: "client-socket" })));
      client.on("error", (e) => {
        connection.usable = false;
        reject(e); // before "ready": the connection's own failure; after it, the channels report theirs
      });
    });
    connection.ready.catch(() => this.drop(connection));
    client.once("close", () => this.drop(connection));
    // Throws for settings ssh2 refuses before connecting (a key it cannot read): then it is not kept.
    client.connect({ keepaliveInterval: KEEPALIVE_MS, keepaliveCountMax: 3, ...this.config });
    this.connections.push(connection);
    return connection;
  }

  private drop(connection: Connection): void {
    connection.usable = false;
    clearTimeout(connection.idle);
    this.connections = this.connections.filter((c) => c !== connection);
    connection.client.end();
  }
}

function isChannelRefusal(e: unknown): boolean {
  return e instanceof Error && /Channel open failure|open failed/i.test(e.message);
}
