// A list of any length that is read back (more than once) after it is built: the lines of a large import's report.
import { closeSync, openSync, readSync, unlinkSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { StringDecoder } from "node:string_decoder";

/**
 * Holds the first `inMemory` items as they are; further items go, as JSON lines, to a file in the system's
 * temporary folder that is deleted as soon as it is opened: it is never visible to others and disappears with
 * the process, however that ends. Call `close` when done.
 */
export class Spool<T> implements Iterable<T> {
  readonly #held: T[] = [];
  #pending: string[] = [];
  #fd: number | undefined;
  #bytes = 0;

  constructor(readonly inMemory = 10_000) {}

  push(item: T): void {
    if (this.#held.length < this.inMemory && this.#fd === undefined) {
      this.#held.push(item);
      return;
    }
    this.#pending.push(`${JSON.stringify(item)}\n`);
    if (this.#pending.length >= 1000) this.#flush();
  }

  *[Symbol.iterator](): Generator<T> {
    yield* this.#held;
    this.#flush();
    if (this.#fd === undefined) return;
    const buffer = Buffer.allocUnsafe(1 << 20);
    const decoder = new StringDecoder("utf8");
    let rest = "";
    for (let position = 0; position < this.#bytes; ) {
      const read = readSync(this.#fd, buffer, 0, buffer.length, position);
      position += read;
      const text = rest + decoder.write(buffer.subarray(0, read));
      const end = text.lastIndexOf("\n") + 1;
      rest = text.slice(end);
      for (const line of text.slice(0, end).split("\n")) if (line !== "") yield JSON.parse(line) as T;
    }
  }

  close(): void {
    if (this.#fd !== undefined) closeSync(this.#fd);
    this.#fd = undefined;
    this.#pending = [];
  }

  #flush(): void {
    if (this.#pending.length === 0) return;
    if (this.#fd === undefined) {
      const path = join(tmpdir(), `plattform-${process.pid}-${Math.random().toString(36).slice(2, 10)}.spool`);
      this.#fd = openSync(path, "wx+", 0o600);
      unlinkSync(path);
    }
    const bytes = Buffer.from(this.#pending.join(""), "utf8");
    for (let done = 0; done < bytes.length; ) done += writeSync(this.#fd, bytes, done, bytes.length - done, this.#bytes + done);
    this.#bytes += bytes.length;
    this.#pending = [];
  }
}
