// The command definitions (src/<area>/commands.ts) and the commander program built from them agree, and a
// handler's arguments and options are typed from its definition.
import { describe, expect, expectTypeOf, it } from "vitest";
import { lazy, type Handler } from "../../src/core/define.js";
import { buildProgram, Cli } from "../../src/cli/program.js";
import { DEFINITIONS } from "../../src/cli/registry.js";
import { commandTree } from "../../src/cli/tree.js";
import { add as groupsAdd } from "../../src/groups/commands.js";
import type { add as teamsAdd } from "../../src/teams/commands.js";
import { helpOf } from "./commandTree.js";

describe("every definition", () => {
  it("is reachable through --help, with its description, arguments, options and examples", async () => {
    expect(DEFINITIONS.length).toBeGreaterThan(100);
    for (const def of DEFINITIONS) {
      const words = def.path.split(" ");
      const help = await helpOf(words);
      expect(help, def.path).toContain(`Usage: plattform ${def.path}`);
      for (const arg of def.args ?? []) expect(help, def.path).toContain(arg);
      for (const option of Object.values(def.options ?? {})) expect(help, `${def.path} ${option.flags}`).toContain(option.flags);
      for (const example of def.examples ?? []) expect(help, def.path).toContain(`$ plattform ${example}`);
      // Its parent lists it.
      const parent = await helpOf(words.slice(0, -1));
      expect(parent, def.path).toMatch(new RegExp(`^  ${words.at(-1)}[ |]`, "m"));
    }
  }, 120_000);

  it("that runs has a handler, and the command tree lists exactly those", async () => {
    const leaves = commandTree().map((c) => c.path);
    expect(leaves).toEqual(DEFINITIONS.filter((d) => d.run).map((d) => d.path));
    expect(new Set(leaves).size).toBe(leaves.length);
    for (const def of DEFINITIONS.filter((d) => d.run)) expect(typeof (await def.run!()), def.path).toBe("function");
  });
});

describe("a handler injected in place of the real one", () => {
  async function parse(argv: string[]): Promise<{ path: string; args: string[]; opts: Record<string, unknown> }> {
    let seen: { path: string; args: string[]; opts: Record<string, unknown> } | undefined;
    const cli = new Cli(argv, "en", async (def) => async (_ctx, args, opts) => {
      seen = { path: def.path, args, opts };
    });
    await buildProgram(cli).parseAsync(["node", "plattform", ...argv]);
    cli.ctx?.close();
    return seen!;
  }

  it("gets the arguments and the options under the definition's names", async () => {
    expect(await parse(["groups", "add", "St. Josef", "--kind", "parish", "--short", "JOSEF"])).toEqual({
      path: "groups add",
      args: ["St. Josef"],
      opts: { kind: "parish", short: "JOSEF" },
    });
    expect(await parse(["meetings", "attend", "next", "Maria", "Yusuf", "--guest"])).toEqual({
      path: "meetings attend",
      args: ["next", "Maria", "Yusuf"],
      opts: { guest: true },
    });
    expect(await parse(["funds", "report", "--no-chart", "--dry-run-is-no-option-here"]).catch((e: Error) => e.message)).toMatch(/unknown option/);
    expect((await parse(["funds", "report", "--no-chart"])).opts).toEqual({ chart: false, noChart: false });
    expect((await parse(["1on1", "add", "--with", "A", "B", "--by", "C"])).opts).toEqual({ with: ["A", "B"], by: "C" });
  });
});

describe("types", () => {
  it("flow from the definition into the handler", () => {
    const handler: Handler<typeof groupsAdd> = async (_ctx, [name], opts) => {
      expectTypeOf(name).toEqualTypeOf<string>();
      expectTypeOf(opts.kind).toEqualTypeOf<string | undefined>();
      // @ts-expect-error: groups add has no --colour
      void opts.colour;
    };
    const team: Handler<typeof teamsAdd> = async (_ctx, _args, opts) => {
      // mandatory, and only the choices
      expectTypeOf(opts.kind).toEqualTypeOf<"action" | "strategy-finance" | "other">();
      expectTypeOf(opts.short).toEqualTypeOf<string | undefined>();
    };
    expect([handler, team]).toHaveLength(2);
  });

  it("bind a definition only to a handler that takes its arguments and options", () => {
    const load = () => import("../../src/groups/handlers.js");
    expect(lazy(groupsAdd, load, "add").path).toBe("groups add");
    // @ts-expect-error: the handler of groups list takes other options than groups add gives
    expect(lazy(groupsAdd, load, "list").path).toBe("groups add");
  });
});
