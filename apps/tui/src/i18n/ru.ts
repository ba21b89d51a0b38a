import type { Messages } from "./en.js";

export const ru: Messages = {
  "app.title": "Операции Graph",

  "status.notStarted": "не начата",
  "status.running": "выполняется",
  "status.succeeded": "успешно",
  "status.failed": "ошибка",
  "status.unknownFutureValue": "неизвестно",
  "status.problem": "недоступна",

  "connection.connecting": "подключение",
  "connection.live": "на связи",
  "connection.reconnecting": "переподключение (попытка {attempt}, через {seconds} с)",
  "connection.polling": "опрос мониторов: {count}",
  "connection.closed": "нет связи",

  "header.total": "операций: {count}",
  "header.shown": "показано: {count}",
  "header.filter": "фильтр: {filter}",
  "header.endpoint": "прокси {url} · X-API-Key {key}",

  "column.id": "ID",
  "column.kind": "Вид",
  "column.status": "Статус",
  "column.progress": "Прогресс",
  "column.eta": "Осталось",
  "column.age": "Возраст",
  "column.lastAction": "Изменена",
  "column.detail": "Подробности",

  "helpBar.move": "выбор",
  "helpBar.details": "подробно",
  "helpBar.filter": "фильтр",
  "helpBar.sort": "порядок: {sort}",
  "helpBar.finishedShown": "скрыть готовые",
  "helpBar.finishedHidden": "показать готовые",
  "helpBar.stop": "остановить",
  "helpBar.help": "справка",
  "helpBar.quit": "выход",
  "helpBar.back": "назад",

  "detail.title": "Операция {id}",
  "detail.id": "ID",
  "detail.kind": "Вид",
  "detail.type": "Тип",
  "detail.status": "Статус",
  "detail.progress": "Прогресс",
  "detail.monitor": "Монитор",
  "detail.resource": "Ресурс",
  "detail.resourceId": "ID ресурса",
  "detail.created": "Создана",
  "detail.lastAction": "Последнее действие",
  "detail.statusDetail": "Подробности",
  "detail.errorCode": "Код ошибки",
  "detail.errorMessage": "Сообщение",
  "detail.innerErrors": "Вложенные ошибки",
  "detail.problem": "Не удаётся отслеживать",
  "detail.timeline": "История статусов",
  "detail.none": "нет",

  "filter.prompt": "Фильтр: ",
  "filter.hint": "status:failed kind:copy -слово · Enter оставляет, Esc сбрасывает",

  "confirm.stopCore": "Перестать отслеживать {id}? (y/n)",
  "confirm.stopProxy": "Удалить {id} из прокси и перестать отслеживать? (y/n)",
  "notice.stopFailed": "Не удалось остановить {id}: {message}",

  "help.title": "Клавиши",
  "help.move": "↑ ↓ или j k: перемещение (PgUp PgDn, Home End или g G)",
  "help.details": "Enter: подробности выбранной операции; Esc закрывает",
  "help.filter": "/: фильтр по мере ввода; Enter оставляет, Esc сбрасывает",
  "help.sort": "s: сортировать по следующему столбцу (он отмечен ▾ в заголовке); S меняет направление",
  "help.finished": "f: скрыть или показать завершённые операции",
  "help.stop": "d: перестать отслеживать выбранную операцию (с подтверждением)",
  "help.help": "?: эта справка; любая клавиша закрывает её",
  "help.quit": "q: выход; Ctrl-C: выход с кодом 130",

  "empty.none": "Операций пока нет.",
  "empty.filtered": "Ни одна операция не подходит.",

  "time.seconds": "{value} с",
  "time.minutes": "{value} мин",
  "time.hours": "{value} ч",
  "time.days": "{value} д",

  "summary.counts": "успешно: {succeeded}, с ошибкой: {failed}, не завершено: {pending}",

  "error.apiKeyMissing": "Для --proxy нужен ключ API: укажите --api-key KEY или переменную LRO_API_KEY.",
  "error.noSource":
    "Нечего показывать: укажите --proxy URL, либо `watch` с одним или несколькими адресами мониторов.",
  "error.badUrl":
    "{value} не абсолютный адрес http(s); укажите, например, https://graph.microsoft.com/v1.0/...",
  "error.badProxyUrl":
    "--proxy {value} не абсолютный адрес http(s); укажите адрес прокси, например http://127.0.0.1:8080",
  "error.badLanguage": "--lang {value} не поддерживается; выберите один из: {supported}.",
  "error.badArguments": "{message}. Справка: lro-tui --help.",
  "error.sourceFailed": "Не удалось прочитать операции: {message}",

  "connection.retrying": "переподключение (попытка {attempt}, идёт)",
  "helpBar.scroll": "прокрутка",
  "helpBar.raw": "JSON",
  "helpBar.copy": "копия ID",
  "detail.rawTitle": "Операция {id}: исходный JSON",
  "detail.position": "строки {from}–{to} из {total}",
  "help.scroll":
    "В подробностях: ↑ ↓ j k прокрутка, PgUp PgDn (b, пробел) на страницу, g G к началу и концу; v показывает исходный JSON",
  "help.filterSyntax":
    "   слова: status:failed, kind:copy, -слово или !слово исключает; название статуса выбирает только этот статус",
  "help.copy": "c: скопировать ID выбранной операции в буфер обмена (OSC 52); v: её исходный JSON",
  "help.reconnect": "R: переподключиться к прокси сейчас",
  "help.mouse":
    "Мышь: колесо перемещает или прокручивает; щелчок выбирает строку (повторный открывает подробности) или сортирует по заголовку",
  "flash.sorted": "сортировка: {sort}",
  "flash.finishedHidden": "завершённые скрыты",
  "flash.finishedShown": "завершённые показаны",
  "flash.copied": "{id} скопирован в буфер обмена",
  "flash.reconnecting": "переподключение",
  "flash.nothingToReconnect": "переподключать нечего: мониторы опрашиваются напрямую",
  "flash.stopping": "остановка {id}…",
  "flash.stopped": "{id} больше не отслеживается",
  "error.badDuration":
    "--{name} {value} не является длительностью; укажите, например, 30s, 2m, 500ms или число секунд.",
  "error.timedOut": "Время ожидания ({seconds} с) истекло: выведено то, что было известно к этому моменту.",

  "usage.text":
    "Использование:\n  lro-tui --proxy URL [--api-key KEY]   следить за своими операциями через lro-proxy\n  lro-tui watch MONITOR_URL...           следить за мониторами Graph напрямую\n\nПараметры:\n  --token TOKEN   токен Graph для watch (или GRAPH_TOKEN), отправляется только на https://graph.microsoft.com\n  --token-origin ORIGIN  ещё один источник, мониторам которого можно отправлять токен (можно повторять)\n  --once          вывести операции один раз и выйти\n  --wait          без панели: дождаться завершения всех операций и вывести\n  --json          вывести NDJSON, по операции в строке\n  --lang LANG     en, ru, es или zh-CN (по умолчанию из LC_ALL, LC_MESSAGES, LANG)\n  --timeout DURATION  --once/--wait: сдаться через это время (для --once по умолчанию 30s)\n  --request-timeout DURATION  повторить запрос без ответа через это время (по умолчанию 10s)\n  --no-mouse      оставить мышь терминалу (выделение текста)\n  -h, --help      эта справка\n  --version       эта версия\n\nКод выхода без панели: 0, если все операции завершились успешно, 1 иначе, 2 при неверных аргументах.",
};
