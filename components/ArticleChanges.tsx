import type { Annotation, PageRecord } from "../lib/model";
import { KIND_LABELS } from "./edit/labels";
import { plural, t, tNodes, uiLocale } from "./i18n";

/** Longest text shown for one side of a change: the popup is narrow; the card shows the rest. */
const SHOWN_LENGTH = 280;

const shorten = (text: string): string => (text.length > SHOWN_LENGTH ? `${text.slice(0, SHOWN_LENGTH - 1)}…` : text);

/**
 * What changed in the article since it was annotated: annotations found with different wording
 * (old text beside new) and orphans, which are kept with their text although the page lost them.
 */
export function ArticleChanges({ page, annotations }: { page: PageRecord; annotations: Annotation[] }) {
  const shown = annotations.filter((annotation) => !annotation.dismissed && annotation.anchor);
  const changed = shown.filter((annotation) => annotation.anchor?.state === "fuzzy");
  const orphans = shown.filter((annotation) => annotation.anchor?.state === "orphan");
  if (!page.changedAt && changed.length === 0 && orphans.length === 0) return null;
  return (
    <section class="changes" aria-label={t("changes_label")}>
      {page.changedAt && (
        <p class="changes-notice" role="status" data-testid="article-changed">
          {tNodes("changes_notice", [
            <time key="noticed" dateTime={new Date(page.changedAt).toISOString()}>
              {new Date(page.changedAt).toLocaleString(uiLocale())}
            </time>,
          ])}
          {changed.length + orphans.length === 0 && ` ${t("changes_none_changed")}`}
        </p>
      )}
      {changed.length > 0 && (
        <>
          <h2 class="changes-title">{plural(changed.length, "changes_changed_one", "changes_changed_other")}</h2>
          <ul class="changes-list" data-testid="changed-list">
            {changed.map((annotation) => (
              <li key={annotation.id} class="change" data-testid="changed-item">
                <span class="change-kind">{KIND_LABELS[annotation.kind]}</span>
                <div class="change-texts">
                  <div class="change-old">
                    <span class="change-label">{t("changes_was")}</span>
                    <del data-testid="changed-old">{shorten(annotation.exact)}</del>
                  </div>
                  <div class="change-new">
                    <span class="change-label">{t("changes_now")}</span>
                    <ins data-testid="changed-new">{shorten(annotation.anchor?.current ?? "")}</ins>
                  </div>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      {orphans.length > 0 && (
        <>
          <h2 class="changes-title">{plural(orphans.length, "changes_orphans_one", "changes_orphans_other")}</h2>
          <p class="changes-help">{t("changes_orphans_help")}</p>
          <ul class="changes-list" data-testid="orphan-list">
            {orphans.map((annotation) => (
              <li key={annotation.id} class="change" data-testid="orphan-item">
                <span class="change-kind">{KIND_LABELS[annotation.kind]}</span>
                <q class="orphan-text">{shorten(annotation.exact)}</q>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
