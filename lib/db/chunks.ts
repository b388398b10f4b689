import type { Annotation, Source } from "../model";
import type { AnnotationChunk } from "./schema";

/**
 * A page's annotations are stored in chunks of at most `CHUNK_SIZE`, each with its annotations'
 * sources. IndexedDB writes a record whole (a page of 1,000 annotations in one 755 KB record took
 * 20 ms to put), so a change to one annotation rewrites only its chunk; and a record costs about
 * 90 µs to put whatever its size, so chunks much smaller than this only add records.
 */
export const CHUNK_SIZE = 64;

/** Where each annotation and source of a page is stored, and as which object it was read or written. */
export interface Layout {
  annotations: Map<string, { chunk: number; stored: Annotation }>;
  sources: Map<string, { chunk: number; stored: Source }>;
}

/** A chunk record, its index fields worked out from its lists. */
export function chunkRecord(
  pageKey: string,
  chunk: number,
  annotations: Annotation[],
  sources: Source[],
): AnnotationChunk {
  const tags = new Set<string>();
  for (const annotation of annotations) if (!annotation.deleted) for (const tag of annotation.tags) tags.add(tag);
  return {
    pageKey,
    chunk,
    annotations,
    sources,
    ids: annotations.map((annotation) => annotation.id),
    sourceIds: sources.map((source) => source.id),
    tags: [...tags],
  };
}

/** The layout of a page's stored chunks. */
export function layoutOf(chunks: readonly AnnotationChunk[]): Layout {
  const layout: Layout = { annotations: new Map(), sources: new Map() };
  for (const { chunk, annotations, sources } of chunks) {
    for (const stored of annotations) layout.annotations.set(stored.id, { chunk, stored });
    for (const stored of sources) layout.sources.set(stored.id, { chunk, stored });
  }
  return layout;
}

/** What to write for a page: chunks to put whole, chunk numbers to delete, and the layout after. */
export interface ChunkPlan {
  put: AnnotationChunk[];
  deleted: number[];
  layout: Layout;
}

/**
 * The writes that take a page from `layout` to these lists. A chunk is rewritten only when one of
 * its members was added, removed or replaced (`same` says whether a member is unchanged: object
 * identity for lists read through the store). Annotations keep their chunk; new ones go to the
 * last chunk while it has room, then to new chunks; a source goes with its annotation (one whose
 * annotation is not in the lists stays where it was, or goes to the last chunk).
 */
export function planChunks(
  pageKey: string,
  layout: Layout,
  annotations: readonly Annotation[],
  sources: readonly Source[],
  same: (stored: object, current: object) => boolean = Object.is,
): ChunkPlan {
  const members = new Map<number, { annotations: Annotation[]; sources: Source[] }>();
  const bucket = (chunk: number) => {
    const found = members.get(chunk) ?? { annotations: [], sources: [] };
    members.set(chunk, found);
    return found;
  };
  const dirty = new Set<number>();
  const chunkOf = new Map<string, number>();
  const fresh: Annotation[] = [];
  for (const annotation of annotations) {
    const was = layout.annotations.get(annotation.id);
    if (!was) {
      fresh.push(annotation);
      continue;
    }
    if (!same(was.stored, annotation)) dirty.add(was.chunk);
    bucket(was.chunk).annotations.push(annotation);
    chunkOf.set(annotation.id, was.chunk);
  }
  for (const [id, was] of layout.annotations) if (!chunkOf.has(id)) dirty.add(was.chunk);
  // Chunk numbers only grow: the last chunk is the newest, so a page's order is kept.
  let last = -1;
  for (const { chunk } of layout.annotations.values()) last = Math.max(last, chunk);
  for (const { chunk } of layout.sources.values()) last = Math.max(last, chunk);
  if (last >= 0 && (members.get(last)?.annotations.length ?? 0) >= CHUNK_SIZE) last++;
  for (const annotation of fresh) {
    if (last < 0) last = 0;
    if (bucket(last).annotations.length >= CHUNK_SIZE) last++;
    bucket(last).annotations.push(annotation);
    chunkOf.set(annotation.id, last);
    dirty.add(last);
  }
  const placed = new Set<string>();
  for (const source of sources) {
    const was = layout.sources.get(source.id);
    const chunk = chunkOf.get(source.annotationId) ?? was?.chunk ?? Math.max(last, 0);
    if (!was || was.chunk !== chunk || !same(was.stored, source)) {
      dirty.add(chunk);
      if (was) dirty.add(was.chunk);
    }
    bucket(chunk).sources.push(source);
    placed.add(source.id);
  }
  for (const [id, was] of layout.sources) if (!placed.has(id)) dirty.add(was.chunk);

  const put: AnnotationChunk[] = [];
  const deleted: number[] = [];
  for (const chunk of [...dirty].sort((a, b) => a - b)) {
    const found = members.get(chunk);
    if (found && (found.annotations.length > 0 || found.sources.length > 0))
      put.push(chunkRecord(pageKey, chunk, found.annotations, found.sources));
    else deleted.push(chunk);
  }
  const after: Layout = { annotations: new Map(), sources: new Map() };
  for (const [chunk, found] of members) {
    for (const stored of found.annotations) after.annotations.set(stored.id, { chunk, stored });
    for (const stored of found.sources) after.sources.set(stored.id, { chunk, stored });
  }
  return { put, deleted, layout: after };
}

/** A page's lists split into chunks, as a first write stores them. */
export function chunksOf(
  pageKey: string,
  annotations: readonly Annotation[],
  sources: readonly Source[],
): AnnotationChunk[] {
  return planChunks(pageKey, { annotations: new Map(), sources: new Map() }, annotations, sources).put;
}
