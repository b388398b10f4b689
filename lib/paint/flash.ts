/** The highlight that makes one annotation flash when the popup reveals it. */
export const FLASH_HIGHLIGHT = "claimmark-flash";

/** How long a flash lasts. */
export const FLASH_MS = 1600;
