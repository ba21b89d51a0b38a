import { Box, Text } from "ink";
import stringWidth from "string-width";
import { elapsedSince, formatDuration } from "../format/duration.js";
import { describeType } from "../format/describe-entry.js";
import { innerErrorLines } from "../format/inner-errors.js";
import { statusAppearance } from "../format/status-appearance.js";
import { useDisplay } from "../hooks/use-display.js";
import type { MessageKey } from "../i18n/en.js";
import { entryStatus } from "../state/entry-status.js";
import type { OperationEntry } from "../state/operations-state.js";

export interface DetailPaneProps {
  entry: OperationEntry;
  width: number;
  height: number;
  now: number;
}

type Line = { label?: MessageKey; text: string; color?: string | undefined };

const clock = (at: number) => new Date(at).toISOString().replace("T", " ").slice(0, 19);

/** Everything known about one operation: ids, addresses, error with its inner errors, the status timeline. */
export function DetailPane({ entry, width, height, now }: DetailPaneProps) {
  const { translate, color } = useDisplay();
  const operation = entry.operation;
  const status = entryStatus(entry);
  const field = (label: MessageKey, value: string | undefined): Line[] =>
    value === undefined || value === "" ? [] : [{ label, text: value }];
  const lines: Line[] = [
    ...field("detail.id", operation?.id ?? entry.key),
    ...field("detail.kind", operation?.kind),
    ...field("detail.type", describeType(entry)),
    {
      label: "detail.status",
      text: `${statusAppearance[status].symbol} ${translate(`status.${status}`)}${
        operation === undefined || operation.rawStatus === operation.status ? "" : ` (${operation.rawStatus})`
      }`,
      color: color ? statusAppearance[status].color : undefined,
    },
    ...field(
      "detail.progress",
      operation?.percentComplete === undefined ? undefined : `${operation.percentComplete}%`,
    ),
    ...field("detail.statusDetail", operation?.statusDetail),
    ...field("detail.monitor", entry.monitorUrl),
    ...field("detail.resource", operation?.resourceLocation),
    ...field("detail.resourceId", operation?.resourceId),
    ...field("detail.created", operation?.createdDateTime),
    ...field("detail.lastAction", operation?.lastActionDateTime),
    ...field("detail.problem", entry.problem),
    ...field("detail.errorCode", operation?.error?.code),
    ...field("detail.errorMessage", operation?.error?.message),
  ];
  const inner = operation?.error === undefined ? [] : innerErrorLines(operation.error);
  if (inner.length > 0) {
    lines.push({ label: "detail.innerErrors", text: "" }, ...inner.map((text) => ({ text: `  ${text}` })));
  }
  lines.push({ label: "detail.timeline", text: entry.timeline.length === 0 ? translate("detail.none") : "" });
  entry.timeline.forEach((change, index) => {
    const label = translate(`status.${change.status}`);
    const raw = change.rawStatus === change.status ? "" : ` (${change.rawStatus})`;
    const previous = entry.timeline[index - 1];
    const after = previous === undefined ? "" : `  +${formatDuration(change.at - previous.at, translate)}`;
    lines.push({
      text: `  ${clock(change.at)}  ${statusAppearance[change.status].symbol} ${label}${raw}${after}`,
    });
  });
  const labelWidth = 16;
  const valueWidth = Math.max(10, width - 4 - labelWidth - 1);
  // Long values (monitor and resource URLs) wrap rather than lose their ends; keep what fits the height.
  const shown: Line[] = [];
  let used = 0;
  for (const line of lines) {
    const lineHeight = Math.max(1, Math.ceil(stringWidth(line.text) / valueWidth));
    if (used + lineHeight > Math.max(1, height - 3)) break;
    shown.push(line);
    used += lineHeight;
  }
  // Cut short on a low terminal: say so rather than end mid-list.
  if (shown.length < lines.length && shown.length > 0) shown[shown.length - 1] = { text: "…" };
  const age = elapsedSince(operation?.createdDateTime, now);
  return (
    <Box flexDirection="column" borderStyle="round" paddingX={1} width={width}>
      <Text bold wrap="truncate-end">
        {translate("detail.title", { id: operation?.id ?? entry.key })}
        {age === undefined ? "" : `  (${formatDuration(age, translate)})`}
      </Text>
      {shown.map((line, index) => (
        <Box key={index} columnGap={1}>
          {line.label === undefined ? null : (
            <Box width={labelWidth} flexShrink={0}>
              <Text bold wrap="truncate-end">
                {translate(line.label)}
              </Text>
            </Box>
          )}
          <Box width={valueWidth}>
            <Text wrap="wrap" color={line.color}>
              {line.text}
            </Text>
          </Box>
        </Box>
      ))}
    </Box>
  );
}
