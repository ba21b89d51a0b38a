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

  "filter.prompt": "Filter: ",
  "filter.hint": "status:failed kind:copy -word · Enter keeps, Esc clears",

  "confirm.stopCore": "Stop following {id}? (y/n)",
  "confirm.stopProxy": "Delete {id} from the proxy and stop following it? (y/n)",
  "notice.stopFailed": "Could not stop {id}: {message}",

  "help.title": "Keys",
  "help.move": "↑ ↓ or j k: move the selection (PgUp PgDn, Home End or g G)",
  "help.details": "Enter: details of the selected operation; Esc closes them",
  "help.filter": "/: filter as you type; Enter keeps it, Esc clears it",
  "help.sort": "s: sort by the next column (the sorted one is marked ▾ in its heading); S reverses it",
  "help.finished": "f: hide or show finished operations",
  "help.stop": "d: stop following the selected operation (asks first)",
  "help.help": "?: this help; any key closes it",
  "help.quit": "q: quit; Ctrl-C: quit with exit status 130",

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

  "connection.retrying": "reconnecting (attempt {attempt}, trying now)",
  "helpBar.scroll": "scroll",
  "helpBar.raw": "raw JSON",
  "helpBar.copy": "copy id",
  "detail.rawTitle": "Operation {id}: raw JSON",
  "detail.position": "lines {from}–{to} of {total}",
  "help.scroll":
    "In the details: ↑ ↓ j k scroll, PgUp PgDn (b, space) a page, g G the ends; v shows the raw JSON",
  "help.filterSyntax":
    "   words: status:failed, kind:copy, -word or !word excludes; a status name matches that status only",
  "help.copy": "c: copy the selected operation's id to the clipboard (OSC 52); v: its raw JSON",
  "help.reconnect": "R: reconnect to the proxy now",
  "help.mouse":
    "Mouse: the wheel moves or scrolls; a click selects a row (again: details) or sorts by a heading",
  "flash.sorted": "sorted by {sort}",
  "flash.finishedHidden": "finished operations hidden",
  "flash.finishedShown": "finished operations shown",
  "flash.copied": "copied {id} to the clipboard",
  "flash.reconnecting": "reconnecting now",
  "flash.nothingToReconnect": "nothing to reconnect: monitors are polled directly",
  "flash.stopping": "stopping {id}…",
  "flash.stopped": "stopped following {id}",
  "error.badDuration":
    "--{name} {value} is not a duration; pass one like 30s, 2m, 500ms or a number of seconds.",
  "error.timedOut": "Timed out after {seconds} s: printed what was known by then.",

  "usage.text":
    "Usage:\n  lro-tui --proxy URL [--api-key KEY]   follow your operations on an lro-proxy\n  lro-tui watch MONITOR_URL...           follow Graph monitors directly\n\nOptions:\n  --token TOKEN   Graph token for watch (or GRAPH_TOKEN), sent to https://graph.microsoft.com only\n  --token-origin ORIGIN  a further origin whose monitors may receive the token (repeatable)\n  --once          no dashboard: print the operations once and exit\n  --wait          no dashboard: wait until every operation has finished, then print\n  --json          no dashboard: print NDJSON, one operation a line\n  --lang LANG     en, ru, es or zh-CN (default: from LC_ALL, LC_MESSAGES, LANG)\n  --timeout DURATION  --once/--wait: give up after this long (default for --once: 30s)\n  --request-timeout DURATION  retry a request unanswered this long (default 10s)\n  --no-mouse      leave the mouse to the terminal (text selection)\n  -h, --help      this help\n  --version       this version\n\nExit status without the dashboard: 0 when every operation listed succeeded, 1 otherwise, 2 on bad arguments.",
} as const;

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;
