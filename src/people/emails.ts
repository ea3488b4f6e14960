// `people list --format emails` and `people export --format vcf`: the people of a list for a mail program and an
// address book (the formats are in addresses.ts).
import type { Context } from "../core/context.js";
import { note, writeOut } from "../core/output.js";
import { io } from "../core/io.js";
import { mailbox, usableAddress, vcard } from "./addresses.js";
import type { Person } from "./model.js";

function nameOf(ctx: Context, person: Pick<Person, "id" | "name">): string {
  return person.name ?? `${ctx.t("people.forgottenName")} #${person.id}`;
}

/**
 * One line on stdout, `"Name" <addr>, "Name" <addr>`, as the To or Bcc field of a mail program takes it (an
 * RFC 5322 address-list; names in UTF-8, RFC 6532). Whoever has no address, or one a mail program would not
 * take as it is, is named on stderr. An address two people share is listed once.
 */
export function printEmails(ctx: Context, people: Iterable<Person>): void {
  const mailboxes: string[] = [];
  const seen = new Set<string>();
  const missing: string[] = [];
  const unusable: string[] = [];
  for (const p of people) {
    if (!p.email) {
      missing.push(nameOf(ctx, p));
      continue;
    }
    const address = usableAddress(p.email);
    if (address === undefined) {
      unusable.push(`${nameOf(ctx, p)} (${p.email})`);
      continue;
    }
    if (seen.has(address.toLowerCase())) continue;
    seen.add(address.toLowerCase());
    mailboxes.push(mailbox(p.name, address));
  }
  // Written as it is: sanitize() would not change it (no control characters), but a name's quotes must stay.
  if (mailboxes.length > 0) io().stdout.write(`${mailboxes.join(", ")}\n`);
  if (missing.length > 0) note(ctx.t("people.withoutEmail", { count: missing.length, names: missing.join(", ") }));
  if (unusable.length > 0) note(ctx.t("people.unusableEmail", { count: unusable.length, names: unusable.join(", ") }));
  if (mailboxes.length === 0) note(ctx.t("people.noEmails"));
}

/** Every current person (not forgotten) as a vCard 4.0, into one .vcf file (or stdout). */
export async function exportVcf(ctx: Context, people: Iterable<Person>, out: string | undefined): Promise<void> {
  await writeOut(
    out,
    (function* () {
      for (const p of people) if (p.name !== null) yield vcard(p);
    })(),
  );
}
