// Every word of the program in one language: the areas' catalogues together. Loaded whole by loadMessages
// (core/i18n.ts) for the active language only, as its own chunk of the bundle.
import { en as core } from "../../core/messages/en.js";
import { en as groups } from "../../groups/messages/en.js";
import { en as people } from "../../people/messages/en.js";
import { en as platform } from "../../platform/messages/en.js";
import { en as teams } from "../../teams/messages/en.js";
import { en as meetings } from "../../meetings/messages/en.js";
import { en as tasks } from "../../tasks/messages/en.js";
import { en as votes } from "../../votes/messages/en.js";
import { en as elections } from "../../elections/messages/en.js";
import { en as assemblies } from "../../assemblies/messages/en.js";
import { en as commitments } from "../../commitments/messages/en.js";
import { en as conversations } from "../../conversations/messages/en.js";
import { en as campaigns } from "../../campaigns/messages/en.js";
import { en as fundraising } from "../../fundraising/messages/en.js";
import { en as reports } from "../../reports/messages/en.js";
import { en as maintenance } from "../../maintenance/messages/en.js";
import { en as demo } from "../../demo/messages/en.js";

export const messages = {
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
