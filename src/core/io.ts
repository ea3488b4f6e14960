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
 * The process's own streams and environment, where `given` does not replace them. Each stream is taken only when
 * it is used: creating process.stdin loads Node's stream, readline and fs/promises modules (3–4 ms of a start),
 * and only a confirmation asks whether it is a terminal.
 */
export function processIo(given: Partial<Io> = {}): Io {
  return {
    get stdout() {
      return given.stdout ?? process.stdout;
    },
    get stderr() {
      return given.stderr ?? process.stderr;
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
