// People as a mail program and an address book take them: RFC 5322 mailboxes (`"Name" <addr>`, in UTF-8 as
// RFC 6532 allows) for `people list --format emails`, and vCard 4.0 (RFC 6350) for `people export --format vcf`.
import type { Person } from "./model.js";

/** Control characters (a line break in a name) would end a header line or a vCard line: they become spaces. */
function oneLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, " ").replace(/\s+/g, " ").trim();
}

/** RFC 5322 §3.2.4 quoted-string: the display name between double quotes, `"` and `\` escaped with `\`. */
export function quotedDisplayName(name: string): string {
  return `"${oneLine(name).replace(/[\\"]/g, "\\$&")}"`;
}

// atext of RFC 5322 §3.2.3, widened by RFC 6532 to every non-ASCII character; the domain as letters, digits,
// hyphens and dots (also non-ASCII ones: an internationalised domain as typed).
const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~\u0080-\uffff-]+)*$/;
const DOMAIN = /^[A-Za-z0-9\u0080-\uffff-]+(\.[A-Za-z0-9\u0080-\uffff-]+)+$/;

/** An address a mail program takes as it is (a dot-atom local part and a domain); else undefined. */
export function usableAddress(email: string): string | undefined {
  const at = email.lastIndexOf("@");
  if (at <= 0) return undefined;
  const local = email.slice(0, at);
  const domain = email.slice(at + 1);
  return DOT_ATOM.test(local) && DOMAIN.test(domain) ? email : undefined;
}

/** `"Name" <addr>`: an RFC 5322 name-addr; only the address when there is no name. */
export function mailbox(name: string | null, address: string): string {
  return name && oneLine(name) !== "" ? `${quotedDisplayName(name)} <${address}>` : `<${address}>`;
}

/** RFC 6350 §3.4: in a text value `\`, `,`, `;` and line breaks are escaped. */
export function vcardText(text: string): string {
  return text
    .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/g, "")
    .replace(/[\\,;]/g, "\\$&")
    .replace(/\r\n|\r|\n/g, "\\n");
}

/** RFC 6350 §3.2: lines longer than 75 octets are folded (CRLF and a space), never inside a UTF-8 character. */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch, "utf8");
    // the first line has 75 octets; each continuation 74 after its leading space
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

/**
 * The N components [family, given, suffixes] guessed from one stored name: "Maria Schmidt-Özdemir" → family
 * "Schmidt-Özdemir", given "Maria"; what follows a comma ("…, Dr.") is an honorific suffix. A guess for sorting
 * in an address book: FN keeps the name exactly as stored.
 */
function nameParts(name: string): [family: string, given: string, suffixes: string] {
  const [main = "", ...rest] = oneLine(name).split(",");
  const words = main.trim().split(" ");
  const family = words.pop() ?? "";
  return [family, words.join(" "), rest.join(",").trim()];
}

/** One vCard 4.0: FN, N, EMAIL, TEL, one ORG per group the person is in (today). CRLF line ends. */
export function vcard(person: Pick<Person, "name" | "email" | "phone" | "groups">): string {
  const name = person.name ?? "";
  const [family, given, suffixes] = nameParts(name);
  const n = [family, given, "", "", suffixes].map(vcardText).join(";");
  const lines = ["BEGIN:VCARD", "VERSION:4.0", `FN:${vcardText(oneLine(name))}`, `N:${n}`];
  if (person.email) lines.push(`EMAIL:${vcardText(person.email)}`);
  if (person.phone) lines.push(`TEL:${vcardText(person.phone)}`);
  for (const group of [...new Set(person.groups.map((g) => g.group))]) lines.push(`ORG:${vcardText(group)}`);
  lines.push("END:VCARD");
  return lines.map(foldLine).join("\r\n") + "\r\n";
}
