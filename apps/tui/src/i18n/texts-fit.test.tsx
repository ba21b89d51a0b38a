import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, describe, expect, it } from "vitest";
import { App } from "../app.js";
import { createFakeSource } from "../test-support/fake-source.js";
import { failedOperation, makeOperation } from "../test-support/operations.js";
import { waitForFrame } from "../test-support/wait-for-frame.js";
import { catalogs, languages } from "./languages.js";
import { createTranslator } from "./translator.js";

let instance: ReturnType<typeof render> | undefined;
afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

const now = () => Date.parse("2026-11-22T15:02:00Z");

async function dashboard(language: (typeof languages)[number], columns: number, rows = 40) {
  const fake = createFakeSource("proxy");
  const translate = createTranslator(catalogs[language]);
  instance = render(
    <App
      source={fake.source}
      display={{ translate, color: false }}
      size={{ columns, rows }}
      renderIntervalMs={0}
      now={now}
    />,
  );
  fake.emit({
    type: "connection",
    connection: { state: "reconnecting", attempt: 12, retryInMs: 14_000, reason: "connect ECONNREFUSED" },
    at: now(),
  });
  for (const [index, status] of (
    ["running", "notStarted", "succeeded", "unknownFutureValue"] as const
  ).entries()) {
    fake.update(
      makeOperation({ id: `${index}0000000-0000-4000-8000-000000000000`, status, rawStatus: status }),
      now(),
    );
  }
  fake.update(failedOperation, now());
  await waitForFrame(instance.lastFrame, (text) => text.includes("c3d4e5f6"));
  return { translate, app: instance };
}

const lines = (frame: string) => frame.split("\n");

describe("the header, footer and help fit, in every language", () => {
  for (const language of languages) {
    it(`${language}: at 60 and 80 columns the first line keeps the connection and every count`, async () => {
      for (const columns of [60, 80]) {
        const { translate, app } = await dashboard(language, columns);
        const [first = "", second = ""] = lines(app.lastFrame() ?? "");
        expect(stringWidth(first)).toBeLessThanOrEqual(columns - 1);
        expect(first).toContain(`● ${translate("connection.reconnecting", { attempt: 12, seconds: 14 })}`);
        for (const symbol of ["▶", "○", "✔", "✖", "?"]) expect(first).toMatch(new RegExp(`\\${symbol} ?1`));
        expect(first).not.toContain("…");
        expect(second.startsWith("connect ECONNREFUSED")).toBe(true);
        app.unmount();
      }
    });

    it(`${language}: the footer names every key at 80 and 120 columns, with labels when they fit`, async () => {
      for (const columns of [80, 120]) {
        const { translate, app } = await dashboard(language, columns);
        const footer = lines(app.lastFrame() ?? "").at(-1) ?? "";
        expect(stringWidth(footer)).toBeLessThanOrEqual(columns - 1);
        expect(footer).not.toContain("…");
        for (const key of ["↑↓", "⏎", "/", "s", "f", "d", "c", "?", "q"]) {
          expect(footer.split(/ · | /)).toContain(key);
        }
        expect(footer).toContain(`? ${translate("helpBar.help")}`);
        expect(footer).toContain(`q ${translate("helpBar.quit")}`);
        if (columns === 120) expect(footer).toContain(`d ${translate("helpBar.stop")}`);
        app.unmount();
      }
    });

    it(`${language}: the help shows every line whole at 60 columns (wrapped, scrolled, never cut)`, async () => {
      const { translate, app } = await dashboard(language, 60, 60);
      app.stdin.write("?");
      const help = await waitForFrame(app.lastFrame, (text) => text.includes(translate("help.title")));
      const text = lines(help)
        .map((line) => line.replace(/^[│╭╰]\s?|\s?[│╮╯]$/g, "").trim())
        .join("")
        .replace(/\s+/g, "");
      for (const key of ["help.move", "help.filter", "help.sort", "help.mouse", "help.quit"] as const) {
        expect(text).toContain(translate(key).replace(/\s+/g, ""));
      }
      expect(help).not.toContain("…");
    });
  }
});
