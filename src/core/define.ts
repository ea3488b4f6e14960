// One typed definition per command: plain data read at start-up (so no heavy imports here or in the areas'
// commands.ts), with the handler loaded only when the command runs. The handler's arguments and options are
// typed from the definition: `Handler<typeof add>`.
import type { Context } from "../core/context.js";

/** An option: commander's flags ("--kind <kind>", "--all", "--with <person...>"), its help text's key, choices. */
export interface OptionSpec {
  readonly flags: string;
  readonly help: string;
  readonly choices?: readonly string[];
  readonly mandatory?: boolean;
}

export function option<const F extends string, const C extends readonly string[] = never, const M extends boolean = false>(
  flags: F,
  help: string,
  extra: { choices?: C; mandatory?: M } = {},
): { flags: F; help: string; choices?: C; mandatory?: M } {
  return { flags, help, ...extra };
}

/** A switch: "--all", "--no-chart". */
export function flag<const F extends string>(flags: F, help: string): { flags: F; help: string } {
  return { flags, help };
}

/** The options of every table export (src/core/transfer.ts exportCommand); `bom` is true, false or absent. */
export const exportOptions = {
  format: option("--format <format>", "opt.exportFormat", { choices: ["csv", "json", "xlsx"] }),
  out: option("--out <file>", "opt.out"),
  delimiter: option("--delimiter <delimiter>", "opt.delimiter", { choices: [";", ",", "tab"] }),
  bom: flag("--bom", "opt.bom"),
  noBom: flag("--no-bom", "opt.noBom"),
};

export type OptionSpecs = Readonly<Record<string, OptionSpec>>;

/** A command (a leaf with a handler) or a group of commands ("meetings", "meetings item"). */
export interface Definition<A extends readonly string[] = readonly string[], O extends OptionSpecs = OptionSpecs> {
  /** The words that name it: "groups add". */
  readonly path: string;
  /** Positional arguments as commander writes them: "<name>", "[key]", "<person...>". */
  readonly args?: A;
  readonly options?: O;
  /** The key of its one-line description (help.<path>). */
  readonly help: string;
  readonly examples?: readonly string[];
  readonly alias?: string;
  /** It changes the data file (and writes an audit row). */
  readonly write?: boolean;
}

type Value<S> = S extends { flags: `${string}...>` | `${string}...]` }
  ? string[]
  : S extends { flags: `${string}<${string}>` | `${string}[${string}]` }
    ? S extends { choices?: infer C extends readonly string[] }
      ? [C] extends [never]
        ? string
        : C[number]
      : string
    : boolean;

/** The options a handler receives: values are strings (or the choices), switches booleans; absent is undefined. */
export type OptsOf<O> = { readonly [K in keyof O]: O[K] extends { mandatory?: true } ? Value<O[K]> : Value<O[K]> | undefined };

/** The positional arguments a handler receives, in order; a variadic one spreads over the rest. */
export type ArgsOf<A> = A extends readonly [infer H extends string, ...infer R extends readonly string[]]
  ? H extends `${string}...${string}`
    ? H extends `<${string}`
      ? [string, ...string[]]
      : string[]
    : H extends `<${string}`
      ? [string, ...ArgsOf<R>]
      : R extends readonly []
        ? [] | [string]
        : [string | undefined, ...ArgsOf<R>]
  : [];

export type Args<D> = D extends Definition<infer A, OptionSpecs> ? ArgsOf<A> : never;
export type Opts<D> = D extends Definition<readonly string[], infer O> ? OptsOf<O> : never;
export type Handler<D> = (ctx: Context, args: Args<D>, opts: Opts<D>) => Promise<void>;

/** Any handler, as the program calls it. */
export type AnyHandler = (ctx: Context, args: string[], opts: Record<string, unknown>) => Promise<void>;

/** A definition the program can run: its handler is loaded when it runs. */
export interface Runnable extends Definition {
  readonly run?: () => Promise<AnyHandler>;
}

export function command<const A extends readonly string[] = [], const O extends OptionSpecs = {}>(def: Definition<A, O>): Definition<A, O> {
  return def;
}

/** A command that only groups others ("meetings item"): help and examples, no handler. */
export function group(def: Pick<Definition, "path" | "help" | "examples" | "alias">): Runnable {
  return def;
}

/**
 * Binds a definition to the handler `name` of a lazily imported module; the name must be a handler that takes
 * the definition's arguments and options.
 */
export function lazy<D extends Definition, M>(
  def: D,
  load: () => Promise<M>,
  name: { [K in keyof M]: M[K] extends Handler<D> ? K : never }[keyof M],
): Runnable {
  return { ...def, run: async () => (await load())[name] as unknown as AnyHandler };
}
