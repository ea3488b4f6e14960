// IBANs: the key by which a bank booking is matched to a member group or a funder.
import { CliError } from "./errors.js";

/** An IBAN without spaces, in capitals; null for none (or an old account number, which is not one). */
export function normaliseIban(raw: string | undefined | null): string | null {
  const compact = (raw ?? "").replace(/\s+/g, "").toUpperCase();
  return /^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(compact) ? compact : null;
}

/** Whether an IBAN's check digits are right (ISO 13616, modulo 97). */
export function ibanValid(iban: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(iban)) return false;
  const digits = (iban.slice(4) + iban.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  let rest = 0;
  for (const d of digits) rest = (rest * 10 + Number(d)) % 97;
  return rest === 1;
}

/** `--iban`: an IBAN with right check digits (spaces allowed), or "" to remove it (null). */
export function parseIban(raw: string): string | null {
  if (raw.trim() === "") return null;
  const iban = normaliseIban(raw);
  if (iban === null || !ibanValid(iban)) throw new CliError("error.invalidIban", { field: "--iban", value: raw }, 1, "error.invalidIban.hint");
  return iban;
}
