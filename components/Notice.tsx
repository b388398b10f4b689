import type { ComponentChildren } from "preact";

/** A plain message in place of the page summary: why there is nothing to show. */
export function Notice({ title, children }: { title: string; children?: ComponentChildren }) {
  return (
    <section class="notice" role="status" data-testid="notice">
      <h1 class="notice-title">{title}</h1>
      {children && <p class="notice-body">{children}</p>}
    </section>
  );
}
