import { Command, CommanderError, Option } from "commander";
import type { Context as ContextType } from "./core/context.js";
import { CliError, EXIT } from "./core/errors.js";
import { isLang, langFromEnv, loadMessages, translate, type Lang, type MessageKey } from "./core/i18n.js";
import { EXAMPLES } from "./help.js";

declare const PLATTFORM_VERSION: string;
const VERSION = typeof PLATTFORM_VERSION === "string" ? PLATTFORM_VERSION : "0.0.0-dev";

type Args = string[];
type Opts = Record<string, string | boolean | undefined>;
type Action = (ctx: ContextType, args: Args, opts: Opts) => Promise<void>;
type Module = Record<string, unknown>;

/** The language for help and for errors raised before a Context exists: --lang, PLATTFORM_LANG, LANG. */
export function langFromArgv(argv: string[], env: NodeJS.ProcessEnv = process.env): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg === "--lang" ? argv[i + 1] : arg.startsWith("--lang=") ? arg.slice(7) : undefined;
    if (value && isLang(value)) return value;
  }
  if (env.PLATTFORM_LANG && isLang(env.PLATTFORM_LANG)) return env.PLATTFORM_LANG;
  return langFromEnv(env);
}

/**
 * Stands in for the subcommands of the areas a run does not use: every method returns it again, so that
 * declaring a command or an option on it costs nothing (see Cli.command).
 */
const UNUSED = new Proxy(function unused() {}, { get: () => () => UNUSED }) as unknown as Command;

class Cli {
  ctx: ContextType | undefined;
  /** Commander's error message, kept to be printed once its language is known (see main). */
  usageError: string | undefined;
  /** The platform's language as main() read it from the data file; null when it did not look (--help). */
  platformLang: Lang | undefined | null = null;
  readonly t: (key: string) => string;
  /** Top-level commands whose subcommands this run does not declare. */
  readonly #idle = new WeakSet<Command>();
  /** The top-level command this run is for; null for none (root help, --version), "*" for all. */
  #target: string | null | undefined;

  constructor(
    readonly argv: string[],
    readonly lang: Lang,
  ) {
    this.t = (key) => translate(lang, key as MessageKey); // help.<path> and opt.<name> of the declarations below
  }

  /** An action that loads its area's module only when it runs, so that --help stays light. */
  run(load: () => Promise<Module>, name: string) {
    return async (...raw: unknown[]) => {
      const command = raw[raw.length - 1] as Command;
      const args = raw.slice(0, -2).flatMap((a) => (Array.isArray(a) ? a : a === undefined ? [] : [a])) as string[];
      // Loaded here, not at the top: --help and --version never open the data file.
      const [{ Context }, module] = await Promise.all([import("./core/context.js"), load()]);
      this.ctx = new Context(command.optsWithGlobals(), this.argv);
      await this.ctx.loadMessages(this.platformLang);
      await (await import("./core/output.js")).loadColours(this.ctx);
      await (module[name] as Action)(this.ctx, args, command.opts());
    };
  }

  /**
   * The top-level command the arguments name: the first word after the global options (for `help <command>`,
   * the word after `help`). Only that command's subcommands are declared: building all of them cost every run
   * 15–20 ms (npm run bench), and they appear only in their own command's help.
   */
  #targetOf(program: Command): string | null {
    if (this.#target !== undefined) return this.#target;
    const withValue = new Set(program.options.filter((o) => o.required || o.optional).flatMap((o) => [o.long, o.short]));
    const words: string[] = [];
    for (let i = 0; i < this.argv.length && words.length < 2; i++) {
      const arg = this.argv[i]!;
      if (arg === "--") return (this.#target = "*");
      if (arg.startsWith("-")) {
        if (withValue.has(arg)) i++;
        continue;
      }
      words.push(arg);
    }
    return (this.#target = (words[0] === "help" ? words[1] : words[0]) ?? null);
  }

  /** Declares a command with a translated description and its examples after the help text. */
  command(parent: Command, spec: string, path: string, alias?: string): Command {
    if (parent === UNUSED || this.#idle.has(parent)) return UNUSED;
    const command = parent.command(spec).description(this.t(`help.${path}`));
    if (parent.parent === null) {
      const target = this.#targetOf(parent);
      if (target !== "*" && target !== spec.split(" ")[0] && target !== alias) this.#idle.add(command);
    }
    if (alias) command.alias(alias);
    const examples = EXAMPLES[path];
    if (examples) command.addHelpText("before", `${this.t("help.examples")}:\n${examples.map((e) => `  $ plattform ${e}`).join("\n")}\n`);
    return command;
  }

  option(command: Command, flags: string, key: string, choices?: readonly string[]): Command {
    if (command === UNUSED) return UNUSED;
    const option = new Option(flags, this.t(`opt.${key}`));
    if (choices) option.choices(choices);
    return command.addOption(option);
  }
}

export function buildProgram(cli: Cli): Command {
  const t = cli.t;
  const program = new Command("plattform")
    .description(t("help.program"))
    .version(VERSION, "-V, --version", t("opt.version"))
    .helpOption("-h, --help", t("opt.help"))
    .helpCommand(true)
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({
      outputError: (message) => {
        cli.usageError = message;
      },
    })
    .addHelpText("before", `${t("help.examples")}:\n${EXAMPLES[""]!.map((e) => `  $ plattform ${e}`).join("\n")}\n`);
  program
    .option("--db <file>", t("opt.db"))
    .option("--json", t("opt.json"))
    .option("--lang <de|en>", t("opt.lang"))
    .option("--as <name>", t("opt.as"))
    .option("--yes", t("opt.yes"))
    .option("--no-input", t("opt.noInput"))
    .option("--no-color", t("opt.noColor"))
    .option("--debug", t("opt.debug"));

  const platform = () => import("./platform/handlers.js");
  cli.command(program, "init", "init").option("--name <name>", t("opt.platformName")).action(cli.run(platform, "init"));
  cli.command(program, "demo", "demo").action(cli.run(() => import("./demo/handlers.js"), "demo"));
  cli.command(program, "status", "status").action(cli.run(platform, "status"));
  const maintenance = () => import("./maintenance/handlers.js");
  cli.command(program, "backup <file>", "backup").action(cli.run(maintenance, "backup"));
  cli.command(program, "restore <file>", "restore").action(cli.run(maintenance, "restore"));
  cli.command(program, "check", "check").action(cli.run(maintenance, "check"));
  const log = cli.command(program, "log", "log");
  cli.option(log, "--since <date>", "logSince");
  cli.option(log, "--entity <type>", "logEntity");
  cli.option(log, "--who <name>", "logWho");
  cli.option(log, "--limit <n>", "logLimit").action(cli.run(maintenance, "log"));
  const config = cli.command(program, "config", "config");
  cli.command(config, "get [key]", "config.get").action(cli.run(platform, "configGet"));
  cli.command(config, "set <key> <value>", "config.set").action(cli.run(platform, "configSet"));

  const groups = () => import("./groups/handlers.js");
  const g = cli.command(program, "groups", "groups");
  const groupFields = (command: Command) => {
    cli.option(command, "--short <code>", "short");
    cli.option(command, "--kind <kind>", "kind");
    cli.option(command, "--joined <date>", "joined");
    cli.option(command, "--email <email>", "email");
    cli.option(command, "--phone <phone>", "phone");
    return cli.option(command, "--notes <text>", "notes");
  };
  groupFields(cli.command(g, "add <name>", "groups.add")).action(cli.run(groups, "add"));
  cli.option(cli.command(g, "list", "groups.list"), "--all", "allGroups").action(cli.run(groups, "list"));
  cli.command(g, "show <group>", "groups.show").action(cli.run(groups, "show"));
  cli.option(groupFields(cli.command(g, "edit <group>", "groups.edit")), "--name <name>", "name").action(cli.run(groups, "edit"));
  cli.option(cli.command(g, "leave <group>", "groups.leave"), "--date <date>", "leaveDate").action(cli.run(groups, "leave"));
  cli.option(cli.command(g, "import <file>", "groups.import"), "--dry-run", "dryRun").action(cli.run(groups, "importCsv"));
  const gExport = cli.command(g, "export", "groups.export");
  cli.option(gExport, "--format <format>", "exportFormat", ["csv", "json"]);
  cli.option(gExport, "--out <file>", "out").action(cli.run(groups, "exportGroups"));

  const people = () => import("./people/handlers.js");
  const p = cli.command(program, "people", "people");
  const personFields = (command: Command) => {
    cli.option(command, "--email <email>", "email");
    cli.option(command, "--phone <phone>", "phone");
    return cli.option(command, "--notes <text>", "notes");
  };
  const pAdd = personFields(cli.command(p, "add <name>", "people.add"));
  cli.option(pAdd, "--group <group>", "group");
  cli.option(pAdd, "--role <role>", "role", ["representative", "key-person", "member"]);
  cli.option(pAdd, "--since <date>", "since").action(cli.run(people, "add"));
  const pList = cli.command(p, "list", "people.list");
  cli.option(pList, "--group <group>", "filterGroup");
  cli.option(pList, "--role <role>", "filterRole", ["representative", "key-person", "member"]);
  cli.option(pList, "--all", "allPeople").action(cli.run(people, "list"));
  cli.command(p, "show <person>", "people.show").action(cli.run(people, "show"));
  cli.option(personFields(cli.command(p, "edit <person>", "people.edit")), "--name <name>", "name").action(cli.run(people, "edit"));
  const pLink = cli.command(p, "link <person> <group>", "people.link");
  cli.option(pLink, "--role <role>", "role", ["representative", "key-person", "member"]);
  cli.option(pLink, "--since <date>", "since").action(cli.run(people, "link"));
  const pUnlink = cli.command(p, "unlink <person> <group>", "people.unlink");
  cli.option(pUnlink, "--role <role>", "role", ["representative", "key-person", "member"]);
  cli.option(pUnlink, "--until <date>", "until").action(cli.run(people, "unlink"));
  cli.command(p, "forget <person>", "people.forget").action(cli.run(people, "forget"));
  cli.option(cli.command(p, "import <file>", "people.import"), "--dry-run", "dryRun").action(cli.run(people, "importCsv"));
  const pExport = cli.command(p, "export [person]", "people.export");
  cli.option(pExport, "--format <format>", "peopleExportFormat", ["csv", "json", "text"]);
  cli.option(pExport, "--out <file>", "out").action(cli.run(people, "exportPeople"));

  const meetings = () => import("./meetings/handlers.js");
  const m = cli.command(program, "meetings", "meetings");
  const meetingFields = (command: Command) => {
    cli.option(command, "--date <date>", "meetingDate");
    cli.option(command, "--time <HH:MM>", "time");
    cli.option(command, "--end <HH:MM>", "end");
    cli.option(command, "--place <place>", "place");
    cli.option(command, "--title <title>", "title");
    cli.option(command, "--team <team>", "team");
    cli.option(command, "--chair <person>", "chair");
    cli.option(command, "--secretary <person>", "secretary");
    return cli.option(command, "--invited <date>", "invited");
  };
  const mAdd = meetingFields(cli.command(m, "add <kind>", "meetings.add"));
  cli.option(mAdd, "--template <name>", "template").action(cli.run(meetings, "add"));
  const mList = cli.command(m, "list", "meetings.list");
  cli.option(mList, "--upcoming", "upcoming");
  cli.option(mList, "--past", "past");
  cli.option(mList, "--kind <kind>", "meetingKind").action(cli.run(meetings, "list"));
  cli.command(m, "show <meeting>", "meetings.show").action(cli.run(meetings, "show"));
  meetingFields(cli.command(m, "edit <meeting>", "meetings.edit")).action(cli.run(meetings, "edit"));
  cli.command(m, "cancel <meeting>", "meetings.cancel").action(cli.run(meetings, "cancel"));
  const item = cli.command(m, "item", "meetings.item");
  const itemAdd = cli.command(item, "add <meeting> <title>", "meetings.item.add");
  cli.option(itemAdd, "--type <type>", "itemType", ["report", "discussion", "decision", "election", "info"]);
  cli.option(itemAdd, "--presenter <person>", "presenter");
  cli.option(itemAdd, "--duration <minutes>", "duration").action(cli.run(meetings, "itemAdd"));
  cli.command(item, "move <meeting> <item-no> <to>", "meetings.item.move").action(cli.run(meetings, "itemMove"));
  cli.command(item, "remove <meeting> <item-no>", "meetings.item.remove").action(cli.run(meetings, "itemRemove"));
  const mAttend = cli.command(m, "attend <meeting> <person...>", "meetings.attend");
  cli.option(mAttend, "--for <group>", "for");
  cli.option(mAttend, "--guest", "guest").action(cli.run(meetings, "attend"));
  cli.command(m, "excuse <meeting> <group-or-person>", "meetings.excuse").action(cli.run(meetings, "excuse"));
  cli.command(m, "note <meeting> <item-no> <text>", "meetings.note").action(cli.run(meetings, "note"));
  cli.command(m, "close <meeting>", "meetings.close").action(cli.run(meetings, "close"));
  const mApprove = cli.command(m, "approve <meeting>", "meetings.approve");
  cli.option(mApprove, "--at <meeting>", "approveAt");
  cli.option(mApprove, "--corrections <text>", "corrections").action(cli.run(meetings, "approveMinutes"));
  cli.command(m, "amend <meeting> <text>", "meetings.amend").action(cli.run(meetings, "amendMinutes"));
  const template = cli.command(m, "template", "meetings.template");
  cli.command(template, "show [name]", "meetings.template.show").action(cli.run(meetings, "templateShow"));
  cli.command(template, "set <name> <file>", "meetings.template.set").action(cli.run(meetings, "templateSet"));
  const mExport = cli.command(m, "export", "meetings.export");
  cli.option(mExport, "--format <format>", "calendarFormat", ["ics"]);
  cli.option(mExport, "--out <file>", "out");
  cli.option(mExport, "--kind <kind>", "meetingKind");
  cli.option(mExport, "--upcoming", "upcoming").action(cli.run(() => import("./meetings/ics.js"), "exportCalendar"));
  cli.command(m, "run <meeting>", "meetings.run").action(cli.run(() => import("./meetings/run.js"), "run"));
  const mTurnout = cli.command(m, "turnout <meeting> <group>", "meetings.turnout");
  cli.option(mTurnout, "--pledged <n>", "turnoutPledged");
  cli.option(mTurnout, "--actual <n>", "turnoutActual").action(cli.run(() => import("./assemblies/handlers.js"), "turnout"));

  const votes = () => import("./votes/handlers.js");
  const v = cli.command(program, "votes", "votes");
  const vOpen = cli.command(v, "open <meeting> <motion>", "votes.open");
  cli.option(vOpen, "--item <item-no>", "voteItem");
  cli.option(vOpen, "--mover <group-or-person>", "mover");
  cli.option(vOpen, "--mode <mode>", "voteMode", ["roll-call", "count", "secret"]);
  cli.option(vOpen, "--majority <majority>", "voteMajority", ["simple", "two-thirds", "three-quarters", "unanimous"]);
  cli.option(vOpen, "--base <base>", "voteBase", ["yes-no", "yes-no-abstain", "present", "entitled"]).action(cli.run(votes, "open"));
  cli.command(v, "cast <vote> <group> <choice>", "votes.cast").action(cli.run(votes, "cast"));
  const vRecast = cli.command(v, "recast <vote> <group> <choice>", "votes.recast");
  vRecast.addOption(new Option("--reason <text>", t("opt.reason")).makeOptionMandatory()).action(cli.run(votes, "recast"));
  const vCount = cli.command(v, "count <vote>", "votes.count");
  cli.option(vCount, "--yes <n>", "yesVotes");
  cli.option(vCount, "--no <n>", "noVotes");
  cli.option(vCount, "--abstain <n>", "abstainVotes").action(cli.run(votes, "count"));
  cli.command(v, "close <vote>", "votes.close").action(cli.run(votes, "close"));
  cli.command(v, "show <vote>", "votes.show").action(cli.run(votes, "show"));
  cli.option(cli.command(v, "list", "votes.list"), "--meeting <meeting>", "voteMeeting").action(cli.run(votes, "list"));

  const elections = () => import("./elections/handlers.js");
  const el = cli.command(program, "elections", "elections");
  const elTally = cli.command(el, "tally [election]", "elections.tally");
  cli.option(elTally, "--blt <file>", "blt");
  cli.option(elTally, "--seed <n>", "seed").action(cli.run(elections, "tally"));
  const elAdd = cli.command(el, "add <meeting>", "elections.add");
  cli.option(elAdd, "--team <team>", "electionTeam");
  cli.option(elAdd, "--seats <n>", "electionSeats");
  cli.option(elAdd, "--method <method>", "electionMethod", ["scottish-stv", "approval", "yes-no-abstain"]);
  cli.option(elAdd, "--term-months <n>", "electionTermMonths");
  cli.option(elAdd, "--item <item-no>", "electionItem").action(cli.run(elections, "add"));
  cli.option(cli.command(el, "nominate <election> <person>", "elections.nominate"), "--by <group>", "nominatedBy").action(cli.run(elections, "nominate"));
  cli.command(el, "accept <election> <person>", "elections.accept").action(cli.run(elections, "accept"));
  cli.command(el, "withdraw <election> <person>", "elections.withdraw").action(cli.run(elections, "withdraw"));
  cli.option(cli.command(el, "ballot <election> <choice...>", "elections.ballot"), "--group <group>", "ballotGroup").action(cli.run(elections, "ballot"));
  cli.command(el, "import <election> <file>", "elections.import").action(cli.run(elections, "importBallots"));
  cli.option(cli.command(el, "export <election>", "elections.export"), "--out <file>", "out").action(cli.run(elections, "exportBallots"));
  cli.command(el, "show <election>", "elections.show").action(cli.run(elections, "show"));
  const elList = cli.command(el, "list", "elections.list");
  cli.option(elList, "--meeting <meeting>", "electionMeeting");
  cli.option(elList, "--team <team>", "electionTeam").action(cli.run(elections, "list"));
  cli.command(el, "certify <election>", "elections.certify").action(cli.run(elections, "certify"));

  const teams = () => import("./teams/handlers.js");
  const tm = cli.command(program, "teams", "teams");
  cli.command(tm, "list", "teams.list").action(cli.run(teams, "list"));
  cli.command(tm, "show <team>", "teams.show").action(cli.run(teams, "show"));
  const tmAdd = cli.command(tm, "add <name>", "teams.add");
  tmAdd.addOption(new Option("--kind <kind>", t("opt.teamKind")).choices(["action", "strategy-finance", "other"]).makeOptionMandatory());
  cli.option(tmAdd, "--short <code>", "teamShort").action(cli.run(teams, "add"));
  const tmEdit = cli.command(tm, "edit <team>", "teams.edit");
  cli.option(tmEdit, "--name <name>", "teamName");
  cli.option(tmEdit, "--short <code>", "teamNewShort").action(cli.run(teams, "edit"));
  const tmJoin = cli.command(tm, "join <team> <person>", "teams.join");
  cli.option(tmJoin, "--role <role>", "teamRole", ["lead", "member"]);
  cli.option(tmJoin, "--from <date>", "teamFrom");
  cli.option(tmJoin, "--until <date>", "teamUntil").action(cli.run(teams, "join"));
  cli.option(cli.command(tm, "leave <team> <person>", "teams.leave"), "--date <date>", "teamLeaveDate").action(cli.run(teams, "leave"));

  const conversations = () => import("./conversations/handlers.js");
  const cv = cli.command(program, "conversations", "conversations", "1on1");
  const cvAdd = cli.command(cv, "add", "conversations.add");
  cli.option(cvAdd, "--with <person...>", "convWith");
  cli.option(cvAdd, "--by <person>", "convBy");
  cli.option(cvAdd, "--date <date>", "convDate");
  cli.option(cvAdd, "--kind <kind>", "convKind", ["one-to-one", "house-meeting", "research"]);
  cli.option(cvAdd, "--group <group>", "convGroup");
  cli.option(cvAdd, "--topics <topics>", "convTopics");
  cli.option(cvAdd, "--notes <text>", "convNotes");
  cli.option(cvAdd, "--next-step <text>", "convNextStep");
  cli.option(cvAdd, "--follow-up <date>", "convFollowUp").action(cli.run(conversations, "add"));
  const cvList = cli.command(cv, "list", "conversations.list");
  cli.option(cvList, "--person <person>", "convFilterPerson");
  cli.option(cvList, "--group <group>", "convFilterGroup");
  cli.option(cvList, "--by <person>", "convFilterBy");
  cli.option(cvList, "--topic <topic>", "convFilterTopic");
  cli.option(cvList, "--since <date>", "convSince");
  cli.option(cvList, "--until <date>", "convUntil").action(cli.run(conversations, "list"));
  cli.command(cv, "show <conversation>", "conversations.show").action(cli.run(conversations, "show"));
  const tp = cli.command(program, "topics", "topics");
  cli.command(tp, "list", "topics.list").action(cli.run(conversations, "topicsList"));
  cli.command(tp, "add <name>", "topics.add").action(cli.run(conversations, "topicsAdd"));

  const campaigns = () => import("./campaigns/handlers.js");
  const cp = cli.command(program, "campaigns", "campaigns");
  const cpAdd = cli.command(cp, "add <name>", "campaigns.add");
  cpAdd.addOption(new Option("--topic <topic>", t("opt.campTopic")).makeOptionMandatory());
  cpAdd.addOption(new Option("--team <team>", t("opt.campTeam")).makeOptionMandatory());
  cli.option(cpAdd, "--goal <text>", "campGoal");
  cli.option(cpAdd, "--status <status>", "campStatus", ["research", "action", "negotiation", "won", "lost", "paused"]);
  cli.option(cpAdd, "--date <date>", "campDate").action(cli.run(campaigns, "add"));
  cli.option(cli.command(cp, "list", "campaigns.list"), "--all", "campAll").action(cli.run(campaigns, "list"));
  cli.command(cp, "show <campaign>", "campaigns.show").action(cli.run(campaigns, "show"));
  const cpUpdate = cli.command(cp, "update <campaign> <text>", "campaigns.update");
  cli.option(cpUpdate, "--meeting <meeting>", "campMeeting");
  cli.option(cpUpdate, "--date <date>", "campUpdateDate");
  cli.option(cpUpdate, "--status <status>", "campUpdateStatus", ["research", "action", "negotiation", "won", "lost", "paused"]).action(cli.run(campaigns, "update"));

  const commitments = () => import("./commitments/handlers.js");
  const cm = cli.command(program, "commitments", "commitments");
  const cmAdd = cli.command(cm, "add", "commitments.add");
  cli.option(cmAdd, "--ask <text>", "commitmentAsk");
  cli.option(cmAdd, "--from <decision-maker>", "commitmentFrom");
  cli.option(cmAdd, "--office <office>", "commitmentOffice");
  cli.option(cmAdd, "--body <body>", "commitmentBody");
  cli.option(cmAdd, "--answer <answer>", "commitmentAnswer", ["yes", "no", "partial", "absent"]);
  cli.option(cmAdd, "--at <meeting>", "commitmentAt");
  cli.option(cmAdd, "--date <date>", "commitmentDate");
  cli.option(cmAdd, "--due <date>", "commitmentDue").action(cli.run(commitments, "add"));
  const cmUpdate = cli.command(cm, "update <commitment>", "commitments.update");
  cli.option(cmUpdate, "--status <status>", "commitmentStatus", ["pending", "in-progress", "kept", "broken"]);
  cli.option(cmUpdate, "--note <text>", "commitmentNote");
  cli.option(cmUpdate, "--date <date>", "commitmentUpdateDate").action(cli.run(commitments, "update"));
  const cmList = cli.command(cm, "list", "commitments.list");
  cli.option(cmList, "--status <status>", "filterCommitmentStatus", ["pending", "in-progress", "kept", "broken"]);
  cli.option(cmList, "--from <decision-maker>", "filterDecisionMaker");
  cli.option(cmList, "--body <body>", "filterBody");
  cli.option(cmList, "--overdue", "overdueCommitments");
  cli.option(cmList, "--since <date>", "commitmentsSince").action(cli.run(commitments, "list"));
  cli.command(cm, "show <commitment>", "commitments.show").action(cli.run(commitments, "show"));

  const tasks = () => import("./tasks/handlers.js");
  const tk = cli.command(program, "tasks", "tasks");
  const tAdd = cli.command(tk, "add <title>", "tasks.add");
  tAdd.addOption(new Option("--owner <person-or-group>", t("opt.owner")).makeOptionMandatory());
  cli.option(tAdd, "--due <date>", "due");
  cli.option(tAdd, "--meeting <meeting>", "taskMeeting");
  cli.option(tAdd, "--item <item-no>", "taskItem").action(cli.run(tasks, "add"));
  const tList = cli.command(tk, "list", "tasks.list");
  cli.option(tList, "--open", "openTasks");
  cli.option(tList, "--overdue", "overdueTasks");
  cli.option(tList, "--owner <person-or-group>", "filterOwner");
  cli.option(tList, "--meeting <meeting>", "filterMeeting").action(cli.run(tasks, "list"));
  cli.option(cli.command(tk, "done <task>", "tasks.done"), "--date <date>", "doneDate").action(cli.run(tasks, "done"));

  const funds = () => import("./fundraising/handlers.js");
  const fr = cli.command(program, "fundraising", "fundraising", "funds");
  const frFunders = cli.command(fr, "funders", "fundraising.funders");
  const frFAdd = cli.command(frFunders, "add <name>", "fundraising.funders.add");
  cli.option(frFAdd, "--kind <kind>", "fundsFunderKind");
  cli.option(frFAdd, "--contact <name>", "fundsContact");
  cli.option(frFAdd, "--role <role>", "fundsContactRole");
  cli.option(frFAdd, "--email <email>", "email");
  cli.option(frFAdd, "--phone <phone>", "phone");
  cli.option(frFAdd, "--website <url>", "fundsWebsite");
  cli.option(frFAdd, "--notes <text>", "notes").action(cli.run(funds, "fundersAdd"));
  cli.command(frFunders, "list", "fundraising.funders.list").action(cli.run(funds, "fundersList"));
  cli.command(frFunders, "show <funder>", "fundraising.funders.show").action(cli.run(funds, "fundersShow"));
  const frFEdit = cli.command(frFunders, "edit <funder>", "fundraising.funders.edit");
  cli.option(frFEdit, "--name <name>", "fundsFunderName");
  cli.option(frFEdit, "--kind <kind>", "fundsFunderKind");
  cli.option(frFEdit, "--website <url>", "fundsWebsite");
  cli.option(frFEdit, "--notes <text>", "notes").action(cli.run(funds, "fundersEdit"));
  const frFContact = cli.command(frFunders, "contact <funder> <name>", "fundraising.funders.contact");
  cli.option(frFContact, "--role <role>", "fundsContactRole");
  cli.option(frFContact, "--email <email>", "email");
  cli.option(frFContact, "--phone <phone>", "phone").action(cli.run(funds, "fundersContact"));
  const frApply = cli.command(fr, "apply <funder> <title>", "fundraising.apply");
  frApply.addOption(new Option("--amount <money>", t("opt.fundsAmount")).makeOptionMandatory());
  cli.option(frApply, "--deadline <date>", "fundsDeadline");
  cli.option(frApply, "--decision <date>", "fundsDecision");
  cli.option(frApply, "--probability <0-100>", "fundsProbability");
  cli.option(frApply, "--purpose <text>", "fundsPurpose");
  cli.option(frApply, "--restricted", "fundsRestricted");
  cli.option(frApply, "--stage <stage>", "fundsInitialStage");
  cli.option(frApply, "--date <date>", "fundsStageDate").action(cli.run(funds, "apply"));
  const frApps = cli.command(fr, "applications", "fundraising.applications");
  const frAList = cli.command(frApps, "list", "fundraising.applications.list");
  cli.option(frAList, "--stage <stage>", "fundsFilterStage");
  cli.option(frAList, "--funder <funder>", "fundsFilterFunder").action(cli.run(funds, "applicationsList"));
  cli.command(frApps, "show <application>", "fundraising.applications.show").action(cli.run(funds, "applicationsShow"));
  const frAExport = cli.command(frApps, "export", "fundraising.applications.export");
  cli.option(frAExport, "--format <format>", "exportFormat", ["csv", "json"]);
  cli.option(frAExport, "--out <file>", "out").action(cli.run(funds, "applicationsExport"));
  const frStage = cli.command(fr, "stage <application> <stage>", "fundraising.stage");
  cli.option(frStage, "--date <date>", "fundsStageDate");
  cli.option(frStage, "--reopen", "fundsReopen");
  cli.option(frStage, "--awarded <money>", "fundsAwarded");
  cli.option(frStage, "--from <date>", "fundsPeriodFrom");
  cli.option(frStage, "--until <date>", "fundsPeriodUntil");
  cli.option(frStage, "--note <text>", "fundsNote").action(cli.run(funds, "stage"));
  const frDue = cli.command(fr, "report-due", "fundraising.report-due");
  cli.command(frDue, "add <application> <kind> <date>", "fundraising.report-due.add").action(cli.run(funds, "reportDueAdd"));
  cli.option(cli.command(frDue, "done <deadline>", "fundraising.report-due.done"), "--date <date>", "fundsSubmittedDate").action(cli.run(funds, "reportDueDone"));
  const frIncome = cli.command(fr, "income", "fundraising.income");
  const frIAdd = cli.command(frIncome, "add <amount>", "fundraising.income.add");
  cli.option(frIAdd, "--date <date>", "fundsIncomeDate");
  cli.option(frIAdd, "--kind <kind>", "fundsIncomeKind");
  cli.option(frIAdd, "--from <source>", "fundsIncomeFrom");
  cli.option(frIAdd, "--application <application>", "fundsApplication");
  cli.option(frIAdd, "--fund <purpose>", "fundsFund");
  cli.option(frIAdd, "--year <year>", "fundsDuesYear");
  cli.option(frIAdd, "--note <text>", "fundsNote").action(cli.run(funds, "incomeAdd"));
  const incomeFilters = (command: Command) => {
    cli.option(command, "--year <year>", "fundsFilterYear");
    cli.option(command, "--kind <kind>", "fundsFilterKind");
    return cli.option(command, "--from <source>", "fundsFilterFrom");
  };
  incomeFilters(cli.command(frIncome, "list", "fundraising.income.list")).action(cli.run(funds, "incomeList"));
  const frIExport = incomeFilters(cli.command(frIncome, "export", "fundraising.income.export"));
  cli.option(frIExport, "--format <format>", "exportFormat", ["csv", "json"]);
  cli.option(frIExport, "--out <file>", "out").action(cli.run(funds, "incomeExport"));
  const frDues = cli.command(fr, "dues", "fundraising.dues");
  cli.option(cli.command(frDues, "set <year> <group-or-amount> [amount]", "fundraising.dues.set"), "--all", "fundsAllGroups").action(cli.run(funds, "duesSet"));
  cli.option(cli.command(frDues, "status", "fundraising.dues.status"), "--year <year>", "fundsYear").action(cli.run(funds, "duesStatusCommand"));
  const frBudget = cli.command(fr, "budget", "fundraising.budget");
  cli.command(frBudget, "set <year> <line> <amount>", "fundraising.budget.set").action(cli.run(funds, "budgetSet"));
  cli.option(cli.command(frBudget, "show", "fundraising.budget.show"), "--year <year>", "fundsYear").action(cli.run(funds, "budgetShow"));
  const frReport = cli.command(fr, "report", "fundraising.report");
  cli.option(frReport, "--year <year>", "fundsYear");
  cli.option(frReport, "--format <format>", "fundsReportFormat", ["md", "html"]);
  cli.option(frReport, "--out <file>", "out");
  cli.option(frReport, "--chart", "fundsChart");
  cli.option(frReport, "--no-chart", "fundsNoChart").action(cli.run(funds, "report"));
  cli.option(cli.command(fr, "deadlines", "fundraising.deadlines"), "--within <span>", "fundsWithin").action(cli.run(funds, "deadlines"));
  const frImport = cli.command(fr, "import <file>", "fundraising.import");
  cli.option(frImport, "--dry-run", "dryRun");
  cli.option(frImport, "--date-column <name>", "fundsDateColumn");
  cli.option(frImport, "--amount-column <name>", "fundsAmountColumn");
  cli.option(frImport, "--text-column <name>", "fundsTextColumn");
  cli.option(frImport, "--delimiter <char>", "fundsDelimiter");
  cli.option(frImport, "--kind <kind>", "fundsImportKind").action(cli.run(funds, "importBank"));

  const reports = () => import("./reports/handlers.js");
  const rp = cli.command(program, "report", "report");
  const rAgenda = cli.command(rp, "agenda <meeting>", "report.agenda");
  cli.option(rAgenda, "--format <format>", "agendaFormat", ["md", "html"]);
  cli.option(rAgenda, "--out <file>", "out").action(cli.run(reports, "agenda"));
  const rMinutes = cli.command(rp, "minutes <meeting>", "report.minutes");
  cli.option(rMinutes, "--format <format>", "minutesFormat", ["md", "html", "pdf"]);
  cli.option(rMinutes, "--out <file>", "out").action(cli.run(reports, "minutes"));
  const listeningReports = () => import("./conversations/reports.js");
  for (const [name, fn, extra] of [
    ["conversations", "conversations", "since"],
    ["coverage", "coverageReport", "months"],
    ["listening", "listeningReport", "since"],
  ] as const) {
    const r = cli.command(rp, name, `report.${name}`);
    if (extra === "since") cli.option(r, "--since <date>", name === "listening" ? "listeningSince" : "orgReportSince");
    else cli.option(r, "--months <n>", "orgReportMonths");
    cli.option(r, "--format <format>", "orgReportFormat", ["md", "html"]);
    cli.option(r, "--out <file>", "out").action(cli.run(listeningReports, fn));
  }
  for (const [name, key] of [["commitments", "commitments"], ["attendance", "attendance"]] as const) {
    const r = cli.command(rp, name, `report.${key}`);
    cli.option(r, "--since <date>", `report${key === "commitments" ? "Commitments" : "Attendance"}Since`);
    cli.option(r, "--format <format>", "organizingReportFormat", ["md", "html"]);
    cli.option(r, "--out <file>", "out").action(cli.run(reports, key));
  }
  const rAnnual = cli.command(rp, "annual <year>", "report.annual");
  cli.option(rAnnual, "--format <format>", "annualFormat", ["md", "html"]);
  cli.option(rAnnual, "--out <file>", "out").action(cli.run(reports, "annual"));

  return program;
}

/** Commander's messages, made into the one-line form of CLI.md (and German where the language is German). */
function formatCommanderError(message: string, lang: Lang): string {
  const text = message.replace(/^error:\s*/, "").trim();
  const [first, ...rest] = text.split("\n");
  const suggestion = rest.join(" ").match(/\(Did you mean (.+)\?\)/);
  const patterns: Array<[RegExp, MessageKey]> = [
    [/^unknown command '(.+)'$/, "usage.unknownCommand"],
    [/^unknown option '(.+)'$/, "usage.unknownOption"],
    [/^missing required argument '(.+)'$/, "usage.missingArgument"],
    [/^option '(.+)' argument missing$/, "usage.optionArgumentMissing"],
    [/^too many arguments(?: for '(.+)')?\..*$/, "usage.tooManyArguments"],
    [/^option '(.+)' argument '(.+)' is invalid\..*$/, "usage.invalidChoice"],
    [/^required option '(.+)' not specified$/, "usage.requiredOption"],
  ];
  let what = first ?? text;
  for (const [pattern, key] of patterns) {
    const m = pattern.exec(what);
    if (m) {
      what = translate(lang, key, { name: m[1] ?? "", value: m[2] ?? "" });
      break;
    }
  }
  const hint = suggestion ? translate(lang, "usage.didYouMean", { name: suggestion[1]! }) : translate(lang, "usage.hint");
  return `${translate(lang, "label.error")}: ${what} — ${hint}`;
}

/**
 * The Cli in the language of the run, its messages loaded before commander is given the help texts: --lang,
 * PLATTFORM_LANG, else the platform's setting (read here, so that commander's errors come in it too; not for
 * help or the version, which never need the data file), else LANG. Only that language's messages are loaded.
 */
async function cliFor(args: string[]): Promise<Cli> {
  let platformLang: Lang | undefined | null = null;
  const explicit = args.some((a) => a === "--lang" || a.startsWith("--lang=")) || isLang(process.env.PLATTFORM_LANG ?? "");
  if (!explicit && args.length > 0 && !args.some((a) => /^(-h|--help|-V|--version|help)$/.test(a)))
    platformLang = (await import("./core/language.js")).platformLangOf(args, process.env);
  const cli = new Cli(args, platformLang ?? langFromArgv(args));
  cli.platformLang = platformLang;
  await loadMessages(cli.lang);
  return cli;
}

/** A usage error, in the language of the run. */
function printUsageError(message: string, lang: Lang): void {
  process.stderr.write(`${oneLine(formatCommanderError(message, lang))}\n`);
}

function printError(error: CliError, lang: Lang): void {
  const where = error.location
    ? `${translate(lang, error.location.column ? "error.atLineColumn" : "error.atLine", { line: error.location.line, column: error.location.column ?? "" })}: `
    : "";
  // User text in the message (a name typed with a line break or an escape sequence) must not break the one line.
  const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === "string" ? oneLine(v) : v]));
  const message = translate(lang, error.key, params);
  const hint = error.hintKey ? ` — ${translate(lang, error.hintKey, params)}` : "";
  process.stderr.write(`${oneLine(`${translate(lang, "label.error")}: ${where}${message}${hint}`)}\n`);
}

/** Text for one terminal line: escape sequences and control characters removed, line breaks made spaces. */
function oneLine(text: string): string {
  return text
    .replace(/\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)?/g, "")
    .replace(/[\t\n\r]/g, " ")
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "");
}

/** A file named on the command line that the system refuses (too long a name, no permission, a full disk): exit 1. */
function fromFileSystem(error: unknown): CliError | undefined {
  const { code, syscall, path } = (error ?? {}) as { code?: unknown; syscall?: unknown; path?: unknown };
  if (typeof code !== "string" || typeof syscall !== "string" || !/^E[A-Z]+$/.test(code)) return undefined;
  return new CliError("error.fileAccess", { path: typeof path === "string" ? path : "", code }, EXIT.failed);
}

/** Database errors that are about the file, not about the program (exit 3), or about the request (exit 1). */
function fromSqlite(error: unknown, path: string): CliError | undefined {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== "string" || !code.startsWith("SQLITE_")) return undefined;
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return new CliError("error.locked", { path }, EXIT.dataFile, "error.locked.hint");
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return new CliError("error.corruptDataFile", { path }, EXIT.dataFile, "error.corruptDataFile.hint");
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_IOERR") || code === "SQLITE_FULL")
    return new CliError("error.cannotWriteDataFile", { detail: (error as Error).message }, EXIT.dataFile);
  return undefined;
}

export async function main(argv: string[] = process.argv): Promise<number> {
  const args = argv.slice(2);
  const cli = await cliFor(args);
  const program = buildProgram(cli);
  let exitCode: number = EXIT.ok;
  try {
    await program.parseAsync([...argv.slice(0, 2), ...voteCountArgs(args)]);
  } catch (error) {
    const lang = safeLang(cli);
    if (error instanceof CommanderError) {
      // Help asked for (--help, `help`, --version) is a success; help shown because a command was missing is not.
      exitCode = error.exitCode === 0 ? EXIT.ok : EXIT.usage;
      if (cli.usageError !== undefined) printUsageError(cli.usageError, cli.lang);
    } else if (error instanceof CliError) {
      printError(error, lang);
      exitCode = error.exitCode;
    } else if (fromSqlite(error, cli.ctx?.dataFile.path ?? "")) {
      const translated = fromSqlite(error, cli.ctx?.dataFile.path ?? "")!;
      printError(translated, lang);
      exitCode = translated.exitCode;
    } else if (fromFileSystem(error)) {
      const translated = fromFileSystem(error)!;
      printError(translated, lang);
      exitCode = translated.exitCode;
    } else {
      const message = oneLine(error instanceof Error ? error.message : String(error));
      process.stderr.write(`${translate(lang, "label.error")}: ${translate(lang, "error.internal", { message })}\n`);
      exitCode = EXIT.internal;
    }
    if (isDebug(cli, args) && error instanceof Error && !(error instanceof CommanderError)) process.stderr.write(`${error.stack ?? ""}\n`);
  } finally {
    try {
      cli.ctx?.close();
    } catch {
      // closing can only fail on an already broken file, whose error was reported above
    }
  }
  return exitCode;
}

/**
 * `votes count <vote> --yes <n>`: the global --yes is a switch and would leave the number behind as a stray
 * argument, so within that one command a --yes followed by a value (anything but an option) becomes `--yes=<n>`.
 */
export function voteCountArgs(args: string[]): string[] {
  const at = args.findIndex((arg, i) => arg === "votes" && args[i + 1] === "count");
  if (at < 0) return args;
  const out = args.slice(0, at + 2);
  for (let i = at + 2; i < args.length; i++) {
    if (args[i] === "--") return [...out, ...args.slice(i)];
    if (args[i] === "--yes" && args[i + 1] !== undefined && !/^--?[a-z]/i.test(args[i + 1]!)) out.push(`--yes=${args[++i]}`);
    else out.push(args[i]!);
  }
  return out;
}

function safeLang(cli: Cli): Lang {
  try {
    return cli.ctx ? cli.ctx.lang : cli.lang;
  } catch {
    return cli.lang;
  }
}

function isDebug(cli: Cli, args: string[]): boolean {
  return cli.ctx?.debug ?? (args.includes("--debug") || (process.env.DEBUG ?? "").split(",").includes("plattform"));
}
