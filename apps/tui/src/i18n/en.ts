/** The English messages: the reference every other locale must match key for key, placeholder for placeholder. */
export const en = {
  "app.title": "Graph operations",

  "status.notStarted": "not started",
  "status.running": "running",
  "status.succeeded": "succeeded",
  "status.failed": "failed",
  "status.unknownFutureValue": "unknown",
  "status.problem": "unreachable",

  "connection.connecting": "connecting",
  "connection.live": "live",
  "connection.reconnecting": "reconnecting (attempt {attempt}, in {seconds} s)",
  "connection.polling": "polling monitors: {count}",
  "connection.closed": "disconnected",

  "header.total": "operations: {count}",
  "header.shown": "shown: {count}",
  "header.filter": "filter: {filter}",
  "header.endpoint": "proxy {url} · X-API-Key {key}",

  "column.id": "ID",
  "column.kind": "Kind",
  "column.status": "Status",
  "column.progress": "Progress",
  "column.eta": "ETA",
  "column.age": "Age",
  "column.lastAction": "Last",
  "column.detail": "Detail",

  "sort.recent": "recent",
  "sort.newest": "newest",
  "sort.status": "status",
  "sort.progress": "progress",

  "helpBar.move": "move",
  "helpBar.details": "details",
  "helpBar.filter": "filter",
  "helpBar.sort": "sort: {sort}",
  "helpBar.finishedShown": "hide finished",
  "helpBar.finishedHidden": "show finished",
  "helpBar.stop": "stop",
  "helpBar.help": "help",
  "helpBar.quit": "quit",
  "helpBar.back": "back",

  "detail.title": "Operation {id}",
  "detail.id": "ID",
  "detail.kind": "Kind",
  "detail.type": "Type",
  "detail.status": "Status",
  "detail.progress": "Progress",
  "detail.monitor": "Monitor",
  "detail.resource": "Resource",
  "detail.resourceId": "Resource ID",
  "detail.created": "Created",
  "detail.lastAction": "Last action",
  "detail.statusDetail": "Detail",
  "detail.errorCode": "Error code",
  "detail.errorMessage": "Message",
  "detail.innerErrors": "Inner errors",
  "detail.problem": "Cannot follow",
  "detail.timeline": "Timeline",
  "detail.none": "none",

  "filter.prompt": "Filter (text or status): ",
  "filter.hint": "Enter keeps the filter, Esc clears it",

  "confirm.stopCore": "Stop following {id}? (y/n)",
  "confirm.stopProxy": "Delete {id} from the proxy and stop following it? (y/n)",
  "notice.stopFailed": "Could not stop {id}: {message}",

  "help.title": "Keys",
  "help.move": "↑ ↓ or j k: move the selection (PgUp PgDn, Home End or g G)",
  "help.details": "Enter: details of the selected operation; Esc closes them",
  "help.filter": "/: filter by text or status (e.g. failed); Esc clears",
  "help.sort": "s: cycle the sort (newest, recently changed, status, progress)",
  "help.finished": "f: hide or show finished operations",
  "help.stop": "d: stop following the selected operation (asks first)",
  "help.help": "?: this help; any key closes it",
  "help.quit": "q or Ctrl-C: quit",

  "empty.none": "No operations yet.",
  "empty.filtered": "No operation matches.",

  "time.seconds": "{value}s",
  "time.minutes": "{value}m",
  "time.hours": "{value}h",
  "time.days": "{value}d",

  "summary.counts": "{succeeded} succeeded, {failed} failed, {pending} not finished",

  "error.apiKeyMissing": "--proxy needs an API key: pass --api-key KEY or set LRO_API_KEY.",
  "error.noSource": "Nothing to show: pass --proxy URL, or `watch` with one or more monitor URLs.",
  "error.badUrl":
    "{value} is not an absolute http(s) URL; pass one like https://graph.microsoft.com/v1.0/...",
  "error.badProxyUrl":
    "--proxy {value} is not an absolute http(s) URL; pass the proxy's address, like http://127.0.0.1:8080",
  "error.badLanguage": "--lang {value} is not supported; use one of: {supported}.",
  "error.badArguments": "{message}. Run lro-tui --help for the usage.",
  "error.sourceFailed": "Could not read the operations: {message}",

  "usage.text":
    "Usage:\n  lro-tui --proxy URL [--api-key KEY]   follow your operations on an lro-proxy\n  lro-tui watch MONITOR_URL...           follow Graph monitors directly\n\nOptions:\n  --token TOKEN   Graph token for watch (or GRAPH_TOKEN), sent to https://graph.microsoft.com only\n  --token-origin ORIGIN  a further origin whose monitors may receive the token (repeatable)\n  --once          no dashboard: print the operations once and exit\n  --wait          no dashboard: wait until every operation has finished, then print\n  --json          no dashboard: print NDJSON, one operation a line\n  --lang LANG     en, ru, es or zh-CN (default: from LC_ALL, LC_MESSAGES, LANG)\n  -h, --help      this help\n\nExit status without the dashboard: 0 when every operation listed succeeded, 1 otherwise, 2 on bad arguments.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
