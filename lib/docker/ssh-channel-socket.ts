import http from "node:http";
import { Duplex } from "node:stream";
import type { ClientChannel } from "ssh2";

/**
 * A `docker system dial-stdio` channel as Node's HTTP client wants a socket. Why a stream of our own around it:
 * ssh2's channel ignores destroy's error and emits "close" only once the server has confirmed the close and its
 * end was read. A request aborted at its deadline then never ended (a paused engine: sshd waits for dial-stdio,
 * which waits for the engine), and a channel destroyed while idle stayed writable in the agent's free list. This
 * stream is destroyed at once, as a net.Socket is; the channel is closed behind it and drained so that ssh2 can
 * finish it (the transport counts the channel open until then: the host counts its session until then too).
 */
export class ChannelSocket extends Duplex {
  /** No socket timeout: Node's agent then never calls setTimeout (docker-modem's timeout is a connection timeout over SSH). */
  readonly timeout = 0;
  private stderr = "";
  private answered = false;

  constructor(private readonly channel: ClientChannel) {
    super({ allowHalfOpen: false });
    channel.on("data", (chunk: Buffer) => {
      this.answered = true;
      if (!this.push(chunk)) channel.pause();
    });
    // Before any answer the end waits for "close", which fails the call with the host's words: ended at once,
    // the stream let the HTTP client fail it first as a bare "socket hang up" whenever the host's close came in
    // a later read (measured here: two calls in three, one in six with the CPU busy).
    channel.on("end", () => {
      if (this.answered) this.push(null);
    });
    channel.on("error", (e: Error) => this.destroy(e));
    channel.on("close", () => this.destroy(this.answered ? undefined : this.hostSaid()));
    // What dial-stdio says on the host (e.g. that there is no docker CLI): kept short, for the error above.
    channel.stderr.on("data", (chunk: Buffer) => (this.stderr = `${this.stderr}${chunk.toString("utf8")}`.slice(-500)));
  }

  /** The host's own words when the channel closed before any answer, as an SSH-level error (connect-error.ts). */
  private hostSaid(): Error | undefined {
    const said = this.stderr.trim();
    if (!said) return undefined;
    return Object.assign(new Error(`\`docker system dial-stdio\` on the host said: ${said}`), { level: "client-socket" });
  }

  override _read(): void {
    this.channel.resume();
  }

  override _write(chunk: Buffer, encoding: BufferEncoding, callback: (e?: Error | null) => void): void {
    this.channel.write(chunk, encoding, callback);
  }

  override _final(callback: (e?: Error | null) => void): void {
    this.channel.end();
    callback();
  }

  override _destroy(err: Error | null, callback: (e?: Error | null) => void): void {
    this.channel.resume(); // read to its end, so that ssh2 can finish it
    this.channel.destroy(); // ssh2: EOF and close, to the host
    callback(err);
  }

  // Keep-alive and Nagle belong to the SSH connection's TCP socket, and ref/unref to its own; a channel has none.
  setKeepAlive(): this {
    return this;
  }
  setNoDelay(): this {
    return this;
  }
  ref(): this {
    return this;
  }
  unref(): this {
    return this;
  }
}

/** Idle HTTP connections kept for the next call. */
const FREE_CHANNELS = 4;
/** An idle HTTP connection is closed after this (its dial-stdio process on the host ends with it). */
const FREE_CHANNEL_MS = 15_000;

type Connect = (callback: (err: Error | null, socket?: Duplex) => void) => void;

/** An HTTP agent whose connections are dial-stdio channels; idle ones are kept a while for the next call. */
export class ChannelAgent extends http.Agent {
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
    // Destroyed at once, it is skipped by the next call and leaves the free list on its "close".
    this.expiries.set(socket, setTimeout(() => socket.destroy(), FREE_CHANNEL_MS).unref());
    return true;
  }

  override reuseSocket(socket: Duplex, request: http.ClientRequest): void {
    clearTimeout(this.expiries.get(socket));
    this.expiries.delete(socket);
    super.reuseSocket(socket, request);
  }
}
