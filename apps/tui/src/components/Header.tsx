import { Box, Text } from "ink";
import stringWidth from "string-width";
import { statusAppearance } from "../format/status-appearance.js";
import { terminalText } from "../format/terminal-text.js";
import { useDisplay } from "../hooks/use-display.js";
import type { Translate } from "../i18n/translator.js";
import type { ConnectionState } from "../sources/operation-source.js";
import type { EntryStatus } from "../state/entry-status.js";

export interface HeaderProps {
  counts: Record<EntryStatus, number>;
  total: number;
  shown: number;
  connection: ConnectionState;
  /** How long the connection has been in its state: a reconnection counts down to its next attempt. */
  connectionElapsedMs: number;
  failure?: string | undefined;
  filter: string;
  /** The proxy a second client may call meanwhile, shown after the connection state. */
  endpoint?: { proxyUrl: string; apiKey: string } | undefined;
  width: number;
}

const countedStatuses: readonly EntryStatus[] = [
  "running",
  "notStarted",
  "succeeded",
  "failed",
  "unknownFutureValue",
  "problem",
];

const connectionColors: Record<ConnectionState["state"], string> = {
  connecting: "yellow",
  live: "green",
  reconnecting: "yellow",
  polling: "green",
  closed: "red",
};

/** The connection's state in a few words (the reason, when there is one, is `connectionReason`). */
export function describeConnection(connection: ConnectionState, translate: Translate, elapsedMs = 0): string {
  switch (connection.state) {
    case "reconnecting": {
      const seconds = Math.ceil((connection.retryInMs - elapsedMs) / 1000);
      return seconds > 0
        ? translate("connection.reconnecting", { attempt: connection.attempt, seconds })
        : translate("connection.retrying", { attempt: connection.attempt });
    }
    case "polling":
      return translate("connection.polling", { count: connection.monitors });
    default:
      return translate(`connection.${connection.state}`);
  }
}

/** Why the connection is not live, when it says why: a refused key, a hung or unreachable proxy. */
export function connectionReason(connection: ConnectionState, failure?: string): string | undefined {
  if (connection.state === "reconnecting") return connection.reason;
  if (connection.state === "closed") return failure;
  return undefined;
}

interface Segment {
  text: string;
  color?: string | undefined;
}

const widthOf = (segments: readonly Segment[]) =>
  segments.reduce((sum, segment) => sum + stringWidth(segment.text), 0);

/**
 * Two lines. The first holds what matters most, in order: the connection's state, then the count of
 * every status (as symbols and numbers alone when the labels do not fit), then the title if room is
 * left. The second: why the connection is down, then totals, the filter and the demo's endpoint.
 */
export function Header(props: HeaderProps) {
  const { counts, total, shown, connection, connectionElapsedMs, failure, filter, endpoint, width } = props;
  const { translate, color } = useDisplay();
  const paint = (value: string | undefined) => (color ? value : undefined);
  const state: Segment = {
    text: `● ${describeConnection(connection, translate, connectionElapsedMs)}`,
    color: paint(connectionColors[connection.state]),
  };
  const present = countedStatuses.filter((status) => counts[status] > 0);
  const full = present.map((status) => ({
    text: `  ${statusAppearance[status].symbol} ${counts[status]} ${translate(`status.${status}`)}`,
    color: paint(statusAppearance[status].color),
  }));
  const compact = present.map((status) => ({
    text: ` ${statusAppearance[status].symbol}${counts[status]}`,
    color: paint(statusAppearance[status].color),
  }));
  let first = [state, ...full];
  if (widthOf(first) > width) first = [state, ...compact];
  const title = { text: `  ${translate("app.title")}` };
  if (widthOf(first) + widthOf([title]) <= width) first = [...first, title];

  const reason = connectionReason(connection, failure);
  const second: Segment[] = [
    ...(reason === undefined ? [] : [{ text: `${terminalText(reason)}  `, color: paint("red") }]),
    {
      text: [
        translate("header.total", { count: total }),
        ...(shown === total ? [] : [translate("header.shown", { count: shown })]),
      ].join(", "),
    },
    ...(filter === "" ? [] : [{ text: `  ${translate("header.filter", { filter })}` }]),
    ...(endpoint === undefined
      ? []
      : [
          {
            text: `  ${translate("header.endpoint", { url: terminalText(endpoint.proxyUrl), key: terminalText(endpoint.apiKey) })}`,
            color: undefined,
          },
        ]),
  ];
  const line = (segments: readonly Segment[], dimTail = false) => (
    <Text wrap="truncate-end">
      {segments.map((segment, index) => (
        <Text key={index} color={segment.color} dimColor={dimTail && color && index > 0 && !segment.color}>
          {segment.text}
        </Text>
      ))}
    </Text>
  );
  return (
    <Box flexDirection="column" width={width} flexShrink={0}>
      {line(first)}
      {line(second, endpoint !== undefined)}
    </Box>
  );
}
