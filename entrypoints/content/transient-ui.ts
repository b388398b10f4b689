import type { ContentScriptContext } from "wxt/utils/content-script-context";
import { createShadowRootUi, type ShadowRootContentScriptUi } from "wxt/utils/content-script-ui/shadow-root";

/**
 * A small piece of our UI in a shadow root that exists only while shown (the selection bar, a
 * notice): one at a time, a newer `show` winning over one still being created, gone when hidden
 * or when the extension goes away, so the page's DOM is otherwise left as it was.
 */
export function transientUi(ctx: ContentScriptContext, name: string, css: string) {
  let ui: ShadowRootContentScriptUi<HTMLElement> | null = null;
  let ticket = 0;
  const hide = () => {
    ticket++;
    ui?.remove();
    ui = null;
  };
  ctx.onInvalidated(hide);
  return {
    /** Replaces what is shown with the element `build` makes; false when a newer `show` or `hide` came first. */
    async show(build: () => HTMLElement): Promise<boolean> {
      hide();
      const mine = ticket;
      const created = await createShadowRootUi(ctx, {
        name,
        position: "inline",
        anchor: "body",
        append: "last",
        css,
        onMount(container) {
          const element = build();
          container.append(element);
          return element;
        },
      });
      if (mine !== ticket) return false;
      ui = created;
      ui.mount();
      return true;
    },
    hide,
  };
}
