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

  "filter.prompt": "Filtro: ",
  "filter.hint": "status:failed kind:copy -palabra · Enter mantiene, Esc borra",

  "confirm.stopCore": "¿Dejar de seguir {id}? (y/n)",
  "confirm.stopProxy": "¿Eliminar {id} del proxy y dejar de seguirla? (y/n)",
  "notice.stopFailed": "No se pudo detener {id}: {message}",

  "help.title": "Teclas",
  "help.move": "↑ ↓ o j k: mover la selección (RePág AvPág, Inicio Fin o g G)",
  "help.details": "Enter: detalles de la operación seleccionada; Esc los cierra",
  "help.filter": "/: filtrar mientras escribe; Enter lo mantiene, Esc lo borra",
  "help.sort": "s: ordenar por la siguiente columna (marcada ▾ en su encabezado); S invierte el orden",
  "help.finished": "f: ocultar o mostrar las operaciones terminadas",
  "help.stop": "d: dejar de seguir la operación seleccionada (pide confirmación)",
  "help.help": "?: esta ayuda; cualquier tecla la cierra",
  "help.quit": "q: salir; Ctrl-C: salir con el código 130",

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

  "connection.retrying": "reconectando (intento {attempt}, ahora)",
  "helpBar.scroll": "desplazar",
  "helpBar.raw": "JSON",
  "helpBar.copy": "copiar ID",
  "detail.rawTitle": "Operación {id}: JSON original",
  "detail.position": "líneas {from}–{to} de {total}",
  "help.scroll":
    "En los detalles: ↑ ↓ j k desplazan, RePág AvPág (b, espacio) una página, g G los extremos; v muestra el JSON original",
  "help.filterSyntax":
    "   palabras: status:failed, kind:copy, -palabra o !palabra excluye; un nombre de estado solo coincide con ese estado",
  "help.copy": "c: copiar el ID de la operación seleccionada al portapapeles (OSC 52); v: su JSON original",
  "help.reconnect": "R: reconectar con el proxy ahora",
  "help.mouse":
    "Ratón: la rueda mueve o desplaza; un clic selecciona una fila (otro: detalles) u ordena por un encabezado",
  "flash.sorted": "ordenado por {sort}",
  "flash.finishedHidden": "operaciones terminadas ocultas",
  "flash.finishedShown": "operaciones terminadas visibles",
  "flash.copied": "{id} copiado al portapapeles",
  "flash.reconnecting": "reconectando ahora",
  "flash.nothingToReconnect": "nada que reconectar: los monitores se consultan directamente",
  "flash.stopping": "deteniendo {id}…",
  "flash.stopped": "{id} ya no se sigue",
  "error.badDuration":
    "--{name} {value} no es una duración; indique una como 30s, 2m, 500ms o un número de segundos.",
  "error.timedOut": "Tiempo agotado tras {seconds} s: se imprimió lo que se sabía hasta entonces.",

  "usage.text":
    "Uso:\n  lro-tui --proxy URL [--api-key KEY]   seguir sus operaciones en un lro-proxy\n  lro-tui watch MONITOR_URL...           seguir monitores de Graph directamente\n\nOpciones:\n  --token TOKEN   token de Graph para watch (o GRAPH_TOKEN), enviado solo a https://graph.microsoft.com\n  --token-origin ORIGIN  otro origen cuyos monitores pueden recibir el token (repetible)\n  --once          mostrar las operaciones una vez y salir\n  --wait          sin panel: esperar a que terminen todas las operaciones e imprimir\n  --json          imprimir NDJSON, una operación por línea\n  --lang LANG     en, ru, es o zh-CN (por defecto: LC_ALL, LC_MESSAGES, LANG)\n  --timeout DURATION  --once/--wait: abandonar tras este tiempo (por defecto con --once: 30s)\n  --request-timeout DURATION  reintentar una petición sin respuesta tras este tiempo (por defecto 10s)\n  --no-mouse      dejar el ratón al terminal (selección de texto)\n  -h, --help      esta ayuda\n  --version       esta versión\n\nCódigo de salida sin panel: 0 si todas las operaciones listadas se completaron, 1 si no, 2 con argumentos inválidos.",
};
