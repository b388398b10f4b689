import { browser } from "wxt/browser";
import { defineBackground } from "wxt/utils/define-background";
import { openDb } from "../lib/db/schema";
import { handleBackgroundMessage } from "../lib/handle-message";

export default defineBackground(() => {
  const db = openDb();
  browser.runtime.onMessage.addListener((message, sender, sendResponse) => {
    handleBackgroundMessage(db, message, sender, browser.runtime.id).then(sendResponse);
    return true; // the response is sent asynchronously
  });
});
