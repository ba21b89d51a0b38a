// A web page's script: bundled for the browser by esbuild from @lro/core as a user's app would be, it
// follows two operations on the simulator and writes their ends into the document for the test to read.
import { isSucceeded, LroError, startOperation } from "@lro/core";
import type { Operation } from "@lro/core";
import { lastValueFrom, tap } from "rxjs";

// The DOM as this page uses it (the package is type-checked without the DOM library).
interface PageElement {
  id: string;
  textContent: string | null;
}
const { location, document } = globalThis as unknown as {
  location: { search: string };
  document: { createElement(tag: "p"): PageElement; body: { append(element: PageElement): void } };
};

const parameters = new URLSearchParams(location.search);
const graph = parameters.get("graph")!;
const scenario = (options: object) => ({ "x-simulator-scenario": JSON.stringify(options) });
const fast = { minInterval: 50, interval: 100 };

function show(id: string, text: string): void {
  const element = document.createElement("p");
  element.id = id;
  element.textContent = text;
  document.body.append(element);
}

async function follow(id: string, url: string, headers: Record<string, string>, body: unknown) {
  const seen: string[] = [];
  try {
    const end: Operation = await lastValueFrom(
      startOperation({ url, headers, body }, fast).pipe(tap((operation) => seen.push(operation.status))),
    );
    show(id, JSON.stringify({ end: end.status, succeeded: isSucceeded(end), kind: end.kind, seen }));
  } catch (error) {
    const name = LroError.isInstance(error) ? error.name : "unexpected";
    show(id, JSON.stringify({ error: name, message: (error as Error).message, seen }));
  }
}

await Promise.all([
  // A printer registration: the monitor on the Graph origin, which receives the page's token.
  follow(
    "printer",
    `${graph}/v1.0/print/printers/create`,
    { authorization: "Bearer page-token", ...scenario({ durationMs: 2500, retryAfterSeconds: 1 }) },
    { displayName: "Browser printer" },
  ),
  // A driveItem copy: the monitor on the second origin (CORS there too), its end in the body.
  follow(
    "copy",
    `${graph}/v1.0/drives/b!drive/items/01ITEM/copy`,
    scenario({ durationMs: 600, copyCompletion: "body" }),
    { name: "copy.txt" },
  ),
  // A failing operation: its end is an OperationFailedError, as on Node.
  follow("failure", `${graph}/v1.0/print/printers/create`, scenario({ durationMs: 300, outcome: "failed" }), {
    displayName: "Doomed printer",
  }),
]);
show("done", "done");
