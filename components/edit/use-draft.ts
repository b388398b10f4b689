import { useEffect, useRef, useState } from "preact/hooks";

/** How long typing pauses before a text field saves. */
const SAVE_DELAY_MS = 400;

/** A text field's draft: what the reader typed, saved after a pause, on blur and when the field goes away. */
export interface Draft {
  text: string;
  /** The reader typed: keep the text and save it after a pause. */
  set(text: string): void;
  /** Save now what is pending (blur, Enter, closing). */
  flush(): void;
}

/**
 * Keeps a draft of a stored text and saves it through `commit`, debounced. While nothing is
 * pending the draft follows the stored value, so an edit made elsewhere (the popup, another
 * tab) shows up; while the reader types, their text wins.
 */
export function useDraft(stored: string, commit: (text: string) => void, delay = SAVE_DELAY_MS): Draft {
  const [text, setText] = useState(stored);
  const pending = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commitRef = useRef(commit);
  commitRef.current = commit;

  const flush = () => {
    clearTimeout(timer.current);
    const value = pending.current;
    pending.current = null;
    if (value !== null) commitRef.current(value);
  };

  useEffect(() => {
    if (pending.current === null) setText(stored);
  }, [stored]);

  // Closing the card or collapsing a row while typing must not lose the last words.
  useEffect(() => flush, []);

  return {
    text,
    set(next) {
      setText(next);
      pending.current = next;
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, delay);
    },
    flush,
  };
}
