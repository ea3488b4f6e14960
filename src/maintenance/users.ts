// plattform users: who may do what on a server platform, as PostgreSQL roles (core/pg/roles.ts says how).
import type { Args, Opts } from "../core/define.js";
import type * as def from "./commands.js";
import type { Context } from "../core/context.js";
import { isServerUrl } from "../core/config.js";
import { CliError, UsageError } from "../core/errors.js";
import { printJson, printTable, say } from "../core/output.js";
import { addUser, isValidUserName, listUsers, removeUser } from "../core/pg/roles.js";

/** Roles exist on a server only: a data file is protected by its file mode, not by users. */
function serverOnly(ctx: Context): void {
  if (!isServerUrl(ctx.dataFile.path)) throw new CliError("error.usersNeedServer", { path: ctx.dataFile.path }, undefined, "error.usersNeedServer.hint");
}

function checkName(name: string): void {
  if (!isValidUserName(name)) throw new UsageError("error.userName", { name });
}

export async function usersAdd(ctx: Context, [name]: Args<typeof def.usersAdd>, opts: Opts<typeof def.usersAdd>): Promise<void> {
  serverOnly(ctx);
  checkName(name);
  const result = ctx.write((audit) => {
    const added = addUser(ctx.db, name, opts.role);
    // No password here or anywhere: the administrator sets it (psql's \password).
    audit({ entity: "user", id: null, action: "add", changes: { name, role: opts.role, ...(added.previous && added.previous !== opts.role ? { previous: added.previous } : {}), created: added.created } });
    return added;
  });
  if (ctx.json) return printJson({ name, role: opts.role, created: result.created, previous: result.previous });
  say(ctx.t(result.created ? "users.created" : "users.granted", { name, role: opts.role }));
  if (result.created) say(ctx.t("users.passwordHint", { name }));
}

export async function usersList(ctx: Context, _args: Args<typeof def.usersList>, _opts: Opts<typeof def.usersList>): Promise<void> {
  serverOnly(ctx);
  const users = listUsers(ctx.db);
  if (ctx.json) return printJson(users);
  if (users.length === 0) return say(ctx.t("users.none"));
  printTable(ctx, [ctx.t("users.user"), ctx.t("label.role"), ctx.t("users.canLogin")], users.map((u) => [u.name, u.role, ctx.t(u.canLogin ? "users.canLogin.yes" : "users.canLogin.no")]));
}

export async function usersRemove(ctx: Context, [name]: Args<typeof def.usersRemove>, _opts: Opts<typeof def.usersRemove>): Promise<void> {
  serverOnly(ctx);
  checkName(name);
  const role = ctx.write((audit) => {
    const removed = removeUser(ctx.db, name);
    if (removed === null) throw new CliError("error.userNotFound", { name });
    audit({ entity: "user", id: null, action: "remove", changes: { name, role: removed } });
    return removed;
  });
  if (ctx.json) return printJson({ name, role });
  say(ctx.t("users.removed", { name, role }));
}
