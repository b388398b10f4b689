import type { JSX } from "preact";
import { useId, useState } from "preact/hooks";
import { cleanTag } from "../../lib/edit/validate";
import { EDIT_LIMITS } from "../../lib/model";
import { formatNumber, t } from "../i18n";
import { useTrusted } from "./trust";

/** Props of {@link TagsInput}. */
export interface TagsInputProps {
  tags: string[];
  /** Called with the whole new list whenever a tag is added or removed. */
  onChange(tags: string[]): void;
  /** Tags in use elsewhere, most used first: offered as completions. */
  suggestions?: string[];
  label?: string;
  /** Focus the input on mount: it was just opened from an "Add tags" link. */
  autoFocus?: boolean;
}

/** Completions offered at most: a datalist of thousands of tags helps nobody. */
const SUGGESTIONS_SHOWN = 50;

/**
 * Tags as removable chips, and an input that adds one on Enter or comma, with completion from
 * the tags already in use (a native datalist: the browser's own listbox, arrow keys included).
 */
export function TagsInput({
  tags,
  onChange,
  suggestions = [],
  label = t("edit_tags"),
  autoFocus = false,
}: TagsInputProps) {
  const id = useId();
  const [draft, setDraft] = useState("");
  const trusted = useTrusted();
  const full = tags.length >= EDIT_LIMITS.tags;

  const add = (raw: string[]) => {
    const next = [...tags];
    for (const tag of raw.map((text) => cleanTag(text.trim()))) {
      if (tag && !next.includes(tag) && next.length < EDIT_LIMITS.tags) next.push(tag);
    }
    if (next.length !== tags.length) onChange(next);
  };

  const onInput = trusted((event: JSX.TargetedEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    // A comma ends a tag, typed or pasted ("budget, defence").
    if (value.includes(",")) {
      const parts = value.split(",");
      const rest = parts.pop() ?? "";
      add(parts);
      setDraft(rest);
      event.currentTarget.value = rest;
      return;
    }
    setDraft(value);
  });

  const onKeyDown = trusted((event: JSX.TargetedKeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") {
      event.preventDefault();
      add([draft]);
      setDraft("");
    } else if (event.key === "Backspace" && draft === "" && tags.length > 0) {
      onChange(tags.slice(0, -1));
    }
  });

  const remove = (tag: string) =>
    trusted(() => {
      onChange(tags.filter((other) => other !== tag));
    });

  const offered = suggestions.filter((tag) => !tags.includes(tag)).slice(0, SUGGESTIONS_SHOWN);
  return (
    <div class="edit-tags" data-testid="tags-input">
      {tags.length > 0 && (
        <ul class="edit-chips" aria-label={label}>
          {tags.map((tag) => (
            <li key={tag} class="edit-chip" data-testid="tag">
              <span class="edit-chip-text">{tag}</span>
              <button
                type="button"
                class="edit-chip-remove"
                aria-label={t("tags_remove", tag)}
                data-testid="tag-remove"
                onClick={remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <label class="edit-sr-only" for={id}>
        {t("tags_add")}
      </label>
      <input
        id={id}
        class="edit-input edit-tag-input"
        type="text"
        list={offered.length > 0 ? `${id}-list` : undefined}
        value={draft}
        placeholder={full ? t("tags_full", formatNumber(EDIT_LIMITS.tags)) : t("tags_placeholder")}
        disabled={full}
        autoComplete="off"
        // biome-ignore lint/a11y/noAutofocus: opened on purpose from an "Add tags" link
        autoFocus={autoFocus}
        data-testid="tag-input"
        onInput={onInput}
        onKeyDown={onKeyDown}
      />
      {offered.length > 0 && (
        <datalist id={`${id}-list`}>
          {offered.map((tag) => (
            <option key={tag} value={tag} />
          ))}
        </datalist>
      )}
    </div>
  );
}
