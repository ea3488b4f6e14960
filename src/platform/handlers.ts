import type * as def from "./commands.js";
import type { Args } from "../core/define.js";
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { printJson, printTable, say } from "../core/output.js";
import { isSettingKey, parseSetting, SETTING_KEYS, type Settings } from "./settings.js";
import { readSettings, writeSetting } from "./store.js";

export async function configGet(ctx: Context, [key]: Args<typeof def.configGet>): Promise<void> {
  const settings = readSettings(ctx.db);
  if (key !== undefined) {
    if (!isSettingKey(key)) throw new CliError("error.unknownSetting", { key, keys: SETTING_KEYS.join(", ") }, 1, "error.unknownSetting.hint");
    if (ctx.json) return printJson({ [key]: settings[key] });
    return say(String(settings[key]));
  }
  if (ctx.json) return printJson(settings);
  printTable(
    ctx,
    [ctx.t("label.key"), ctx.t("label.value"), ""],
    SETTING_KEYS.map((k) => [k, settings[k], ctx.t(`setting.${k}`)]),
  );
}

export async function configSet(ctx: Context, [key, raw]: Args<typeof def.configSet>): Promise<void> {
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
