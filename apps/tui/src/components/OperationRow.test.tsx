import { render } from "ink-testing-library";
import stringWidth from "string-width";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DisplayContext } from "../context/display-context.js";
import { catalogs } from "../i18n/languages.js";
import { createTranslator } from "../i18n/translator.js";
import { layoutColumns } from "../state/table-layout.js";
import { makeOperation } from "../test-support/operations.js";
import { Text } from "ink";
import type React from "react";
import { rowSegments } from "../format/row-segments.js";
import { CellsRow, OperationRow } from "./OperationRow.js";

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

describe("OperationRow in a few texts", () => {
  const statuses = ["running", "succeeded", "failed", "notStarted"] as const;
  const entries = [
    entry,
    ...statuses.flatMap((status, index) => [
      {
        key: `k${index}`,
        operation: makeOperation({
          id: `${index}bcdef01-0000-4000-8000-00000000000${index}`,
          status,
          rawStatus: status,
          percentComplete: [undefined, 0, 37.5, 100][index],
          type: index === 1 ? "aVeryLongOperationTypeNameThatIsCutShort" : "teamsAsyncOperation",
          createdDateTime: "2026-11-22T14:00:00Z",
          lastActionDateTime: "2026-11-22T14:59:00Z",
          statusDetail: "Copying item 42 of 1,000: a detail long enough to be cut at the column's edge",
          ...(status === "failed" ? { error: { code: "quotaExceeded", message: "Over quota" } } : {}),
        }),
        firstSeenAt: 0,
        updatedAt: 0,
        timeline: [],
        ...(index === 3 ? { problem: "monitor gone", progress: undefined } : {}),
      },
    ]),
  ];
  const now = Date.parse("2026-11-22T15:02:00Z");

  it("draws the same screen as a box and a text per cell, selected or not, with colour or without", () => {
    // Widths the test terminal (100 columns) holds, marker and its gap included, as the dashboard lays them out.
    for (const width of [98, 75, 60, 33, 20]) {
      const widthColumns = layoutColumns(width, 13);
      for (const shown of entries) {
        for (const selected of [false, true]) {
          for (const color of [true, false]) {
            const frame = (element: React.ReactElement) => {
              const drawn = render(
                <DisplayContext.Provider value={{ translate, color }}>{element}</DisplayContext.Provider>,
              );
              const text = drawn.lastFrame() ?? "";
              drawn.unmount();
              return text;
            };
            const marker = <Text inverse={selected && !color}>{selected ? "›" : " "}</Text>;
            expect(
              frame(<OperationRow entry={shown} columns={widthColumns} selected={selected} now={now} />),
              `${width} columns, ${shown.key}, selected ${selected}, colour ${color}`,
            ).toBe(
              frame(
                <CellsRow
                  entry={shown}
                  columns={widthColumns}
                  highlight={selected && color ? "gray" : undefined}
                  marker={marker}
                  now={now}
                />,
              ),
            );
          }
        }
      }
    }
  });

  it("is drawn a cell per column when a text is not printable ASCII", () => {
    const wide = { ...entry, operation: { ...operation, statusDetail: "コピー中 — 42%" } };
    expect(rowSegments(wide, columns, 0, translate, stringWidth)).toBeUndefined();
    expect(rowSegments(entry, columns, 0, translate, stringWidth)).toBeDefined();
  });
});
