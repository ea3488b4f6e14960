import type { Db } from "../core/db.js";
import { settingsFromRows, type SettingKey, type Settings } from "./settings.js";

export function readSettings(db: Db): Settings {
  const rows = db.prepare("SELECT key, value FROM settings").all() as Array<{ key: string; value: string }>;
  return settingsFromRows(rows);
}

/** One stored setting by key, also keys outside SETTING_KEYS (meeting templates, the demo mark). */
export function readSetting(db: Db, key: string): string | undefined {
  return db.prepare("SELECT value FROM settings WHERE key = ?").pluck().get(key) as string | undefined;
}

export function hasPlatform(db: Db): boolean {
  return db.prepare("SELECT 1 FROM settings WHERE key = 'name'").get() !== undefined;
}

export function writeSetting(db: Db, key: SettingKey | string, value: string): void {
  db.prepare("INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
}

export function deleteSetting(db: Db, key: string): void {
  db.prepare("DELETE FROM settings WHERE key = ?").run(key);
}

export function writeSettings(db: Db, settings: Settings): void {
  for (const [key, value] of Object.entries(settings)) writeSetting(db, key, String(value));
}
