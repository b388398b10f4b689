/** A span of the text: end-exclusive offsets. */
export interface Span {
  start: number;
  end: number;
}

// A blank line: a newline, optional spaces, another newline, and whatever white space follows.
const BLANK_LINE = /\n[ \t\r]*\n\s*/g;

/** Paragraph blocks of a text split on blank lines, for callers that have only the text. */
export function splitOnBlankLines(text: string): Span[] {
  const blocks: Span[] = [];
  let start = 0;
  BLANK_LINE.lastIndex = 0;
  for (let match = BLANK_LINE.exec(text); match; match = BLANK_LINE.exec(text)) {
    if (match.index > start) blocks.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  if (start < text.length) blocks.push({ start, end: text.length });
  return blocks;
}
