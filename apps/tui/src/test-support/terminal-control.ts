/** Any C0 control but the line feed, DEL, or a C1 control: what must never reach a terminal from outside. */
// eslint-disable-next-line no-control-regex
export const terminalControl = /[\u0000-\u0009\u000B-\u001F\u007F-\u009F]/;

/** An SGR colour (foreground 30-37): with NO_COLOR, any on screen came from the outside world. */
// eslint-disable-next-line no-control-regex
export const sgrColour = /\u001B\[[0-9;]*3[0-7]m/;
