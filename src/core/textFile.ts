// How an imported text file (CSV, BLT) is decoded. Files come from German Excel and online banking: UTF-8 with
// or without a byte-order mark, UTF-16 ("Unicode text"), or Windows-1252, Excel's default. The encoding is
// detected (or forced with --encoding) and said; nothing is ever stored with U+FFFD in place of an umlaut.
import { closeSync, openSync, readSync } from "node:fs";
import { StringDecoder } from "node:string_decoder";
import { CliError } from "./errors.js";

export type Encoding = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** What `--encoding` accepts, in the spellings people use. */
const ENCODING_NAMES: Record<string, Encoding> = {
  "utf-8": "utf-8",
  utf8: "utf-8",
  "utf-16": "utf-16le",
  utf16: "utf-16le",
  "utf-16le": "utf-16le",
  "utf-16be": "utf-16be",
  "windows-1252": "windows-1252",
  cp1252: "windows-1252",
  ansi: "windows-1252",
  "iso-8859-1": "windows-1252",
  latin1: "windows-1252",
};

/** The label shown to users ("read as Windows-1252"). */
export const ENCODING_LABELS: Record<Encoding, string> = { "utf-8": "UTF-8", "utf-16le": "UTF-16", "utf-16be": "UTF-16 (big-endian)", "windows-1252": "Windows-1252" };

export function parseEncoding(raw: string): Encoding {
  const name = raw.trim().toLowerCase();
  // Own keys only: "constructor" is no encoding.
  const encoding = Object.hasOwn(ENCODING_NAMES, name) ? ENCODING_NAMES[name] : undefined;
  if (encoding === undefined) throw new CliError("error.notOneOf", { field: "--encoding", value: raw, allowed: "utf-8, utf-16, windows-1252" });
  return encoding;
}

const READ_BYTES = 1 << 20;

/** A file's encoding and the length of its byte-order mark. */
export interface FileEncoding {
  encoding: Encoding;
  bom: number;
  /** detected, not forced: worth saying when it is not UTF-8 */
  detected: boolean;
}

/**
 * The encoding of the file at `path`: the forced one, else its byte-order mark, else UTF-8 if the bytes are
 * valid UTF-8, else Windows-1252. A file that has valid UTF-8 characters and also invalid bytes is broken
 * UTF-8 (not Windows-1252, which would turn its umlauts into "Ã¼"): refused with the line and column.
 */
export function detectEncoding(path: string, forced?: Encoding): FileEncoding {
  return withFile(path, (fd) => {
    const head = Buffer.alloc(3);
    const length = readSync(fd, head, 0, 3, 0);
    const bom = head.subarray(0, length);
    const bomOf = (encoding: Encoding): number =>
      encoding === "utf-8" && bom[0] === 0xef && bom[1] === 0xbb && bom[2] === 0xbf
        ? 3
        : encoding === "utf-16le" && bom[0] === 0xff && bom[1] === 0xfe
          ? 2
          : encoding === "utf-16be" && bom[0] === 0xfe && bom[1] === 0xff
            ? 2
            : 0;
    if (forced !== undefined) return { encoding: forced, bom: bomOf(forced), detected: false };
    for (const encoding of ["utf-8", "utf-16le", "utf-16be"] as const) {
      if (bomOf(encoding) > 0) return { encoding, bom: bomOf(encoding), detected: true };
    }
    return { encoding: isUtf8(fd, path) ? "utf-8" : "windows-1252", bom: 0, detected: true };
  });
}

/** Whether the file is UTF-8 (or plain ASCII); throws for broken UTF-8, see detectEncoding. */
function isUtf8(fd: number, path: string): boolean {
  const decoder = new StringDecoder("utf8");
  const buffer = Buffer.allocUnsafe(READ_BYTES);
  const position = new TextPosition();
  let invalidAt: { line: number; column: number } | undefined;
  let validNonAscii = false;
  for (let offset = 0; ; ) {
    const read = readSync(fd, buffer, 0, READ_BYTES, offset);
    offset += read;
    const text = read === 0 ? decoder.end() : decoder.write(buffer.subarray(0, read));
    const bad = text.indexOf("\uFFFD");
    if (invalidAt === undefined && bad !== -1) invalidAt = position.of(text, bad);
    // any character beyond ASCII that is not the replacement character came from a valid multi-byte sequence
    if (!validNonAscii && /[^\x00-\x7f\uFFFD]/.test(text)) validNonAscii = true;
    position.advance(text);
    if (read === 0) break;
  }
  if (invalidAt === undefined) return true;
  if (validNonAscii) throw new CliError("error.file.brokenUtf8", { path, ...invalidAt }, 1, "error.file.encodingHint");
  return false;
}

/** Lines and columns (1-based, in characters) of positions in a text read part by part. */
export class TextPosition {
  #column = 1;

  constructor(public line = 1) {}

  of(text: string, index: number): { line: number; column: number } {
    const before = text.slice(0, index);
    const breaks = before.split("\n").length - 1;
    return breaks === 0 ? { line: this.line, column: this.#column + index } : { line: this.line + breaks, column: index - before.lastIndexOf("\n") };
  }

  advance(text: string): void {
    const last = text.lastIndexOf("\n");
    if (last === -1) this.#column += text.length;
    else {
      this.line += text.split("\n").length - 1;
      this.#column = text.length - last;
    }
  }
}

/**
 * The file's bytes as UTF-8, a part at a time (`next` returns an empty buffer at the end): UTF-8 files as they
 * are (without their byte-order mark), other encodings decoded and encoded again.
 */
export class Utf8Reader {
  #position: number;
  readonly #decoder: TextDecoder | undefined;
  #ended = false;

  constructor(
    readonly path: string,
    readonly encoding: FileEncoding,
  ) {
    this.#position = encoding.bom;
    this.#decoder = encoding.encoding === "utf-8" ? undefined : new TextDecoder(encoding.encoding);
  }

  next(fd: number): Buffer {
    if (this.#ended) return Buffer.alloc(0);
    const chunk = Buffer.allocUnsafe(READ_BYTES);
    let read: number;
    try {
      read = readSync(fd, chunk, 0, READ_BYTES, this.#position);
    } catch {
      throw new CliError("error.cannotRead", { path: this.path }, 1, "error.cannotRead.hint");
    }
    this.#position += read;
    if (read === 0) this.#ended = true;
    if (this.#decoder === undefined) return chunk.subarray(0, read);
    const text = read === 0 ? this.#decoder.decode() : this.#decoder.decode(chunk.subarray(0, read), { stream: true });
    return Buffer.from(text, "utf8");
  }
}

// C0 controls but tab and line breaks, DEL, the C1 controls (Windows-1252's undefined bytes decode to these), and
// the replacement character: none of them belongs in a name or a note.
const FORBIDDEN = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\uFFFD]/;

/**
 * Refuses text holding a control character or U+FFFD, naming line and column (`first` is the position of the
 * text's first character in the file).
 */
export function refuseControlCharacters(path: string, text: string, first: TextPosition): void {
  const match = FORBIDDEN.exec(text);
  if (!match) return;
  const char = `U+${match[0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
  throw new CliError("error.file.badCharacter", { path, char, ...first.of(text, match.index) }, 1, "error.file.encodingHint");
}

/** The whole of a small file (a BLT ballot file) decoded as detectEncoding finds, checked, NFC. */
export function readTextFile(path: string, forced?: Encoding): { text: string; encoding: FileEncoding } {
  const encoding = detectEncoding(path, forced);
  const reader = new Utf8Reader(path, encoding);
  const parts: Buffer[] = [];
  withFile(path, (fd) => {
    for (let part = reader.next(fd); part.length > 0; part = reader.next(fd)) parts.push(part);
  });
  const text = Buffer.concat(parts).toString("utf8").replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  refuseControlCharacters(path, text, new TextPosition());
  return { text: text.normalize("NFC"), encoding };
}

export function openForReading(path: string): number {
  try {
    return openSync(path, "r");
  } catch {
    throw new CliError("error.cannotRead", { path }, 1, "error.cannotRead.hint");
  }
}

export function withFile<T>(path: string, work: (fd: number) => T): T {
  const fd = openForReading(path);
  try {
    return work(fd);
  } finally {
    closeSync(fd);
  }
}
