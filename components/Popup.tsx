import { useMemo, useState } from "preact/hooks";
import { countByKind } from "../lib/db/counts";
import type { ClaimmarkDb } from "../lib/db/schema";
import { groupSources } from "../lib/db/store";
import type { PageState } from "../lib/messages";
import type { NoArticleReason } from "../lib/model";
import type { Restriction } from "../lib/url/restricted";
import { ArticleChanges } from "./ArticleChanges";
import { type MessageKey, t } from "./i18n";
import { Notice } from "./Notice";
import { PageSummary } from "./PageSummary";
import { HelpPanel, HelpToggle } from "./PopupHelp";
import { AnnotationList, type PopupActions } from "./popup/AnnotationList";
import { usePageView } from "./popup/use-page-view";

/** What the popup learned about the tab it was opened for. */
export type PopupTarget =
  | { kind: "loading" }
  | { kind: "restricted"; restriction: Restriction }
  /** No content script answered and the tab's URL is not known (or is an ordinary web page). */
  | { kind: "unreachable"; webPage: boolean }
  | { kind: "page"; state: PageState };

const NO_ARTICLE_KEYS: Record<NoArticleReason, MessageKey> = {
  "not-readerable": "popup_no_article_not_readerable",
  empty: "popup_no_article_empty",
  "not-html": "popup_no_article_not_html",
  "too-complex": "popup_no_article_too_complex",
  "too-large": "popup_no_article_too_large",
  failed: "popup_no_article_failed",
};

/** Why a tab cannot be annotated, for the reader. */
const RESTRICTION_KEYS: Record<Restriction, MessageKey> = {
  "browser-page": "restriction_browser_page",
  "extension-store": "restriction_extension_store",
  pdf: "restriction_pdf",
  "local-file": "restriction_local_file",
  unsupported: "restriction_unsupported",
};

export type { PopupActions } from "./popup/AnnotationList";

/** Actions that go nowhere, for a popup rendered without a tab (tests, screenshots). */
const NO_ACTIONS: PopupActions = { onReveal() {}, onChanged() {}, onOpenLibrary() {} };

function RecordedPage({ db, pageKey, actions }: { db: ClaimmarkDb; pageKey: string; actions: PopupActions }) {
  const live = usePageView(db, pageKey);
  const view = live.status === "ready" ? live.value : null;
  // Worked out again only when the page's view changes, not when a row opens or a filter changes.
  const derived = useMemo(
    () => view && { counts: countByKind(view.annotations), sources: groupSources(view.sources) },
    [view],
  );
  if (live.status === "error") return <Notice title={t("popup_db_failed")}>{live.error}</Notice>;
  if (!view || !derived) return <Notice title={t("popup_opening")} />;
  const { page, annotations } = view;
  const { counts, sources } = derived;
  if (!page) return <Notice title={t("popup_not_recorded")}>{t("popup_not_recorded_help")}</Notice>;
  if (!page.hasArticle) {
    return (
      <Notice title={t("popup_no_article")}>{t(NO_ARTICLE_KEYS[page.noArticleReason ?? "not-readerable"])}</Notice>
    );
  }
  return (
    <>
      <PageSummary page={page} counts={counts} />
      <ArticleChanges page={page} annotations={annotations} />
      <AnnotationList db={db} annotations={annotations} sources={sources} actions={actions} pageKey={pageKey} />
    </>
  );
}

function TargetView({ db, target, actions }: { db: ClaimmarkDb; target: PopupTarget; actions: PopupActions }) {
  switch (target.kind) {
    case "loading":
      return <Notice title={t("popup_opening")} />;
    case "restricted":
      return <Notice title={t("popup_cannot_annotate")}>{t(RESTRICTION_KEYS[target.restriction])}</Notice>;
    case "unreachable":
      return target.webPage ? (
        <Notice title={t("popup_not_read_yet")}>{t("popup_not_read_yet_help")}</Notice>
      ) : (
        <Notice title={t("popup_cannot_annotate")}>{t("popup_web_pages_only")}</Notice>
      );
    case "page":
      switch (target.state.status) {
        case "reading":
          return <Notice title={t("popup_reading")} />;
        case "failed":
          return <Notice title={t("popup_record_failed")}>{target.state.error}</Notice>;
        case "recorded":
          return <RecordedPage db={db} pageKey={target.state.pageKey} actions={actions} />;
      }
  }
}

/** Props of {@link Popup}. */
export interface PopupProps {
  db: ClaimmarkDb;
  target: PopupTarget;
  /** What the popup asks of its tab and the browser; nothing when omitted. */
  actions?: PopupActions;
  /** Opens the welcome page (from the help panel); nothing when omitted. */
  onOpenWelcome?: () => void;
}

/** The toolbar popup: the current tab's page as Claimmark sees it, and its annotations to review and edit. */
export function Popup({ db, target, actions = NO_ACTIONS, onOpenWelcome = () => {} }: PopupProps) {
  const [help, setHelp] = useState(false);
  return (
    <main class="popup">
      <header class="brand">
        <span>{t("ext_name")}</span>
        <span class="brand-actions">
          <HelpToggle open={help} onToggle={() => setHelp(!help)} />
          <button
            type="button"
            class="edit-link brand-library"
            data-testid="open-library"
            onClick={actions.onOpenLibrary}
          >
            {t("popup_open_library")}
          </button>
        </span>
      </header>
      {help && <HelpPanel db={db} onOpenWelcome={onOpenWelcome} />}
      <TargetView db={db} target={target} actions={actions} />
    </main>
  );
}
