import type { Messages } from "./en.js";

export const zhCN: Messages = {
  "app.title": "Graph 操作",

  "status.notStarted": "未开始",
  "status.running": "运行中",
  "status.succeeded": "成功",
  "status.failed": "失败",
  "status.unknownFutureValue": "未知",
  "status.problem": "无法访问",

  "connection.connecting": "连接中",
  "connection.live": "已连接",
  "connection.reconnecting": "重新连接中（第 {attempt} 次，{seconds} 秒后）",
  "connection.polling": "正在轮询 {count} 个监视器",
  "connection.closed": "已断开",

  "header.total": "共 {count} 个操作",
  "header.shown": "显示 {count} 个",
  "header.filter": "筛选：{filter}",

  "column.id": "ID",
  "column.kind": "种类",
  "column.status": "状态",
  "column.progress": "进度",
  "column.eta": "剩余",
  "column.age": "时长",
  "column.lastAction": "更新",
  "column.detail": "详情",

  "sort.recent": "最近更新",
  "sort.newest": "最新创建",
  "sort.status": "状态",
  "sort.progress": "进度",

  "helpBar.move": "移动",
  "helpBar.details": "详情",
  "helpBar.filter": "筛选",
  "helpBar.sort": "排序：{sort}",
  "helpBar.finishedShown": "隐藏已结束",
  "helpBar.finishedHidden": "显示已结束",
  "helpBar.stop": "停止跟踪",
  "helpBar.help": "帮助",
  "helpBar.quit": "退出",
  "helpBar.back": "返回",

  "detail.title": "操作 {id}",
  "detail.id": "ID",
  "detail.kind": "种类",
  "detail.type": "类型",
  "detail.status": "状态",
  "detail.progress": "进度",
  "detail.monitor": "监视器",
  "detail.resource": "资源",
  "detail.resourceId": "资源 ID",
  "detail.created": "创建时间",
  "detail.lastAction": "最后操作",
  "detail.statusDetail": "详情",
  "detail.errorCode": "错误代码",
  "detail.errorMessage": "消息",
  "detail.innerErrors": "内部错误",
  "detail.problem": "无法跟踪",
  "detail.timeline": "状态变化",
  "detail.none": "无",

  "filter.prompt": "筛选（文本或状态）：",
  "filter.hint": "Enter 保留筛选，Esc 清除",

  "confirm.stopCore": "停止跟踪 {id}？(y/n)",
  "confirm.stopProxy": "从代理中删除 {id} 并停止跟踪？(y/n)",
  "notice.stopFailed": "无法停止 {id}：{message}",

  "help.title": "按键",
  "help.move": "↑ ↓ 或 j k：移动选择（PgUp PgDn、Home End 或 g G）",
  "help.details": "Enter：查看所选操作的详情；Esc 关闭",
  "help.filter": "/：按文本或状态筛选（例如 failed）；Esc 清除",
  "help.sort": "s：切换排序（最新创建、最近更新、状态、进度）",
  "help.finished": "f：隐藏或显示已结束的操作",
  "help.stop": "d：停止跟踪所选操作（需确认）",
  "help.help": "?：本帮助；按任意键关闭",
  "help.quit": "q 或 Ctrl-C：退出",

  "empty.none": "暂无操作。",
  "empty.filtered": "没有匹配的操作。",

  "time.seconds": "{value}秒",
  "time.minutes": "{value}分",
  "time.hours": "{value}时",
  "time.days": "{value}天",

  "summary.counts": "成功 {succeeded} 个，失败 {failed} 个，未结束 {pending} 个",

  "error.apiKeyMissing": "--proxy 需要 API 密钥：请传入 --api-key KEY 或设置 LRO_API_KEY。",
  "error.noSource": "没有可显示的内容：请传入 --proxy URL，或 `watch` 加一个或多个监视器 URL，或 `demo`。",
  "error.badUrl": "{value} 不是绝对的 http(s) URL；请传入类似 https://graph.microsoft.com/v1.0/... 的地址",
  "error.badProxyUrl": "--proxy {value} 不是绝对的 http(s) URL；请传入代理的地址，例如 http://127.0.0.1:8080",
  "error.badLanguage": "不支持 --lang {value}；请使用：{supported}。",
  "error.badArguments": "{message}。运行 lro-tui --help 查看用法。",
  "error.sourceFailed": "无法读取操作：{message}",

  "usage.text":
    "用法：\n  lro-tui --proxy URL [--api-key KEY]   通过 lro-proxy 跟踪你的操作\n  lro-tui watch MONITOR_URL...           直接跟踪 Graph 监视器\n  lro-tui demo                           启动模拟器和代理并显示\n\n选项：\n  --token TOKEN   watch 使用的 Graph 令牌（或 GRAPH_TOKEN），只发送到 https://graph.microsoft.com\n  --token-origin ORIGIN  另一个可接收令牌的监视器源（可重复）\n  --once          输出一次操作后退出\n  --wait          不显示面板：等待所有操作结束后输出\n  --json          输出 NDJSON，每行一个操作\n  --lang LANG     en、ru、es 或 zh-CN（默认取自 LC_ALL、LC_MESSAGES、LANG）\n  -h, --help      本帮助\n\n不显示面板时的退出码：所有列出的操作都成功时为 0，否则为 1，参数错误时为 2。",
};
