/**
 * The first row to render so the selection stays in a window of `height` rows, moving the window as
 * little as possible from where it was (`previousStart`): scrolling follows the selection.
 */
export function windowStart(selected: number, previousStart: number, height: number, total: number): number {
  if (height <= 0 || total <= height) return 0;
  let start = Math.min(Math.max(previousStart, 0), total - height);
  if (selected < start) start = selected;
  if (selected >= start + height) start = selected - height + 1;
  return Math.max(0, Math.min(start, total - height));
}
