// Every word of the program in one language: the areas' catalogues together. Loaded whole by loadMessages
// (core/i18n.ts) for the active language only, as its own chunk of the bundle.
import type { Messages } from "../../core/i18n.js";
import { de as core } from "../../core/messages/de.js";
import { de as groups } from "../../groups/messages/de.js";
import { de as people } from "../../people/messages/de.js";
import { de as platform } from "../../platform/messages/de.js";
import { de as teams } from "../../teams/messages/de.js";
import { de as meetings } from "../../meetings/messages/de.js";
import { de as tasks } from "../../tasks/messages/de.js";
import { de as votes } from "../../votes/messages/de.js";
import { de as elections } from "../../elections/messages/de.js";
import { de as assemblies } from "../../assemblies/messages/de.js";
import { de as commitments } from "../../commitments/messages/de.js";
import { de as conversations } from "../../conversations/messages/de.js";
import { de as campaigns } from "../../campaigns/messages/de.js";
import { de as fundraising } from "../../fundraising/messages/de.js";
import { de as reports } from "../../reports/messages/de.js";
import { de as maintenance } from "../../maintenance/messages/de.js";
import { de as demo } from "../../demo/messages/de.js";
import type { messages as en } from "./en.js";

export const messages: Messages<typeof en> = {
  ...core,
  ...groups,
  ...people,
  ...platform,
  ...teams,
  ...meetings,
  ...tasks,
  ...votes,
  ...elections,
  ...assemblies,
  ...commitments,
  ...conversations,
  ...campaigns,
  ...fundraising,
  ...reports,
  ...maintenance,
  ...demo,
};
