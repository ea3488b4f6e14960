// Issue 18, item 2: names as people type them. Case, accents and spelling variants are folded (Şahin = Sahin,
// Müller = Mueller = Muller, ß = ss), short codes are accepted, an ambiguous name lists the candidates and an
// unknown one suggests the closest names, in the platform's language.
import { beforeAll, describe, expect, it } from "vitest";
import { buildTemplate, copyOf, fails, okJson } from "./util.js";

let template: string;
beforeAll(async () => {
  template = await buildTemplate([
    ["groups", "add", "Ökumenisches Zentrum Süd", "--short", "ÖZS", "--kind", "parish", "--joined", "2016-03-14"],
    ["groups", "add", "Moscheeverein Al-Nur", "--short", "NUR", "--kind", "mosque", "--joined", "2016-06-20"],
    ["people", "add", "Fatma Şahin"],
    ["people", "add", "Hatice Kaya"],
    ["people", "add", "Jörg Müller"],
    ["people", "add", "Jorg Muller"],
    ["people", "add", "Hans Weiß"],
    ["teams", "add", "Strategieteam Wohnen", "--short", "wohnen", "--kind", "action"],
    ["fundraising", "funders", "add", "Bürgerstiftung Köln", "--kind", "foundation"],
  ]);
}, 60_000);

const platform = () => copyOf(template);
type Named = { id: number; name: string };

describe("lookups fold case, accents and spelling variants", () => {
  it.each([["Fatma Şahin"], ["Fatma Sahin"], ["fatma şahin"], ["FATMA SAHIN"], ["  fatma   sahin "]])("%s finds Fatma Şahin", async (ref) => {
    expect(await okJson<Named>(["people", "show", ref], { db: platform() })).toMatchObject({ name: "Fatma Şahin" });
  });

  it("ß is ss", async () => {
    expect(await okJson<Named>(["people", "show", "hans weiss"], { db: platform() })).toMatchObject({ name: "Hans Weiß" });
  });

  it("an exact name wins over its folded twins", async () => {
    const db = platform();
    expect(await okJson<Named>(["people", "show", "jörg müller"], { db })).toMatchObject({ name: "Jörg Müller" });
    expect(await okJson<Named>(["people", "show", "Jorg Muller"], { db })).toMatchObject({ name: "Jorg Muller" });
  });

  it("groups by folded name and short code, teams and funders by folded name", async () => {
    const db = platform();
    expect(await okJson<Named>(["groups", "show", "oekumenisches zentrum sud"], { db })).toMatchObject({ name: "Ökumenisches Zentrum Süd" });
    expect(await okJson<Named>(["groups", "show", "OZS"], { db })).toMatchObject({ name: "Ökumenisches Zentrum Süd" });
    expect(await okJson<Named>(["groups", "show", "nur"], { db })).toMatchObject({ name: "Moscheeverein Al-Nur" });
    expect(await okJson<Named>(["teams", "show", "WOHNEN"], { db })).toMatchObject({ name: "Strategieteam Wohnen" });
    expect(await okJson<Named>(["fundraising", "funders", "show", "Buergerstiftung Koeln"], { db })).toMatchObject({ name: "Bürgerstiftung Köln" });
  });
});

describe("an ambiguous name lists the candidates", () => {
  it("Joerg Mueller could be Jörg Müller or Jorg Muller", async () => {
    const result = await fails(["--lang", "en", "people", "show", "Joerg Mueller"], { db: platform() }, 1);
    expect(result.stderr).toMatch(/“Joerg Mueller” could mean several: #\d+ Jörg Müller, #\d+ Jorg Muller/);
  });
});

describe("an unknown name suggests the closest names", () => {
  it("in German", async () => {
    const result = await fails(["--lang", "de", "people", "show", "Hatice Kaja"], { db: platform() }, 1);
    expect(result.stderr).toContain("meinten Sie Hatice Kaya?");
  });

  it("in English", async () => {
    const result = await fails(["--lang", "en", "people", "show", "Hatice Kaja"], { db: platform() }, 1);
    expect(result.stderr).toContain("did you mean Hatice Kaya?");
  });

  it("for groups, teams and funders too", async () => {
    const db = platform();
    expect((await fails(["--lang", "en", "groups", "show", "Moscheverein Al-Nur"], { db }, 1)).stderr).toContain("did you mean Moscheeverein Al-Nur?");
    expect((await fails(["--lang", "en", "teams", "show", "Strategieteam Wohen"], { db }, 1)).stderr).toContain("did you mean Strategieteam Wohnen?");
    expect((await fails(["--lang", "en", "fundraising", "funders", "show", "Bürgerstiftung Köl"], { db }, 1)).stderr).toContain(
      "did you mean Bürgerstiftung Köln?",
    );
  });

  it("nothing close: the usual hint", async () => {
    const result = await fails(["--lang", "en", "people", "show", "Niemand Bekanntes"], { db: platform() }, 1);
    expect(result.stderr).not.toContain("did you mean");
  });
});
