import http from "node:http";
import type { Duplex } from "node:stream";
import { Client, type ClientChannel, type ConnectConfig } from "ssh2";

// Our own SSH transport, and why: docker-modem's opens a new SSH connection, and starts a new
// `docker system dial-stdio` on the host, for every request. That costs about 0.8 s a call on an idle machine
// here (key exchange, sshd's processes, the docker CLI), several seconds on a loaded one, where a list of three
// calls then ran past the call deadline and the engine was reported as not answering. This transport keeps SSH
// connections open and opens one `docker system dial-stdio` channel per HTTP connection, which HTTP keep-alive
// then reuses, as the docker CLI's own SSH helper does. Errors are ssh2's own (their `level` says which step
// failed), so lib/engines/connect-error.ts reads them as before.

/** OpenSSH allows 10 sessions per connection by default (MaxSessions); stay below it. */
const CHANNELS_PER_CONNECTION = 8;
/** Idle HTTP connections kept for the next call; more wait in the queue of no one. */
const FREE_CHANNELS = 4;
/** An idle HTTP connection is closed after this (its dial-stdio process on the host ends with it). */
const FREE_CHANNEL_MS = 15_000;
/**
 * A connection that opens no channel within this is not used again (its calls' deadlines report the engine):
 * a connection kept open can die silently (a NAT or firewall forgets it), and the next calls take a new one.
 * SSH keepalives end such a connection on their own after about three intervals.
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
        (channel) => callback(null, asSocket(channel)),
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
          reject(new Error(`the SSH server did not open a channel within ${CHANNEL_OPEN_MS / 1000} s`));
        }, CHANNEL_OPEN_MS);
        connection.client.exec("docker system dial-stdio", (err, ch) => {
          clearTimeout(late);
          if (gaveUp)
            ch?.close(); // too late: nobody waits for it
          else if (err) reject(err);
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
      client.on("error", (e) => {
        connection.usable = false;
        reject(e); // before "ready": the connection's own failure; after it, the channels report theirs
      });
    });
    connection.ready.catch(() => this.drop(connection));
    client.once("close", () => this.drop(connection));
    try {
      client.connect({ keepaliveInterval: KEEPALIVE_MS, keepaliveCountMax: 3, ...this.config });
    } catch (e) {
      throw e; // settings ssh2 refuses before connecting (a key it cannot read)
    }
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

/**
 * What Node's HTTP client and agent ask of a socket beyond a duplex stream. Keep-alive and Nagle belong to the
 * SSH connection's TCP socket, and the agent's ref/unref to its own sockets; a channel has none of them.
 * `timeout` 0 tells the agent no socket timeout is set, so it never calls setTimeout (docker-modem's timeout
 * becomes a connection timeout over SSH: lib/docker/clients.ts).
 */
function asSocket(channel: ClientChannel): Duplex {
  const noop = () => channel;
  return Object.assign(channel, { setKeepAlive: noop, setNoDelay: noop, ref: noop, unref: noop, timeout: 0 });
}

type Connect = (callback: (err: Error | null, socket?: Duplex) => void) => void;

/** An HTTP agent whose connections are dial-stdio channels; idle ones are kept a while for the next call. */
class ChannelAgent extends http.Agent {
  private expiries = new WeakMap<Duplex, NodeJS.Timeout>();

  constructor(
    keepAlive: boolean,
    private readonly connect: Connect,
  ) {
    super({ keepAlive, maxFreeSockets: FREE_CHANNELS });
  }

  override createConnection(_options: unknown, callback: (err: Error | null, socket?: Duplex) => void): undefined {
    this.connect(callback);
  }

  override keepSocketAlive(socket: Duplex): boolean {
    // @types/node says void; Node returns whether the socket may be kept (a server's short keep-alive hint).
    if (!(super.keepSocketAlive(socket) as unknown as boolean)) return false;
    const expire = () => {
      socket.emit("agentRemove"); // out of the free list first, so that no call is handed a closing channel
      socket.destroy();
    };
    this.expiries.set(socket, setTimeout(expire, FREE_CHANNEL_MS).unref());
    return true;
  }

  override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
    clearTimeout(this.expiries.get(socket));
    this.expiries.delete(socket);
    super.reuseSocket(socket, request);
  }
}
