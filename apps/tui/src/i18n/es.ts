import type { Messages } from "./en.js";

export const es: Messages = {
  "app.title": "Operaciones de Graph",

  "status.notStarted": "sin iniciar",
  "status.running": "en curso",
  "status.succeeded": "completada",
  "status.failed": "fallida",
  "status.unknownFutureValue": "desconocido",
  "status.problem": "inaccesible",

  "connection.connecting": "conectando",
  "connection.live": "en vivo",
  "connection.reconnecting": "reconectando (intento {attempt}, en {seconds} s)",
  "connection.polling": "monitores consultados: {count}",
  "connection.closed": "desconectado",

  "header.total": "operaciones: {count}",
  "header.shown": "visibles: {count}",
  "header.filter": "filtro: {filter}",
  "header.endpoint": "proxy {url} · X-API-Key {key}",

  "column.id": "ID",
  "column.kind": "Tipo",
  "column.status": "Estado",
  "column.progress": "Progreso",
  "column.eta": "Resta",
  "column.age": "Edad",
  "column.lastAction": "Última",
  "column.detail": "Detalle",

  "sort.recent": "recientes",
  "sort.newest": "más nuevas",
  "sort.status": "estado",
  "sort.progress": "progreso",

  "helpBar.move": "mover",
  "helpBar.details": "detalles",
  "helpBar.filter": "filtrar",
  "helpBar.sort": "orden: {sort}",
  "helpBar.finishedShown": "ocultar terminadas",
  "helpBar.finishedHidden": "mostrar terminadas",
  "helpBar.stop": "dejar de seguir",
  "helpBar.help": "ayuda",
  "helpBar.quit": "salir",
  "helpBar.back": "volver",

  "detail.title": "Operación {id}",
  "detail.id": "ID",
  "detail.kind": "Clase",
  "detail.type": "Tipo",
  "detail.status": "Estado",
  "detail.progress": "Progreso",
  "detail.monitor": "Monitor",
  "detail.resource": "Recurso",
  "detail.resourceId": "ID del recurso",
  "detail.created": "Creada",
  "detail.lastAction": "Última acción",
  "detail.statusDetail": "Detalle",
  "detail.errorCode": "Código de error",
  "detail.errorMessage": "Mensaje",
  "detail.innerErrors": "Errores internos",
  "detail.problem": "No se puede seguir",
  "detail.timeline": "Historial de estados",
  "detail.none": "ninguno",

  "filter.prompt": "Filtro (texto o estado): ",
  "filter.hint": "Enter mantiene el filtro, Esc lo borra",

  "confirm.stopCore": "¿Dejar de seguir {id}? (y/n)",
  "confirm.stopProxy": "¿Eliminar {id} del proxy y dejar de seguirla? (y/n)",
  "notice.stopFailed": "No se pudo detener {id}: {message}",

  "help.title": "Teclas",
  "help.move": "↑ ↓ o j k: mover la selección (RePág AvPág, Inicio Fin o g G)",
  "help.details": "Enter: detalles de la operación seleccionada; Esc los cierra",
  "help.filter": "/: filtrar por texto o estado (p. ej. failed); Esc lo borra",
  "help.sort": "s: cambiar el orden (más nuevas, cambiadas hace poco, estado, progreso)",
  "help.finished": "f: ocultar o mostrar las operaciones terminadas",
  "help.stop": "d: dejar de seguir la operación seleccionada (pide confirmación)",
  "help.help": "?: esta ayuda; cualquier tecla la cierra",
  "help.quit": "q o Ctrl-C: salir",

  "empty.none": "Aún no hay operaciones.",
  "empty.filtered": "Ninguna operación coincide.",

  "time.seconds": "{value} s",
  "time.minutes": "{value} min",
  "time.hours": "{value} h",
  "time.days": "{value} d",

  "summary.counts": "{succeeded} completadas, {failed} fallidas, {pending} sin terminar",

  "error.apiKeyMissing": "--proxy necesita una clave de API: use --api-key KEY o defina LRO_API_KEY.",
  "error.noSource": "Nada que mostrar: indique --proxy URL, o `watch` con una o más URL de monitor.",
  "error.badUrl":
    "{value} no es una URL http(s) absoluta; indique una como https://graph.microsoft.com/v1.0/...",
  "error.badProxyUrl":
    "--proxy {value} no es una URL http(s) absoluta; indique la dirección del proxy, como http://127.0.0.1:8080",
  "error.badLanguage": "--lang {value} no está disponible; use uno de: {supported}.",
  "error.badArguments": "{message}. Ejecute lro-tui --help para ver el uso.",
  "error.sourceFailed": "No se pudieron leer las operaciones: {message}",

  "usage.text":
    "Uso:\n  lro-tui --proxy URL [--api-key KEY]   seguir sus operaciones en un lro-proxy\n  lro-tui watch MONITOR_URL...           seguir monitores de Graph directamente\n\nOpciones:\n  --token TOKEN   token de Graph para watch (o GRAPH_TOKEN), enviado solo a https://graph.microsoft.com\n  --token-origin ORIGIN  otro origen cuyos monitores pueden recibir el token (repetible)\n  --once          mostrar las operaciones una vez y salir\n  --wait          sin panel: esperar a que terminen todas las operaciones e imprimir\n  --json          imprimir NDJSON, una operación por línea\n  --lang LANG     en, ru, es o zh-CN (por defecto: LC_ALL, LC_MESSAGES, LANG)\n  -h, --help      esta ayuda\n\nCódigo de salida sin panel: 0 si todas las operaciones listadas se completaron, 1 si no, 2 con argumentos inválidos.",
};
