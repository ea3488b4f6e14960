import type * as def from "./commands.js";
import type { Args } from "../core/define.js";
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { printJson, printTable, say } from "../core/output.js";
import { isSettingKey, isSmtpKey, parseSetting, parseSmtpSetting, SETTING_KEYS, SMTP_KEYS, type Settings, type SmtpKey } from "./settings.js";
import { deleteSetting, readSetting, readSettings, writeSetting } from "./store.js";

export async function configGet(ctx: Context, [key]: Args<typeof def.configGet>): Promise<void> {
  const settings = readSettings(ctx.db);
  // The mail server's settings appear once set (`config get smtp.host` prints nothing while it is not).
  const smtp = SMTP_KEYS.flatMap((k) => {
    const value = readSetting(ctx.db, k);
    return value === undefined ? [] : [[k, value] as const];
  });
  if (key !== undefined && isSmtpKey(key)) {
    const value = readSetting(ctx.db, key);
    if (ctx.json) return printJson({ [key]: value ?? null });
    return value === undefined ? undefined : say(value);
  }
  if (key !== undefined) {
    if (!isSettingKey(key)) throw new CliError("error.unknownSetting", { key, keys: SETTING_KEYS.join(", ") }, 1, "error.unknownSetting.hint");
    if (ctx.json) return printJson({ [key]: settings[key] });
    return say(String(settings[key]));
  }
  if (ctx.json) return printJson({ ...settings, ...Object.fromEntries(smtp) });
  printTable(
    ctx,
    [ctx.t("label.key"), ctx.t("label.value"), ""],
    [...SETTING_KEYS.map((k) => [k, settings[k], ctx.t(`setting.${k}`)]), ...smtp.map(([k, v]) => [k, v, ctx.t(`setting.${k}`)])],
  );
}

export async function configSet(ctx: Context, [key, raw]: Args<typeof def.configSet>): Promise<void> {
  if (isSmtpKey(key!)) return configSetSmtp(ctx, key, raw!);
  if (!isSettingKey(key!)) throw new CliError("error.unknownSetting", { key: key!, keys: SETTING_KEYS.join(", ") }, 1, "error.unknownSetting.hint");
  const value = parseSetting(key, raw!);
  const before = readSettings(ctx.db);
  const old = String(before[key]);
  if (old !== value) {
    ctx.write((audit) => {
      writeSetting(ctx.db, key, value);
      audit({ entity: "setting", id: null, action: "set", changes: { [key]: [old, value] } });
    });
    if (key === "language") ctx.useDb(ctx.db);
  }
  const after: Settings = readSettings(ctx.db);
  if (ctx.json) return printJson({ [key]: after[key] });
  say(ctx.t(old === value ? "config.unchanged" : "config.set", { key, value }));
}

/** `config set smtp.*`: stored as they are typed (validated); an empty value removes the setting. */
async function configSetSmtp(ctx: Context, key: SmtpKey, raw: string): Promise<void> {
  const value = parseSmtpSetting(key, raw);
  const old = readSetting(ctx.db, key);
  if ((old ?? "") !== value) {
    ctx.write((audit) => {
      if (value === "") deleteSetting(ctx.db, key);
      else writeSetting(ctx.db, key, value);
      audit({ entity: "setting", id: null, action: "set", changes: { [key]: [old ?? null, value === "" ? null : value] } });
    });
  }
  if (ctx.json) return printJson({ [key]: value === "" ? null : value });
  if (value === "") return say(ctx.t("config.removed", { key }));
  say(ctx.t(old === value ? "config.unchanged" : "config.set", { key, value }));
}
