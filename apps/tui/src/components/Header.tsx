import { Box, Text } from "ink";
import { statusAppearance } from "../format/status-appearance.js";
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

export function describeConnection(
  connection: ConnectionState,
  translate: Translate,
  failure?: string,
  elapsedMs = 0,
): string {
  switch (connection.state) {
    case "reconnecting":
      return `${translate("connection.reconnecting", {
        attempt: connection.attempt,
        seconds: Math.max(1, Math.ceil((connection.retryInMs - elapsedMs) / 1000)),
      })}: ${connection.reason}`;
    case "polling":
      return translate("connection.polling", { count: connection.monitors });
    case "closed":
      return failure === undefined
        ? translate("connection.closed")
        : `${translate("connection.closed")}: ${failure}`;
    default:
      return translate(`connection.${connection.state}`);
  }
}

/** Title, connection state, and how many operations are in each status. */
export function Header(props: HeaderProps) {
  const { counts, total, shown, connection, connectionElapsedMs, failure, filter, endpoint, width } = props;
  const { translate, color } = useDisplay();
  const title = translate("app.title");
  return (
    <Box flexDirection="column" width={width}>
      <Box columnGap={2}>
        <Box flexShrink={0}>
          <Text bold>{title}</Text>
        </Box>
        <Text wrap="truncate-end" color={color ? connectionColors[connection.state] : undefined}>
          {`● ${describeConnection(connection, translate, failure, connectionElapsedMs)}`}
          {endpoint === undefined ? (
            ""
          ) : (
            <Text dimColor={color}>
              {`  ${translate("header.endpoint", { url: endpoint.proxyUrl, key: endpoint.apiKey })}`}
            </Text>
          )}
        </Text>
      </Box>
      <Text wrap="truncate-end">
        {[
          translate("header.total", { count: total }),
          ...(shown === total ? [] : [translate("header.shown", { count: shown })]),
        ].join(", ")}
        {countedStatuses
          .filter((status) => counts[status] > 0)
          .map((status) => (
            <Text key={status} color={color ? statusAppearance[status].color : undefined}>
              {`  ${statusAppearance[status].symbol} ${counts[status]} ${translate(`status.${status}`)}`}
            </Text>
          ))}
        {filter === "" ? "" : `  ${translate("header.filter", { filter })}`}
      </Text>
    </Box>
  );
}
