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

  "sort.recent": "недавние",
  "sort.newest": "новые",
  "sort.status": "статус",
  "sort.progress": "прогресс",

  "helpBar.move": "выбор",
  "helpBar.details": "подробно",
  "helpBar.filter": "фильтр",
  "helpBar.sort": "сортировка: {sort}",
  "helpBar.finishedShown": "скрыть завершённые",
  "helpBar.finishedHidden": "показать завершённые",
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

  "filter.prompt": "Фильтр (текст или статус): ",
  "filter.hint": "Enter оставляет фильтр, Esc сбрасывает",

  "confirm.stopCore": "Перестать отслеживать {id}? (y/n)",
  "confirm.stopProxy": "Удалить {id} из прокси и перестать отслеживать? (y/n)",
  "notice.stopFailed": "Не удалось остановить {id}: {message}",

  "help.title": "Клавиши",
  "help.move": "↑ ↓ или j k: перемещение (PgUp PgDn, Home End или g G)",
  "help.details": "Enter: подробности выбранной операции; Esc закрывает",
  "help.filter": "/: фильтр по тексту или статусу (например, failed); Esc сбрасывает",
  "help.sort": "s: сменить сортировку (новые, недавно изменённые, статус, прогресс)",
  "help.finished": "f: скрыть или показать завершённые операции",
  "help.stop": "d: перестать отслеживать выбранную операцию (с подтверждением)",
  "help.help": "?: эта справка; любая клавиша закрывает её",
  "help.quit": "q или Ctrl-C: выход",

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

  "usage.text":
    "Использование:\n  lro-tui --proxy URL [--api-key KEY]   следить за своими операциями через lro-proxy\n  lro-tui watch MONITOR_URL...           следить за мониторами Graph напрямую\n\nПараметры:\n  --token TOKEN   токен Graph для watch (или GRAPH_TOKEN), отправляется только на https://graph.microsoft.com\n  --token-origin ORIGIN  ещё один источник, мониторам которого можно отправлять токен (можно повторять)\n  --once          вывести операции один раз и выйти\n  --wait          без панели: дождаться завершения всех операций и вывести\n  --json          вывести NDJSON, по операции в строке\n  --lang LANG     en, ru, es или zh-CN (по умолчанию из LC_ALL, LC_MESSAGES, LANG)\n  -h, --help      эта справка\n\nКод выхода без панели: 0, если все операции завершились успешно, 1 иначе, 2 при неверных аргументах.",
};
