// A date inside a message is written as the message's language writes dates (core/errors.ts dateParam).
import { beforeAll, describe, expect, it } from "vitest";
import { dateParam } from "../../src/core/errors.js";
import { fill, loadMessages, translate } from "../../src/core/i18n.js";

beforeAll(async () => {
  await loadMessages("en");
  await loadMessages("de");
});

describe("a date parameter", () => {
  it("reads 10.03.2026 in German and 2026-03-10 in English", () => {
    const params = { id: 2, date: dateParam("2026-03-10") };
    expect(translate("de", "error.meetingNotYet", params)).toBe("Sitzung #2 ist am 10.03.2026 und hat noch nicht stattgefunden");
    expect(translate("en", "error.meetingNotYet", params)).toBe("meeting #2 is on 2026-03-10 and has not taken place yet");
  });

  it("fill, without a language, shows the date as stored", () => {
    expect(fill("am {date}", { date: dateParam("2026-03-10") })).toBe("am 2026-03-10");
  });
});
