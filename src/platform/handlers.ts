import type * as def from "./commands.js";
import type { Args, Opts } from "../core/define.js";
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { langFromEnv, type Lang } from "../core/i18n.js";
import { printJson, printTable, say } from "../core/output.js";
import { cleanText } from "../core/validate.js";
import { defaultSettings, isSettingKey, parseSetting, SETTING_KEYS, type Settings } from "./settings.js";
import { readSettings, writeSetting, writeSettings } from "./store.js";
import { openForNewPlatform, removeDataFile } from "./dataFile.js";

type Options = Record<string, string | boolean | undefined>;

export async function init(ctx: Context, _args: Args<typeof def.init>, opts: Opts<typeof def.init>): Promise<void> {
  const lang: Lang = ctx.options.lang === "de" || ctx.options.lang === "en" ? ctx.options.lang : langFromEnv(ctx.env);
  const name =
    typeof opts.name === "string" ? cleanText(opts.name, "--name", { required: true })! : lang === "de" ? "Bürgerplattform" : "Citizens' platform";
  const path = ctx.dataFile.path;
  const { db, created } = openForNewPlatform(path, () => {
    throw new CliError("error.platformExists", { path }, 1, "error.platformExists.hint");
  });
  ctx.useDb(db);
  const settings = defaultSettings(name, lang);
  try {
    ctx.write((audit) => {
      writeSettings(db, settings);
      audit({ entity: "platform", id: null, action: "init", changes: settings });
    });
  } catch (error) {
    ctx.close();
    if (created) removeDataFile(path);
    throw error;
  }
  ctx.useDb(db);
  if (ctx.json) return printJson({ dataFile: path, settings });
  say(ctx.t("init.done", { name, path }));
  say(ctx.t("init.next"));
}

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
