import { useEffect } from "preact/hooks";
import { t } from "../i18n";
import { useTrusted } from "./trust";

/** How long an undo stays offered. */
const UNDO_WINDOW_MS = 10_000;

/** Props of {@link Toast}. */
export interface ToastProps {
  message: string;
  /** Puts back what was removed. */
  onUndo(): void;
  /** Called when the offer ends unused (after `timeoutMs`) or is closed. */
  onDone?(): void;
  timeoutMs?: number;
}

/** A short message with an Undo button, announced politely, that goes away by itself. */
export function Toast({ message, onUndo, onDone, timeoutMs = UNDO_WINDOW_MS }: ToastProps) {
  const trusted = useTrusted();
  useEffect(() => {
    if (!onDone) return;
    const timer = setTimeout(onDone, timeoutMs);
    return () => clearTimeout(timer);
  }, [message, onDone, timeoutMs]);
  return (
    <div class="edit-toast" role="status" data-testid="toast">
      <span class="edit-toast-text">{message}</span>
      <button type="button" class="edit-button" data-testid="undo" onClick={trusted(() => onUndo())}>
        {t("undo")}
      </button>
    </div>
  );
}
