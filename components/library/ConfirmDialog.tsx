import { useId, useRef } from "preact/hooks";
import { useTrusted } from "../edit/trust";
import { t } from "../i18n";
import { useFocusTrap } from "./focus-trap";

/**
 * A modal question with Cancel and one action, as "Delete all data" asks it: the keyboard stays
 * inside, Escape cancels, and the focus goes back where it was. Cancel comes first and takes the
 * focus, so Enter pressed by habit does nothing harmful.
 */
export function ConfirmDialog({
  title,
  body,
  action,
  testId,
  onConfirm,
  onCancel,
}: {
  title: string;
  body: string;
  /** The action button's words ("Delete 3 annotations"). */
  action: string;
  testId: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  const trusted = useTrusted();
  useFocusTrap(dialog, onCancel);
  return (
    <div class="backdrop">
      <div
        class="dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-body`}
        data-testid={testId}
        ref={dialog}
      >
        <h2 id={`${id}-title`}>{title}</h2>
        <p id={`${id}-body`}>{body}</p>
        <div class="dialog-actions">
          <button type="button" data-testid={`${testId}-cancel`} onClick={onCancel}>
            {t("edit_cancel")}
          </button>
          <button type="button" class="danger" data-testid={`${testId}-confirm`} onClick={trusted(() => onConfirm())}>
            {action}
          </button>
        </div>
      </div>
    </div>
  );
}
