import { fstatSync, writeSync } from "node:fs";

/**
 * The outside world of one run: its output streams, whether stdin is a terminal, its environment, and the day.
 * `main(argv, io)` sets it for the run; the process's own streams and environment stand in when nothing is
 * given (the binary). Tests run the CLI in-process with their own Io, one run at a time.
 */
export interface OutStream {
  write(chunk: string | Uint8Array): unknown;
  isTTY?: boolean;
  columns?: number;
}

export interface Io {
  stdout: OutStream;
  stderr: OutStream;
  stdin: { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  /** Today's date (YYYY-MM-DD) for this run, when pinned; otherwise PLATTFORM_TODAY or the clock decides. */
  today?: string;
}

let current: Io | undefined;

/**
 * Standard output or error of the process, written with fs.writeSync on its descriptor. Creating process.stdout
 * for a pipe loads Node's net and stream modules (about 3 ms of every start), and on Linux its writes to pipes,
 * files and terminals are synchronous anyway. The process's own stream takes over where a descriptor cannot be
 * written at once (a non-blocking pipe that is full), and answers a terminal's width.
 */
export class DescriptorStream implements OutStream {
  #stream: NodeJS.WriteStream | undefined;

  constructor(readonly fd: 1 | 2) {}

  #terminal: boolean | undefined;

  /**
   * A terminal: only a character device can be one, and asking the tty module loads net (2–3 ms). Asked once: the
   * colour check asks for every line printed.
   */
  get isTTY(): boolean {
    return (this.#terminal ??= fstatSync(this.fd).isCharacterDevice() && process.getBuiltinModule("node:tty").isatty(this.fd));
  }

  get columns(): number | undefined {
    return this.isTTY ? this.#processStream().columns : undefined;
  }

  write(chunk: string | Uint8Array): boolean {
    if (this.#stream) return this.#stream.write(chunk);
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : chunk;
    let written = 0;
    try {
      while (written < bytes.length) written += writeSync(this.fd, bytes, written);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // `plattform people list | head -1`: a reader that stops early is not an error.
      if (code === "EPIPE") process.exit(0);
      if (code !== "EAGAIN") throw error;
      return this.#processStream().write(bytes.subarray(written));
    }
    return true;
  }

  #processStream(): NodeJS.WriteStream {
    if (!this.#stream) {
      this.#stream = this.fd === 1 ? process.stdout : process.stderr;
      this.#stream.on("error", (error: NodeJS.ErrnoException) => {
        if (error.code === "EPIPE") process.exit(0);
        throw error;
      });
    }
    return this.#stream;
  }
}

const processStreams: { stdout?: DescriptorStream; stderr?: DescriptorStream } = {};

/**
 * The process's own streams and environment, where `given` does not replace them. Each stream is taken only when
 * it is used: creating process.stdin loads Node's stream, readline and fs/promises modules (3–4 ms of a start),
 * and only a confirmation asks whether it is a terminal.
 */
export function processIo(given: Partial<Io> = {}): Io {
  return {
    get stdout() {
      return given.stdout ?? (processStreams.stdout ??= new DescriptorStream(1));
    },
    get stderr() {
      return given.stderr ?? (processStreams.stderr ??= new DescriptorStream(2));
    },
    stdin: given.stdin ?? {
      get isTTY() {
        return process.stdin.isTTY;
      },
    },
    env: given.env ?? process.env,
    today: given.today,
  };
}

export function io(): Io {
  return (current ??= processIo());
}

/** Makes `next` this run's world (undefined: the process's own); returns the one it replaces, to restore. */
export function setIo(next: Io | undefined): Io | undefined {
  const previous = current;
  current = next;
  return previous;
}
