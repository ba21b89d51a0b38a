import { useContext } from "react";
import type { Display } from "../context/display-context.js";
import { DisplayContext } from "../context/display-context.js";

/** The translator and colour setting of the dashboard. */
export function useDisplay(): Display {
  return useContext(DisplayContext);
}
