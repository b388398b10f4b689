import { afterEach, describe, expect, it } from "vitest";
import { detectionId, PURGE_DELETED_AFTER_MS, recordVisit } from "../../lib/db/annotations";
import { updateAnnotation } from "../../lib/db/edit";
import { type ClaimmarkDb, openDb } from "../../lib/db/schema";
import { changeAnnotation, countStored, readSet } from "../../lib/db/store";
import type { DetectedSpan } from "../../lib/model";
import { annotationRecord, MILITANTS, sourceRecord } from "./samples";
import { getAnnotation, getSource, putAnnotations, putSources } from "./stored";

const PAGE = "https://example.com/story";
const quote: DetectedSpan = {
  kind: "quote",
  exact: "This is undoubtedly a very serious problem,",
  prefix: "operating in Afghanistan. ",
  suffix: "” Tasmagambetov stated.",
  start: 200,
  end: 243,
  speaker: "Tasmagambetov",
  cue: "stated",
  figureKind: null,
  value: null,
  unit: null,
  qualifier: null,
  confidence: 0.8,
};
const figure: DetectedSpan = { ...MILITANTS, start: 400, end: 421, confidence: 0.8 };

let db: ClaimmarkDb;
let counter = 0;
afterEach(async () => {
  await db.delete();
});

describe("recordVisit: detections merged into the page's set", () => {
  it("stores detections as automatic annotations with W3C selectors", async () => {
    db = openDb(`merge-${++counter}`);
    expect(await recordVisit(db, PAGE, [quote, figure], [], 1000)).toEqual({ added: 2, kept: 0 });
    const stored = await getAnnotation(db, detectionId(PAGE, figure));
    expect(stored).toMatchObject({
      pageKey: PAGE,
      kind: "figure",
      origin: "auto",
      value: 6500,
      unit: "militants",
      qualifier: "approximately",
      speaker: "Anatoly Sidorov",
      status: "unverified",
      dismissed: false,
      selectors: [
        {
          type: "TextQuoteSelector",
          exact: "about 6,500 militants",
          prefix: "now reaching ",
          suffix: ", with up to 4,000",
        },
        { type: "TextPositionSelector", start: 400, end: 421 },
      ],
    });
  });

  it("merges a second visit without duplicates, keeping the reader's work", async () => {
    db = openDb(`merge-${++counter}`);
    await recordVisit(db, PAGE, [quote, figure], [], 1000);
    const id = detectionId(PAGE, quote);
    await changeAnnotation(db, id, (a) => ({
      ...a,
      status: "disputed",
      tags: ["afghanistan"],
      note: "check STV",
      dismissed: true,
    }));
    // The article moved down the page and the detector now resolves the full name.
    const moved = { ...quote, start: 250, end: 293, speaker: "Imangali Tasmagambetov" };
    expect(await recordVisit(db, PAGE, [moved, figure], [], 2000)).toEqual({ added: 0, kept: 2 });
    expect((await countStored(db)).annotations).toBe(2);
    expect(await getAnnotation(db, id)).toMatchObject({
      status: "disputed",
      tags: ["afghanistan"],
      note: "check STV",
      dismissed: true,
      createdAt: 1000,
      speaker: "Imangali Tasmagambetov",
      selectors: [expect.anything(), { type: "TextPositionSelector", start: 250, end: 293 }],
    });
  });

  it("keeps a speaker or a value the reader corrected, and refreshes the rest of an untouched detection", async () => {
    db = openDb(`merge-${++counter}`);
    await recordVisit(db, PAGE, [quote, figure], [], 1000);
    await updateAnnotation(db, detectionId(PAGE, quote), { speaker: "Imangali Tasmagambetov" }, 1500);
    expect((await getAnnotation(db, detectionId(PAGE, quote)))?.corrected).toEqual(["speaker"]);
    // The next visit's detector reads both differently (a newer version of it, say).
    const requote = { ...quote, speaker: "Someone else", start: 210, end: 253 };
    const refigure = { ...figure, value: 6000, start: 410, end: 431 };
    await recordVisit(db, PAGE, [requote, refigure], [], 2000);
    const corrected = await getAnnotation(db, detectionId(PAGE, quote));
    expect(corrected?.speaker).toBe("Imangali Tasmagambetov");
    expect(corrected?.selectors).toContainEqual({ type: "TextPositionSelector", start: 210, end: 253 });
    expect((await getAnnotation(db, detectionId(PAGE, figure)))?.value).toBe(6000);
  });

  it("keeps the same words in two places apart by their context", async () => {
    db = openDb(`merge-${++counter}`);
    const again = { ...figure, prefix: "the ministry counted ", start: 900, end: 921 };
    await recordVisit(db, PAGE, [figure, again], []);
    expect((await countStored(db)).annotations).toBe(2);
  });

  it("notes how each stored annotation was re-found, in the same write, and ignores ids of other pages", async () => {
    db = openDb(`merge-${++counter}`);
    await recordVisit(db, PAGE, [quote, figure], [], 1000);
    await recordVisit(db, "https://example.com/other", [figure], [], 1000);
    const other = detectionId("https://example.com/other", figure);
    const anchors = [
      { id: detectionId(PAGE, quote), state: "fuzzy" as const, current: "This is undoubtedly a serious problem," },
      { id: detectionId(PAGE, figure), state: "orphan" as const, current: null },
      { id: other, state: "orphan" as const, current: null },
    ];
    expect(await recordVisit(db, PAGE, [], anchors, 3000)).toEqual({ added: 0, kept: 0 });
    expect((await getAnnotation(db, detectionId(PAGE, quote)))?.anchor).toEqual({
      state: "fuzzy",
      current: "This is undoubtedly a serious problem,",
      checkedAt: 3000,
    });
    expect((await getAnnotation(db, detectionId(PAGE, figure)))?.anchor?.state).toBe("orphan");
    expect((await getAnnotation(db, other))?.anchor).toBeUndefined();
  });

  it("removes hand-made annotations deleted over a day ago, with their sources, and keeps deleted detections", async () => {
    db = openDb(`merge-${++counter}`);
    await recordVisit(db, PAGE, [figure], [], 1000);
    const day = PURGE_DELETED_AFTER_MS;
    await putAnnotations(db, [
      annotationRecord({ id: "user-old", pageKey: PAGE, origin: "user", deleted: true, updatedAt: 1000 }),
      annotationRecord({ id: "user-recent", pageKey: PAGE, origin: "user", deleted: true, updatedAt: day }),
      annotationRecord({ id: "user-kept", pageKey: PAGE, origin: "user", updatedAt: 1000 }),
    ]);
    await putSources(db, [sourceRecord({ id: "s-old", annotationId: "user-old" })]);
    await changeAnnotation(db, detectionId(PAGE, figure), (a) => ({ ...a, deleted: true, updatedAt: 1000 }));
    await recordVisit(db, PAGE, [figure], [], day + 2000);
    const left = (await readSet(db, PAGE)).annotations.map((a) => a.id).sort();
    expect(left).toEqual([detectionId(PAGE, figure), "user-kept", "user-recent"].sort());
    expect(await getSource(db, "s-old")).toBeUndefined();
    // The deleted detection is neither removed nor brought back.
    expect(await getAnnotation(db, detectionId(PAGE, figure))).toMatchObject({ deleted: true });
  });
});
