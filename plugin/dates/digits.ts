/** Latin (0-9) and Arabic-Indic (٠-٩) digits. Eastern Arabic-Indic (۰-۹, Persian/Urdu) are read too. */
import type { Digits } from "./types.js";

const ARABIC_INDIC = "٠١٢٣٤٥٦٧٨٩";

/** Write the Latin digits of `text` in the chosen digit set. */
export function toDigits(text: string, digits: Digits = "latn"): string {
  if (digits === "latn") return text;
  return text.replace(/[0-9]/g, (d) => ARABIC_INDIC[d.charCodeAt(0) - 48]);
}

/** Replace Arabic-Indic and Eastern Arabic-Indic digits by Latin ones. */
export function toLatinDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
    const code = d.charCodeAt(0);
    return String(code >= 0x06f0 ? code - 0x06f0 : code - 0x0660);
  });
}
