import { defineUnlistedScript } from "wxt/utils/define-unlisted-script";
import { beginStart } from "./popup/early-start";

// popup.html runs this small script as soon as it is parsed, before the popup's modules have
// arrived: the questions the first rows wait for are asked meanwhile (see early-start.ts).
export default defineUnlistedScript(() => beginStart(location.search));
