import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DisplayContext } from "../context/display-context.js";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { layoutColumns } from "../state/table-layout.js";
import { makeOperation } from "../test-support/operations.js";
import { OperationRow } from "./OperationRow.js";

// Ink's colours follow the terminal; this file looks at them, so they are on whatever runs the tests.
vi.hoisted(() => {
  process.env.FORCE_COLOR = "1";
});

const translate = createTranslator(catalogs.en);
const operation = makeOperation({ id: "aaaaaaaa-0000-4000-8000-000000000001", statusDetail: "Copying" });
const entry = { key: "a", operation, firstSeenAt: 0, updatedAt: 0, timeline: [] };
const columns = layoutColumns(97, 13);
let instance: ReturnType<typeof render> | undefined;

function row(selected: boolean, color: boolean) {
  instance = render(
    <DisplayContext.Provider value={{ translate, color }}>
      <OperationRow entry={entry} columns={columns} selected={selected} now={0} />
    </DisplayContext.Provider>,
  );
  return instance.lastFrame() ?? "";
}

afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

describe("OperationRow", () => {
  it("paints the whole selected row with a background, the gaps between cells too", () => {
    const frame = row(true, true);
    expect(frame.startsWith("\u001B[100m")).toBe(true);
    // Every cell of the row's 99 is on the background: it ends only at the end of the line.
    const painted = frame.slice(0, frame.indexOf("\u001B[49m"));
    expect(stringWidth(painted)).toBeGreaterThanOrEqual(98);
  });

  it("has no background when not selected, nor without colour, where the marker is inverse", () => {
    expect(row(false, true)).not.toContain("\u001B[100m");
    instance?.unmount();
    const plain = row(true, false);
    expect(plain).not.toContain("\u001B[100m");
    expect(plain.startsWith("\u001B[7m›")).toBe(true);
  });
});
