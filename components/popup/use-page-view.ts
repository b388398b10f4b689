import { useLayoutEffect, useState } from "preact/hooks";
import { type PageView, watchPage } from "../../lib/db/page-watch";
import type { ClaimmarkDb } from "../../lib/db/schema";
import { errorMessage } from "../format";
import type { LiveResult } from "../use-live-query";

/**
 * One page's record and annotations, kept up to date (see `watchPage`): a change re-reads only
 * the chunks it wrote. The watch starts in a layout effect, before the browser paints the
 * component's first render, not after it as an ordinary effect would: the popup's first rows
 * wait for this read.
 */
export function usePageView(db: ClaimmarkDb, pageKey: string): LiveResult<PageView> {
  const [result, setResult] = useState<{ key: string; value: LiveResult<PageView> } | null>(null);
  useLayoutEffect(
    () =>
      watchPage(
        db,
        pageKey,
        (view) => setResult({ key: pageKey, value: { status: "ready", value: view } }),
        (error) => setResult({ key: pageKey, value: { status: "error", error: errorMessage(error) } }),
      ),
    [db, pageKey],
  );
  // A view of the page shown before is not this page's.
  return result?.key === pageKey ? result.value : { status: "loading" };
}
