import { createContext } from "react";
import { en } from "../i18n/en.js";
import type { Translate } from "../i18n/translator.js";
import { createTranslator } from "../i18n/translator.js";

/** What every component needs to draw text: the language and whether colour is on (NO_COLOR turns it off). */
export interface Display {
  translate: Translate;
  color: boolean;
}

export const DisplayContext = createContext<Display>({ translate: createTranslator(en), color: true });
