import { render } from "ink-testing-library";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "./app.js";
import { catalogs } from "./i18n/languages.js";
import { createTranslator } from "./i18n/translator.js";
import { createFakeSource } from "./test-support/fake-source.js";
import { failedOperation, makeOperation } from "./test-support/operations.js";
import { terminalControl } from "./test-support/terminal-control.js";
import { waitForFrame } from "./test-support/wait-for-frame.js";
import { MouseInput } from "./input/mouse-input.js";

const now = () => Date.parse("2026-11-22T15:02:00Z");
const display = { translate: createTranslator(catalogs.en), color: false };
let instance: ReturnType<typeof render> | undefined;

function start(size = { columns: 100, rows: 20 }, mode: "core" | "proxy" = "core", shown = display) {
  const fake = createFakeSource(mode);
  const mouse = new MouseInput();
  instance = render(
    <App source={fake.source} display={shown} size={size} renderIntervalMs={0} now={now} mouse={mouse} />,
  );
  return { ...fake, ...instance, mouse };
}

afterEach(() => {
  instance?.unmount();
  instance = undefined;
});

describe("the dashboard", () => {
  it("shows counts, the connection and a row per operation with status, progress, age and detail", async () => {
    const app = start();
    app.emit({ type: "connection", connection: { state: "polling", monitors: 2 }, at: now() });
    app.update(
      makeOperation({ id: "a1b2c3d4-0000-4000-8000-000000000001", statusDetail: "Copying files" }),
      now(),
    );
    app.update(failedOperation, now());
    const frame = await waitForFrame(
      app.lastFrame,
      (text) => text.includes("siteCopy") && text.includes("operations: 2"),
    );
    expect(frame).toContain("polling monitors: 2");
    expect(frame).toContain("operations: 2");
    expect(frame).toContain("▶ 1 running");
    expect(frame).toContain("✖ 1 failed");
    expect(frame).toMatch(/a1b2c3d4 +contentTypeCopy +▶ running +████░░░░░░ + 40%/);
    expect(frame).toMatch(/Copying files\n/);
    expect(frame).toContain("quotaExceeded: …");
    expect(frame).toMatch(/2m/);
    expect(frame).toContain("q quit");
  });

  it("names the proxy a second client may call, with its key, after the connection state", async () => {
    const fake = createFakeSource("proxy");
    const endpoint = { proxyUrl: "http://127.0.0.1:8080", apiKey: "lro-demo-key-0123456789abcdef" };
    instance = render(
      <App
        source={fake.source}
        display={display}
        endpoint={endpoint}
        size={{ columns: 120, rows: 12 }}
        renderIntervalMs={0}
        now={now}
      />,
    );
    fake.emit({ type: "connection", connection: { state: "live" }, at: now() });
    const frame = await waitForFrame(instance.lastFrame, (text) => text.includes("live"));
    expect(frame.split("\n")[0]).toMatch(/^● live +Graph operations$/);
    expect(frame.split("\n")[1]).toMatch(
      /operations: 0 +proxy http:\/\/127\.0\.0\.1:8080 · X-API-Key lro-demo-key-0123456789abcdef/,
    );
  });

  const arrowDown = "\u001B[B";
  const arrowUp = "\u001B[A";
  const escape = "\u001B";

  async function withThree() {
    const app = start();
    app.update(
      makeOperation({
        id: "aaaaaaaa-0000-4000-8000-000000000001",
        percentComplete: 10,
        createdDateTime: "2026-11-22T14:58:00Z",
      }),
      now() - 3000,
    );
    app.update(
      makeOperation({
        id: "bbbbbbbb-0000-4000-8000-000000000002",
        status: "succeeded",
        rawStatus: "succeeded",
        percentComplete: 100,
        createdDateTime: "2026-11-22T14:59:00Z",
      }),
      now() - 2000,
    );
    app.update(failedOperation, now() - 1000);
    await waitForFrame(app.lastFrame, (text) => text.includes("operations: 3"));
    return app;
  }
  const selectedRow = (frame: string) => frame.split("\n").find((line) => line.startsWith("›")) ?? "";

  it("moves the selection with the arrows and j/k, and opens the detail pane with Enter", async () => {
    const app = await withThree();
    expect(selectedRow(app.lastFrame() ?? "")).toContain("c3d4e5f6");
    app.stdin.write(arrowDown);
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("bbbbbbbb"));
    app.stdin.write("j");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("aaaaaaaa"));
    app.stdin.write("k");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("bbbbbbbb"));
    app.stdin.write(arrowUp);
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("c3d4e5f6"));
    app.stdin.write("\r");
    const detail = await waitForFrame(app.lastFrame, (text) => text.includes("Operation c3d4e5f6-0000"));
    expect(detail).toMatch(/Error code +quotaExceeded/);
    expect(detail).toMatch(/Message +The destination site is over its storage quota\./);
    expect(detail).toContain("storageLimit: Site quota 25 GB reached · request-id r-123");
    expect(detail).toMatch(/Timeline/);
    expect(detail).toMatch(/2026-11-22 15:01:59 +✖ failed/);
    app.stdin.write(escape);
    await waitForFrame(app.lastFrame, (text) => text.includes("ETA"));
  });

  it("filters by text or status with / and clears the filter with Esc", async () => {
    const app = await withThree();
    app.stdin.write("/");
    await waitForFrame(app.lastFrame, (text) => text.includes("Filter: "));
    for (const character of "succeeded") app.stdin.write(character);
    const filtered = await waitForFrame(app.lastFrame, (text) => !text.includes("aaaaaaaa"));
    expect(filtered).toContain("bbbbbbbb");
    expect(filtered).not.toContain("c3d4e5f6");
    expect(filtered).toContain("shown: 1");
    app.stdin.write("\r");
    await waitForFrame(app.lastFrame, (text) => text.includes("filter: succeeded"));
    app.stdin.write(escape);
    await waitForFrame(app.lastFrame, (text) => text.includes("aaaaaaaa") && text.includes("c3d4e5f6"));
  });

  it("sorts by the next column with s, reverses with S, marks the column, and hides finished with f", async () => {
    const app = await withThree();
    expect(app.lastFrame()).toContain("s sort: Age ▾");
    expect(app.lastFrame()).toMatch(/Age▾/);
    app.stdin.write("s");
    await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Last ▾") && text.includes("Last▾"));
    app.stdin.write("s");
    const byStatus = await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Status ▾"));
    const order = (frame: string) => ["c3d4e5f6", "aaaaaaaa", "bbbbbbbb"].map((id) => frame.indexOf(id));
    const [failed, running, succeeded] = order(byStatus);
    expect(failed).toBeLessThan(running ?? 0);
    expect(running).toBeLessThan(succeeded ?? 0);
    app.stdin.write("S");
    const reversed = await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Status ▴"));
    expect(reversed).toContain("Status▴");
    expect(reversed.indexOf("bbbbbbbb")).toBeLessThan(reversed.indexOf("c3d4e5f6"));
    app.stdin.write("s");
    const byProgress = await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Progress ▾"));
    expect(byProgress.indexOf("bbbbbbbb")).toBeLessThan(byProgress.indexOf("aaaaaaaa"));
    app.stdin.write("f");
    const hidden = await waitForFrame(app.lastFrame, (text) => text.includes("finished operations hidden"));
    expect(hidden).toContain("aaaaaaaa");
    expect(hidden).not.toContain("bbbbbbbb");
    expect(hidden).not.toContain("c3d4e5f6");
    app.stdin.write("f");
    await waitForFrame(app.lastFrame, (text) => text.includes("bbbbbbbb"));
  });

  it("asks before it stops following with d, and stops only on y", async () => {
    const app = await withThree();
    app.stdin.write("d");
    await waitForFrame(app.lastFrame, (text) => text.includes("Stop following c3d4e5f6? (y/n)"));
    app.stdin.write("n");
    await waitForFrame(app.lastFrame, (text) => text.includes("q quit"));
    expect(app.stopped).toEqual([]);
    app.stdin.write("d");
    await waitForFrame(app.lastFrame, (text) => text.includes("(y/n)"));
    app.stdin.write("y");
    await waitForFrame(
      app.lastFrame,
      (text) => text.includes("stopped following c3d4e5f6") && !/c3d4e5f6 +siteCopy/.test(text),
    );
    expect(app.stopped).toEqual(["c3d4e5f6-0000-4000-8000-000000000003"]);
  });

  it("keeps the selection in place when its row goes: the row that took its place is selected", async () => {
    const app = await withThree();
    app.stdin.write("j");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("bbbbbbbb"));
    // Two newer operations arrive above: the selected row moves down to the fourth line.
    for (const id of ["eeeeeeee-0000-4000-8000-000000000005", "ffffffff-0000-4000-8000-000000000006"]) {
      app.update(makeOperation({ id, createdDateTime: "2026-11-22T15:01:30Z" }), now());
    }
    await waitForFrame(app.lastFrame, (text) => text.includes("operations: 5"));
    expect(selectedRow(app.lastFrame() ?? "")).toContain("bbbbbbbb");
    app.stdin.write("d");
    await waitForFrame(app.lastFrame, (text) => text.includes("(y/n)"));
    app.stdin.write("y");
    const frame = await waitForFrame(app.lastFrame, (text) => text.includes("operations: 4"));
    expect(selectedRow(frame)).toContain("aaaaaaaa");
    // That row is now the selection: a newer operation arriving above does not move it to another.
    app.update(
      makeOperation({ id: "99999999-0000-4000-8000-000000000009", createdDateTime: "2026-11-22T15:01:45Z" }),
      now(),
    );
    const later = await waitForFrame(app.lastFrame, (text) => text.includes("operations: 5"));
    expect(selectedRow(later)).toContain("aaaaaaaa");
  });

  it("says that d deletes in proxy mode, and shows why a stop failed", async () => {
    const app = start({ columns: 100, rows: 20 }, "proxy");
    app.update(makeOperation({ id: "dddddddd-0000-4000-8000-000000000004" }), now());
    app.failStops(new Error("the proxy answered 500"));
    await waitForFrame(app.lastFrame, (text) => text.includes("dddddddd"));
    app.stdin.write("d");
    await waitForFrame(app.lastFrame, (text) => text.includes("Delete dddddddd from the proxy"));
    app.stdin.write("y");
    await waitForFrame(app.lastFrame, (text) =>
      text.includes("Could not stop dddddddd: the proxy answered 500"),
    );
  });

  it("shows the help overlay with ? and closes it with any key", async () => {
    const app = await withThree();
    app.stdin.write("?");
    const help = await waitForFrame(app.lastFrame, (text) => text.includes("Keys"));
    expect(help.split("\n")[0]).toMatch(/^● connecting/);
    expect(help).toContain("s: sort by the next column");
    expect(help).toContain("(PgUp PgDn, Home End or g G)");
    expect(help).toMatch(/lines 1–13 of \d+/);
    app.stdin.write("G");
    const end = await waitForFrame(app.lastFrame, (text) =>
      text.includes("Ctrl-C: quit with exit status 130"),
    );
    expect(end).not.toContain("(PgUp PgDn, Home End or g G)");
    app.stdin.write("x");
    await waitForFrame(app.lastFrame, (text) => text.includes("ETA"));
  });

  it("keeps the failed count and the connection on a 60-column line, then the title when it fits", async () => {
    const app = start({ columns: 60, rows: 12 });
    app.emit({
      type: "connection",
      connection: { state: "reconnecting", attempt: 3, retryInMs: 4000, reason: "connect ECONNREFUSED" },
      at: now(),
    });
    for (const [index, status] of (
      ["running", "notStarted", "succeeded", "failed", "unknownFutureValue"] as const
    ).entries()) {
      app.update(
        makeOperation({ id: `${index}0000000-0000-4000-8000-000000000000`, status, rawStatus: status }),
        now(),
      );
    }
    const frame = await waitForFrame(app.lastFrame, (text) => text.includes("operations: 5"));
    const first = frame.split("\n")[0] ?? "";
    expect(first).toMatch(/^● reconnecting \(attempt 3, in 4 s\) +▶1 ○1 ✔1 ✖1 \?1$/);
    expect(frame.split("\n")[1]).toMatch(/^connect ECONNREFUSED +operations: 5/);
  });

  it("quits on q", async () => {
    const app = await withThree();
    app.stdin.write("q");
    await waitForFrame(app.lastFrame, () => app.frames.length > 0);
    // After exit the app is unmounted: further events render nothing new.
    const frames = app.frames.length;
    app.update(makeOperation({ id: "eeeeeeee-0000-4000-8000-000000000005" }), now());
    await new Promise((resolve) => setImmediate(resolve));
    expect(app.frames.length).toBe(frames);
  });

  it("drops columns and cuts text with an ellipsis on a narrow terminal", async () => {
    const app = start({ columns: 60, rows: 12 });
    app.update(
      makeOperation({
        id: "aaaaaaaa-0000-4000-8000-000000000001",
        type: "contentTypeCopyFromTheHubOfContentTypes",
      }),
      now(),
    );
    const frame = await waitForFrame(app.lastFrame, (text) => text.includes("aaaaaaaa"));
    for (const line of frame.split("\n")) expect(line.length).toBeLessThanOrEqual(60);
    expect(frame).toContain("contentTypeCopyFr…");
    expect(frame).toContain("? help · q quit");
    expect(frame).not.toContain("ETA");
    expect(frame).not.toContain("Detail");
    expect(frame).toContain("40%");
  });

  it("renders only the rows in view among hundreds, and scrolls with the selection", async () => {
    const app = start({ columns: 100, rows: 20 });
    const id = (index: number) => `${String(index).padStart(8, "0")}-0000-4000-8000-000000000000`;
    for (let index = 0; index < 500; index += 1) {
      const minute = String(index % 60).padStart(2, "0");
      const hour = String(10 + Math.floor(index / 60)).padStart(2, "0");
      app.update(
        makeOperation({ id: id(index), createdDateTime: `2026-11-22T${hour}:${minute}:00Z` }),
        now(),
      );
    }
    const first = await waitForFrame(app.lastFrame, (text) => text.includes("operations: 500"));
    const rows = first.split("\n").filter((line) => / 0{5}\d{3} /.test(line));
    expect(rows).toHaveLength(15);
    expect(first).toContain("00000499");
    app.stdin.write("G");
    const bottom = await waitForFrame(app.lastFrame, (text) => /› 00000000/.test(text));
    expect(bottom).not.toContain("00000499");
    expect(bottom.split("\n").filter((line) => / 0{5}\d{3} /.test(line))).toHaveLength(15);
    app.stdin.write("k");
    const up = await waitForFrame(app.lastFrame, (text) => /› 00000001/.test(text));
    expect(up).toContain("00000000");
  });

  it("draws a frame for a change on screen only: an operation out of view changes nothing", async () => {
    const app = start({ columns: 100, rows: 20 });
    const id = (index: number) => `${String(index).padStart(8, "0")}-0000-4000-8000-000000000000`;
    const operation = (index: number, percentComplete: number) =>
      makeOperation({
        id: id(index),
        percentComplete,
        createdDateTime: `2026-11-22T${String(10 + Math.floor(index / 60)).padStart(2, "0")}:${String(index % 60).padStart(2, "0")}:00Z`,
      });
    for (let index = 0; index < 100; index += 1) app.update(operation(index, 40), now());
    await waitForFrame(
      app.lastFrame,
      (text) => text.includes("operations: 100") && text.includes("00000099"),
    );
    const frames = app.frames.length;
    // The oldest operation is far below the 15 rows in view (newest first): its progress shows nowhere.
    app.update(operation(0, 55), now());
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(app.frames.length).toBe(frames);
    // The newest one is in view: one frame, which also has whatever changed off screen meanwhile.
    app.update(operation(99, 65), now());
    await waitForFrame(app.lastFrame, (text) => text.includes("65%"));
    expect(app.frames.length).toBe(frames + 1);
    app.stdin.write("G");
    const bottom = await waitForFrame(app.lastFrame, (text) => /› 00000000/.test(text));
    expect(bottom).toContain("55%");
  });

  it("draws a frame for a clock tick only when it moves a time on screen", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    try {
      let clock = Date.parse("2026-11-22T15:05:10Z");
      const fake = createFakeSource();
      instance = render(
        <App
          source={fake.source}
          display={display}
          size={{ columns: 100, rows: 20 }}
          renderIntervalMs={0}
          now={() => clock}
        />,
      );
      const app = { ...fake, ...instance };
      app.update(
        makeOperation({
          id: "aaaaaaaa-0000-4000-8000-000000000001",
          lastActionDateTime: "2026-11-22T15:04:00Z",
        }),
        clock,
      );
      // rxjs schedules the batch with setInterval too: let it run.
      vi.advanceTimersByTime(1);
      await waitForFrame(app.lastFrame, (text) => / 5m +1m$/m.test(text));
      const frames = app.frames.length;
      // Age and last change in minutes: 40 seconds move no text on screen, and draw nothing.
      for (let second = 0; second < 40; second += 1) {
        clock += 1000;
        vi.advanceTimersByTime(1000);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(app.frames.length).toBe(frames);
      // The minute turns: the age in view moves, one frame.
      clock += 20_000;
      vi.advanceTimersByTime(1000);
      await waitForFrame(app.lastFrame, (text) => / 6m +2m$/m.test(text));
      expect(app.frames.length).toBe(frames + 1);
    } finally {
      vi.useRealTimers();
    }
  });

  it("speaks Simplified Chinese when asked", async () => {
    const app = start({ columns: 100, rows: 20 }, "core", {
      translate: createTranslator(catalogs["zh-CN"]),
      color: false,
    });
    app.update(failedOperation, now());
    const frame = await waitForFrame(app.lastFrame, (text) => text.includes("c3d4e5f6"));
    expect(frame).toContain("Graph 操作");
    expect(frame).toContain("✖ 失败");
    expect(frame).toContain("q 退出");
  });

  it("plays several keys delivered in one chunk in order, as a fast typist or a paste sends them", async () => {
    const app = await withThree();
    app.stdin.write("/failed\r");
    const filtered = await waitForFrame(app.lastFrame, (text) => text.includes("filter: failed"));
    expect(filtered).toContain("c3d4e5f6");
    expect(filtered).not.toContain("aaaaaaaa");
    app.stdin.write("\u001B");
    await waitForFrame(app.lastFrame, (text) => text.includes("aaaaaaaa"));
    app.stdin.write("jj\r");
    await waitForFrame(app.lastFrame, (text) => text.includes("Operation aaaaaaaa-0000"));
  });

  it("shows a lost connection while it reconnects, and why it gave up", async () => {
    const app = start();
    app.update(makeOperation({ id: "aaaaaaaa-0000-4000-8000-000000000001" }), now());
    app.emit({
      type: "connection",
      connection: {
        state: "reconnecting",
        attempt: 2,
        retryInMs: 2600,
        reason: "the proxy closed the event stream",
      },
      at: now(),
    });
    const reconnecting = await waitForFrame(app.lastFrame, (text) =>
      text.includes("● reconnecting (attempt 2, in 3 s)"),
    );
    expect(reconnecting.split("\n")[1]).toMatch(/^the proxy closed the event stream +operations: 1$/);
    app.fail(new Error("the proxy answered 401: Unknown API key (http://127.0.0.1:8080/operations)"));
    const closed = await waitForFrame(app.lastFrame, (text) => text.includes("● disconnected"));
    expect(closed.split("\n")[1]).toContain(
      "the proxy answered 401: Unknown API key (http://127.0.0.1:8080/operations)",
    );
    expect(closed).toContain("aaaaaaaa");
  });

  it("scrolls a detail pane taller than a low terminal, line by line and to its end", async () => {
    const app = start({ columns: 60, rows: 12 });
    app.update(failedOperation, now());
    await waitForFrame(app.lastFrame, (text) => text.includes("c3d4e5f6"));
    app.stdin.write("\r");
    const top = await waitForFrame(app.lastFrame, (text) => text.includes("Operation c3d4e5f6"));
    expect(top).toMatch(/lines 1–5 of \d+/);
    expect(top).not.toContain("Timeline");
    expect(top.split("\n").length).toBeLessThanOrEqual(12);
    app.stdin.write("j");
    const down = await waitForFrame(app.lastFrame, (text) => /lines 2–6 of/.test(text));
    expect(down).not.toMatch(/│ ID +c3d4e5f6/);
    app.stdin.write("G");
    const end = await waitForFrame(app.lastFrame, (text) => text.includes("Timeline"));
    expect(end).toMatch(/✖ failed/);
    app.stdin.write("g");
    await waitForFrame(app.lastFrame, (text) => /lines 1–5 of/.test(text));
  });

  it("shows the raw JSON with v, every control character escaped as JSON does", async () => {
    const app = start({ columns: 100, rows: 20 });
    app.update(
      makeOperation({
        id: "eeeeeeee-0000-4000-8000-000000000005",
        raw: { id: "eeeeeeee", status: "failed", error: { code: "evil\u001B[31mRED" } },
      }),
      now(),
    );
    await waitForFrame(app.lastFrame, (text) => text.includes("eeeeeeee"));
    app.stdin.write("v");
    const raw = await waitForFrame(app.lastFrame, (text) => text.includes("raw JSON"));
    expect(raw).toContain('"code": "evil\\u001b[31mRED"');
    expect(raw).not.toContain("\u001B");
    app.stdin.write("v");
    await waitForFrame(app.lastFrame, (text) => text.includes("Timeline"));
  });

  it("strips terminal control from what the outside world sent: codes, messages, details, ids", async () => {
    const app = start({ columns: 120, rows: 20 });
    app.update(
      makeOperation({
        id: "ffffffff-\u001B]0;PWNED-ID\u0007-0000",
        status: "failed",
        rawStatus: "failed",
        statusDetail: "\u001B[2J\u001B[Hwiped",
        error: { code: "evil\u001B[31mRED", message: "\u001B]0;PWNED-TITLE\u0007title \u009B31mgone" },
      }),
      now(),
    );
    const table = await waitForFrame(app.lastFrame, (text) => text.includes("evilRED"));
    app.stdin.write("\r");
    const detail = await waitForFrame(app.lastFrame, (text) => text.includes("Error code"));
    for (const frame of [table, detail]) {
      expect(frame).not.toMatch(terminalControl);
      expect(frame).not.toContain("PWNED");
    }
    expect(detail).toMatch(/Error code +evilRED/);
    expect(detail).toMatch(/Message +title 31mgone|Message +title gone/);
  });

  it("scrolls with the mouse wheel, selects a row with a click, opens it with a second, sorts on a heading", async () => {
    const app = await withThree();
    // Rows: the header's two lines, the headings on line 3, operations from line 4 (c3d4, bbbb, aaaa).
    app.mouse.feed("\u001B[<65;10;5M");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("aaaaaaaa"));
    app.mouse.feed("\u001B[<64;10;5M");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("c3d4e5f6"));
    app.mouse.feed("\u001B[<0;10;5M");
    await waitForFrame(app.lastFrame, (text) => selectedRow(text).includes("bbbbbbbb"));
    app.mouse.feed("\u001B[<0;10;5m");
    app.mouse.feed("\u001B[<0;10;5M");
    await waitForFrame(app.lastFrame, (text) => text.includes("Operation bbbbbbbb"));
    app.stdin.write("\u001B");
    await waitForFrame(app.lastFrame, (text) => text.includes("ETA"));
    // The status heading starts after the marker, the id (8) and the kind (20), each with a gap.
    app.mouse.feed("\u001B[<0;35;3M");
    await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Status ▾"));
    app.mouse.feed("\u001B[<0;35;3M");
    await waitForFrame(app.lastFrame, (text) => text.includes("sorted by Status ▴"));
  });

  it("copies the id with c (OSC 52), reconnects with R, each with a flash line", async () => {
    const written: string[] = [];
    const fake = createFakeSource("proxy");
    instance = render(
      <App
        source={fake.source}
        display={display}
        size={{ columns: 100, rows: 20 }}
        renderIntervalMs={0}
        now={now}
        output={(text) => written.push(text)}
      />,
    );
    fake.update(failedOperation, now());
    await waitForFrame(instance.lastFrame, (text) => text.includes("c3d4e5f6"));
    instance.stdin.write("c");
    await waitForFrame(instance.lastFrame, (text) =>
      text.includes("copied c3d4e5f6-0000-4000-8000-000000000003 to the clipboard"),
    );
    const encoded = Buffer.from("c3d4e5f6-0000-4000-8000-000000000003").toString("base64");
    expect(written).toEqual([`\u001B]52;c;${encoded}\u0007`]);
    instance.stdin.write("R");
    await waitForFrame(instance.lastFrame, (text) => text.includes("reconnecting now"));
    expect(fake.reconnections()).toBe(1);
  });

  it("quits with status 0 on q and 130 on Ctrl-C", async () => {
    for (const [key, status] of [
      ["q", 0],
      ["\u0003", 130],
    ] as const) {
      const statuses: number[] = [];
      const fake = createFakeSource();
      instance = render(
        <App
          source={fake.source}
          display={display}
          size={{ columns: 80, rows: 10 }}
          onQuit={(code) => statuses.push(code)}
        />,
      );
      await waitForFrame(instance.lastFrame, (text) => text.includes("q quit"));
      instance.stdin.write(key);
      await waitForFrame(instance.lastFrame, () => statuses.length > 0);
      expect(statuses).toEqual([status]);
      instance.unmount();
    }
  });
});
