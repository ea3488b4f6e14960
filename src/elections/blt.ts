// The BLT ballot file format, the exchange format of STV software (see test/data/stv/README.md):
//
//   4 2            candidates, seats
//   -2             optional: withdrawn candidates as negative numbers
//   3 1 3 4 0      a ballot: weight, candidate numbers (from 1) in order of preference, ended by 0
//   0              end of ballots
//   "Adam"         one quoted name per candidate, in number order
//   "Title"        the election's title
//
// Real files carry trailing spaces, double spaces inside names, `#` comments and blank lines; all are accepted.
// Anything that would change the count if guessed at is rejected with the line it is on.

import { CliError } from "../core/errors.js";
import type { CountInput, RankedBallot } from "./tally.js";
import type { MessageKey } from "../core/i18n.js";

export interface BltElection extends CountInput {
  title: string;
  ballots: RankedBallot[];
}

function bltError(line: number, key: MessageKey, params: Record<string, string | number> = {}): CliError {
  return new CliError(key, params).at(line);
}

/** A line without its comment: `#` to the end of the line, unless inside a quoted name. */
function stripComment(line: string): string {
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === "#" && !quoted) return line.slice(0, i);
  }
  return line;
}

const INTEGER = /^[+-]?\d+$/;
const WHITESPACE = /\s+/;

/** A token of digits only as a number; -1 for anything else (or a number too large to be exact). */
function wholeNumber(token: string): number {
  const length = token.length;
  if (length === 0 || length > 15) return -1;
  let value = 0;
  for (let i = 0; i < length; i++) {
    const digit = token.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/** Parses BLT text. Candidate numbers become 0-based indices. Throws a CliError with the line number. */
export function parseBlt(text: string): BltElection {
  const lines = text.replace(/^\uFEFF/, "").split(/\r\n|\r|\n/);
  // The meaningful lines, each with its 1-based number in the file.
  const content: Array<{ no: number; text: string }> = [];
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i]!;
    const stripped = (raw.includes("#") ? stripComment(raw) : raw).trim();
    if (stripped !== "") content.push({ no: i + 1, text: stripped });
  }
  const lastLine = Math.max(1, lines.length - (lines[lines.length - 1] === "" ? 1 : 0));

  let at = 0;
  const header = content[at++];
  if (!header) throw bltError(1, "error.blt.empty");
  const headerTokens = header.text.split(/\s+/);
  if (headerTokens.length !== 2 || !headerTokens.every((t) => /^\d+$/.test(t)))
    throw bltError(header.no, "error.blt.header", { text: header.text });
  const candidateCount = Number(headerTokens[0]);
  const seats = Number(headerTokens[1]);
  if (!Number.isSafeInteger(candidateCount) || candidateCount < 1 || candidateCount > 10_000)
    throw bltError(header.no, "error.blt.header", { text: header.text });
  if (!Number.isSafeInteger(seats) || seats < 1) throw bltError(header.no, "error.blt.seats", { seats: headerTokens[1]! });
  if (seats > candidateCount) throw bltError(header.no, "error.blt.tooManySeats", { seats, candidates: candidateCount });

  // Optional line of withdrawn candidates: negative numbers only.
  const withdrawn: number[] = [];
  const maybeWithdrawn = content[at];
  if (maybeWithdrawn && /^-\d+(\s+-\d+)*$/.test(maybeWithdrawn.text)) {
    for (const token of maybeWithdrawn.text.split(/\s+/)) {
      const number = -Number(token);
      if (!Number.isSafeInteger(number) || number < 1 || number > candidateCount)
        throw bltError(maybeWithdrawn.no, "error.blt.unknownCandidate", { number: token.slice(1), candidates: candidateCount });
      if (withdrawn.includes(number - 1)) throw bltError(maybeWithdrawn.no, "error.blt.withdrawnTwice", { number });
      withdrawn.push(number - 1);
    }
    at++;
  }

  // Ballots, up to the line "0". (Written for speed: a large ward has thousands of lines.)
  const ballots: RankedBallot[] = [];
  const seenIn = new Int32Array(candidateCount + 1); // the number of the ballot that last named each candidate
  let ended = false;
  while (at < content.length) {
    const { no, text: line } = content[at++]!;
    if (line === "0") {
      ended = true;
      break;
    }
    if (line.charCodeAt(0) === 34 /* " */) throw bltError(no, "error.blt.noEndOfBallots");
    const tokens = line.split(WHITESPACE);
    const weightToken = tokens[0]!;
    const weight = wholeNumber(weightToken);
    if (weight < 0) {
      if (/^\(.*\)$/.test(weightToken)) throw bltError(no, "error.blt.ballotIds");
      throw bltError(no, "error.blt.weight", { value: weightToken });
    }
    const ranking: number[] = [];
    const stamp = ballots.length + 1;
    let terminated = false;
    for (let k = 1; k < tokens.length; k++) {
      const token = tokens[k]!;
      const number = wholeNumber(token);
      if (number === 0) {
        if (k !== tokens.length - 1) throw bltError(no, "error.blt.afterZero");
        terminated = true;
        break;
      }
      if (number < 0) {
        if (token.includes("=")) throw bltError(no, "error.blt.equalRanking", { token });
        if (token === "-") throw bltError(no, "error.blt.skippedRanking");
        if (!INTEGER.test(token)) throw bltError(no, "error.blt.badToken", { token });
        throw bltError(no, "error.blt.unknownCandidate", { number: token, candidates: candidateCount });
      }
      if (number > candidateCount) throw bltError(no, "error.blt.unknownCandidate", { number: token, candidates: candidateCount });
      if (seenIn[number] === stamp) throw bltError(no, "error.blt.repeatedCandidate", { number });
      seenIn[number] = stamp;
      ranking.push(number - 1);
    }
    if (!terminated) throw bltError(no, "error.blt.missingZero");
    ballots.push({ weight, ranking });
  }
  if (!ended) throw bltError(lastLine, "error.blt.noEndOfBallots");

  // Names, then the title: quoted strings, one or more per line.
  const strings: Array<{ no: number; value: string }> = [];
  for (; at < content.length; at++) {
    const { no, text: line } = content[at]!;
    let rest = line;
    while (rest !== "") {
      const m = /^"([^"]*)"\s*/.exec(rest);
      if (!m) throw bltError(no, "error.blt.expectedName", { text: rest });
      strings.push({ no, value: m[1]!.trim() });
      rest = rest.slice(m[0].length);
    }
  }
  if (strings.length < candidateCount)
    throw bltError(strings[strings.length - 1]?.no ?? lastLine, "error.blt.missingNames", { candidates: candidateCount, names: strings.length });
  if (strings.length > candidateCount + 1) throw bltError(strings[candidateCount + 1]!.no, "error.blt.extraText");
  const candidates = strings.slice(0, candidateCount).map((s) => s.value);
  candidates.forEach((name, i) => {
    if (name === "") throw bltError(strings[i]!.no, "error.blt.emptyName", { number: i + 1 });
    const first = candidates.indexOf(name);
    if (first !== i) throw bltError(strings[i]!.no, "error.blt.duplicateName", { name });
  });
  const title = strings[candidateCount]?.value ?? "";
  return { title, candidates, seats, withdrawn: withdrawn.sort((a, b) => a - b), ballots };
}

/** A name or title as BLT can carry it: BLT has no escapes, so a double quote becomes a single one. */
function quoted(text: string): string {
  return `"${text.replace(/[\r\n]+/g, " ").replace(/"/g, "'")}"`;
}

/** Writes an election and its ranked ballots as BLT text (candidate indices 0-based in, numbers from 1 out). */
export function toBlt(input: CountInput, ballots: readonly RankedBallot[]): string {
  const out: string[] = [`${input.candidates.length} ${input.seats}`];
  if (input.withdrawn.length > 0) out.push([...input.withdrawn].sort((a, b) => a - b).map((i) => `-${i + 1}`).join(" "));
  for (const ballot of ballots) {
    if (!Number.isSafeInteger(ballot.weight) || ballot.weight < 0) throw new RangeError(`invalid ballot weight ${ballot.weight}`);
    for (const i of ballot.ranking)
      if (!Number.isInteger(i) || i < 0 || i >= input.candidates.length) throw new RangeError(`invalid candidate index ${i}`);
    out.push([ballot.weight, ...ballot.ranking.map((i) => i + 1), 0].join(" "));
  }
  out.push("0");
  for (const name of input.candidates) out.push(quoted(name));
  out.push(quoted(input.title ?? ""));
  return `${out.join("\n")}\n`;
}
