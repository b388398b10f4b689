import { countByKind } from "../lib/db/pages";
import type { ClaimmarkDb } from "../lib/db/schema";
import { groupSources, readSet } from "../lib/db/store";
import type { PageState } from "../lib/messages";
import type { Annotation, AnnotationKind, NoArticleReason, PageRecord, Source } from "../lib/model";
import { describeRestriction, type Restriction } from "../lib/url/restricted";
import { ArticleChanges } from "./ArticleChanges";
import { Notice } from "./Notice";
import { PageSummary } from "./PageSummary";
import { AnnotationList, type PopupActions } from "./popup/AnnotationList";
import { useLiveQuery } from "./use-live-query";

/** What the popup learned about the tab it was opened for. */
export type PopupTarget =
  | { kind: "loading" }
  | { kind: "restricted"; restriction: Restriction }
  /** No content script answered and the tab's URL is not known (or is an ordinary web page). */
  | { kind: "unreachable"; webPage: boolean }
  | { kind: "page"; state: PageState };

const NO_ARTICLE_TEXT: Record<NoArticleReason, string> = {
  "not-readerable":
    "Claimmark looks for a news article or a blog post. This page does not look like one, so there is nothing to annotate automatically.",
  empty: "The page looked like an article, but no article text could be extracted from it.",
  "not-html": "This is not a web page but a file shown by the browser (a PDF, an image or plain text).",
  "too-complex":
    "This page is nested too deeply or is too large to read safely, so Claimmark left it alone to keep your browser responsive.",
  "too-large":
    "This page's text is far longer than any article, so Claimmark did not read it, to keep your browser responsive.",
  failed: "Reading the article failed on this page.",
};

export type { PopupActions } from "./popup/AnnotationList";

/** Actions that go nowhere, for a popup rendered without a tab (tests, screenshots). */
const NO_ACTIONS: PopupActions = { onReveal() {}, onChanged() {}, onOpenLibrary() {} };

function RecordedPage({ db, pageKey, actions }: { db: ClaimmarkDb; pageKey: string; actions: PopupActions }) {
  const live = useLiveQuery(async (): Promise<{
    page: PageRecord | undefined;
    counts: Partial<Record<AnnotationKind, number>>;
    annotations: Annotation[];
    sources: Map<string, Source[]>;
  }> => {
    const set = await readSet(db, pageKey);
    return {
      page: await db.pages.get(pageKey),
      counts: countByKind(set.annotations),
      annotations: set.annotations,
      sources: groupSources(set.sources),
    };
  }, [db, pageKey]);
  if (live.status === "loading") return <Notice title="Opening…" />;
  if (live.status === "error") return <Notice title="Claimmark could not open its database">{live.error}</Notice>;
  const { page, counts, annotations, sources } = live.value;
  if (!page) return <Notice title="This page is not recorded">Reload the page to let Claimmark read it.</Notice>;
  if (!page.hasArticle) {
    return (
      <Notice title="No article found on this page">{NO_ARTICLE_TEXT[page.noArticleReason ?? "not-readerable"]}</Notice>
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
      return <Notice title="Opening…" />;
    case "restricted":
      return <Notice title="This page cannot be annotated">{describeRestriction(target.restriction)}</Notice>;
    case "unreachable":
      return target.webPage ? (
        <Notice title="Claimmark has not read this page yet">
          Reload the page: pages opened before Claimmark was installed or updated are read on their next load.
        </Notice>
      ) : (
        <Notice title="This page cannot be annotated">
          Claimmark works on web pages (http and https). Browser pages, extension stores and PDFs cannot be annotated.
        </Notice>
      );
    case "page":
      switch (target.state.status) {
        case "reading":
          return <Notice title="Reading the page…" />;
        case "failed":
          return <Notice title="Claimmark could not record this page">{target.state.error}</Notice>;
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
}

/** The toolbar popup: the current tab's page as Claimmark sees it, and its annotations to review and edit. */
export function Popup({ db, target, actions = NO_ACTIONS }: PopupProps) {
  return (
    <main class="popup">
      <header class="brand">
        <span>Claimmark</span>
        <button
          type="button"
          class="edit-link brand-library"
          data-testid="open-library"
          onClick={actions.onOpenLibrary}
        >
          Open library
        </button>
      </header>
      <TargetView db={db} target={target} actions={actions} />
    </main>
  );
}
