// The public face of platform: other areas import only this file (scripts/check-boundaries.mjs).
export { openForNewPlatform, removeDataFile } from "./dataFile.js";
export { BASES, MAJORITIES, SMTP_KEYS, defaultSettings } from "./settings.js";
export type { SmtpKey } from "./settings.js";
export { hasPlatform, readSetting, readSettings, writeSetting, writeSettings } from "./store.js";
