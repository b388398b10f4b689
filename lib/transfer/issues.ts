import type { z } from "zod/v4";

/** A path into a file as a reader would write it: `first.items[3].target.selector`. */
export function pathText(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else if (typeof part === "string" && /^[A-Za-z_$@][\w$:@]*$/u.test(part)) text += text ? `.${part}` : part;
    else text += `[${JSON.stringify(String(part))}]`;
  }
  return text;
}

const WORDS: Record<string, string> = {
  array: "an array",
  object: "an object",
  string: "text",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  null: "null",
};

const word = (type: string): string => WORDS[type] ?? type;

/** What a value is, in the words of the messages. */
function kindOf(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

function issueText(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined
        ? `missing (expected ${word(issue.expected)})`
        : `expected ${word(issue.expected)}, got ${word(kindOf(issue.input))}`;
    case "invalid_value":
      return `expected ${issue.values.map((v) => JSON.stringify(v)).join(" or ")}`;
    case "invalid_union":
      return "note" in issue ? "an unknown type" : "matches none of the accepted shapes";
    default:
      return issue.message.charAt(0).toLowerCase() + issue.message.slice(1);
  }
}

/** What is wrong and where, from a zod error: `first.items[3].target.selector: expected an array`. */
export function describeError(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return "invalid";
  const where = pathText(issue.path);
  const more = error.issues.length > 1 ? ` (and ${error.issues.length - 1} more)` : "";
  return `${where ? `${where}: ` : ""}${issueText(issue)}${more}`;
}
