import { type Checked, isRecord } from "../check";
import {
  ANNOTATION_STATUSES,
  type AnnotationPatch,
  type AnnotationStatus,
  EDIT_LIMITS,
  type SourceInput,
} from "../model";
import { cleanText } from "../text/clean";

const PATCH_KEYS = ["status", "tags", "note", "speaker", "value", "unit", "qualifier", "dismissed", "deleted"];
const SOURCE_KEYS = ["url", "title", "publisher", "accessedAt", "note", "quote"];

/** A tag as stored: trimmed, inner whitespace collapsed, no leading "#"; empty when nothing is left. */
export function cleanTag(raw: string): string {
  return cleanText(raw).replace(/^#+/u, "").replace(/\s+/gu, " ").trim().slice(0, EDIT_LIMITS.tag);
}

/** Whether a string is an http or https URL: the only kind Claimmark stores as a source or makes a link. */
export function isWebUrl(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === "http:" || url.protocol === "https:";
  } catch {
    return false;
  }
}

/** Whether `value` is a real calendar date written YYYY-MM-DD (no 2023-02-30, no 9999-99-99), from year 1000 to 9999. */
export function isRealDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < 1000 || month < 1 || month > 12 || day < 1) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function text(value: unknown, name: string, max: number, nullable: boolean): Checked<string | null> {
  if (value === null && nullable) return { ok: true, value: null };
  if (typeof value !== "string") return { ok: false, error: `${name} must be text` };
  if (value.length > max) return { ok: false, error: `${name} is longer than ${max} characters` };
  return { ok: true, value };
}

/** Checks a change to an annotation field by field; unknown fields are refused. */
export function checkAnnotationPatch(raw: unknown): Checked<AnnotationPatch> {
  if (!isRecord(raw)) return { ok: false, error: "a change must be an object" };
  const patch: AnnotationPatch = {};
  for (const [key, value] of Object.entries(raw)) {
    if (!PATCH_KEYS.includes(key)) return { ok: false, error: `unknown field ${key.slice(0, 40)}` };
    switch (key) {
      case "status":
        if (!ANNOTATION_STATUSES.includes(value as AnnotationStatus))
          return { ok: false, error: "status must be unverified, supported, disputed or false" };
        patch.status = value as AnnotationStatus;
        break;
      case "tags": {
        if (!Array.isArray(value) || value.some((tag) => typeof tag !== "string"))
          return { ok: false, error: "tags must be a list of text" };
        const tags = [...new Set((value as string[]).map(cleanTag).filter(Boolean))];
        if (tags.length > EDIT_LIMITS.tags) return { ok: false, error: `at most ${EDIT_LIMITS.tags} tags` };
        patch.tags = tags;
        break;
      }
      case "note": {
        const note = text(value, "note", EDIT_LIMITS.note, false);
        if (!note.ok) return note;
        patch.note = cleanText(note.value as string);
        break;
      }
      case "speaker":
      case "unit":
      case "qualifier": {
        const field = text(value, key, EDIT_LIMITS.field, true);
        if (!field.ok) return field;
        patch[key] = field.value === null ? null : cleanText(field.value);
        break;
      }
      case "value":
        if (value !== null && !(typeof value === "number" && Number.isFinite(value)) && typeof value !== "string")
          return { ok: false, error: "value must be a number, text or empty" };
        if (typeof value === "string" && value.length > 40) return { ok: false, error: "value is too long" };
        patch.value = typeof value === "string" ? cleanText(value) : (value as number | null);
        break;
      case "dismissed":
      case "deleted":
        if (typeof value !== "boolean") return { ok: false, error: `${key} must be true or false` };
        patch[key] = value;
        break;
    }
  }
  return { ok: true, value: patch };
}

/** Checks a source: an http(s) URL (or none, for a printed source), bounded text, an ISO date or none. */
export function checkSourceInput(raw: unknown, partial = false): Checked<Partial<SourceInput>> {
  if (!isRecord(raw)) return { ok: false, error: "a source must be an object" };
  const source: Partial<SourceInput> = {};
  for (const key of Object.keys(raw)) {
    if (!SOURCE_KEYS.includes(key)) return { ok: false, error: `unknown field ${key.slice(0, 40)}` };
  }
  for (const key of SOURCE_KEYS as (keyof SourceInput)[]) {
    if (!(key in raw)) {
      if (partial) continue;
      if (key === "accessedAt") {
        source.accessedAt = null;
        continue;
      }
      source[key] = "";
      continue;
    }
    const value = raw[key];
    if (key === "accessedAt") {
      if (value !== null && (typeof value !== "string" || !isRealDate(value)))
        return { ok: false, error: "the date accessed must be a real date (YYYY-MM-DD) or empty" };
      source.accessedAt = value as string | null;
      continue;
    }
    const max =
      key === "url" ? EDIT_LIMITS.url : key === "quote" || key === "note" ? EDIT_LIMITS.quote : EDIT_LIMITS.field;
    const field = text(value, key, max, false);
    if (!field.ok) return field;
    const trimmed = (field.value as string).trim();
    if (key === "url" && trimmed !== "" && !isWebUrl(trimmed))
      return { ok: false, error: "a source's address must start with http:// or https://" };
    source[key] = cleanText(key === "url" ? trimmed : (field.value as string));
  }
  return { ok: true, value: source };
}
