import type { Source } from "../../lib/model";

/** The source the benches give an annotation (a third of them have one), shaped as the extension stores it. */
export function sampleSource(annotationId: string, id: string, time: number): Source {
  return {
    id,
    annotationId,
    url: "https://un.example/report",
    title: "UN Monitoring Team report",
    publisher: "United Nations",
    accessedAt: "2025-03-01",
    note: "",
    quote: "",
    createdAt: time,
    updatedAt: time,
  };
}
