// SHA-256 as hex. node:crypto is loaded at the first hash: `status` loads code that may hash but never does,
// and loading it at start-up cost ~2 ms.
export function sha256(text: string): string {
  return process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex");
}

/** A fingerprint as printed: the first 16 hex digits in groups of four ("3f2a-91bc-07de-55a1"). */
export function shortFingerprint(hex: string): string {
  return hex.slice(0, 16).replace(/(.{4})(?=.)/g, "$1-");
}
