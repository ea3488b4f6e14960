// `plattform init`: a new platform, its settings, and what each area starts with (the Strategy & Finance team,
// named in the platform's language); in the composition root because it reaches more than one area.
import type { Context } from "../core/context.js";
import { CliError } from "../core/errors.js";
import { langFromEnv, loadMessages, translate, type Lang } from "../core/i18n.js";
import { printJson, say } from "../core/output.js";
import { cleanText } from "../core/validate.js";
import { defaultSettings, openForNewPlatform, removeDataFile, writeSettings } from "../platform/index.js";
import { nameStrategyFinanceTeam } from "../teams/index.js";

export async function init(ctx: Context, _args: string[], opts: { name?: string }): Promise<void> {
  const lang: Lang = ctx.options.lang === "de" || ctx.options.lang === "en" ? ctx.options.lang : langFromEnv(ctx.env);
  const name =
    typeof opts.name === "string" ? cleanText(opts.name, "--name", { required: true })! : lang === "de" ? "Bürgerplattform" : "Citizens' platform";
  const path = ctx.dataFile.path;
  const { db, created } = openForNewPlatform(path, () => {
    throw new CliError("error.platformExists", { path }, 1, "error.platformExists.hint");
  });
  ctx.useDb(db);
  const settings = defaultSettings(name, lang);
  await loadMessages(lang);
  try {
    ctx.write((audit) => {
      writeSettings(db, settings);
      nameStrategyFinanceTeam(db, translate(lang, "teams.strategyFinanceName"));
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
