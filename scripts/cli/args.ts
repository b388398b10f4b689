/** Output formats of `claimmark detect`. */
export type Format = "jsonl" | "json" | "w3c" | "csv" | "md";

/** The parsed command line of `claimmark detect`. */
export interface DetectOptions {
  files: string[];
  mode: "auto" | "text" | "html";
  url: string | null;
  lang: string | null;
  format: Format;
  printText: boolean;
}

export const USAGE = `Usage: claimmark detect [FILE...|-] [--text | --html] [--url URL] [--lang LANG]
                        [--format jsonl|json|w3c|csv|md] [--print-text]
       claimmark convert FILE|- [--format w3c|csv|md|claimreview]

Finds the quotes, reported claims, terms and figures of articles.
  FILE...        HTML pages or article texts; - (or nothing) reads standard input
  --html         input is a web page: the article is extracted with Readability first
                 (the default for .html and .htm files, and for input starting with "<")
  --text         input is the article text itself; offsets point into it
  --url URL      the page's address (for canonical links and relative URLs)
  --lang LANG    the article's language (default: the page's lang attribute, else English)
  --format F     jsonl (default, one detection a line) or json; or the extension's export
                 formats, of the detections as automatic annotations: w3c (W3C Web
                 Annotation JSON-LD), csv or md (see docs/export-format.md)
  --print-text   print the extracted article text instead of detections`;

const FORMATS: readonly Format[] = ["jsonl", "json", "w3c", "csv", "md"];

/** Parses `detect`'s arguments; throws an Error with a message for the user on bad input. */
export function parseDetectArgs(argv: readonly string[]): DetectOptions {
  const options: DetectOptions = { files: [], mode: "auto", url: null, lang: null, format: "jsonl", printText: false };
  const value = (i: number, name: string): string => {
    const next = argv[i + 1];
    if (next === undefined || (next.startsWith("-") && next !== "-")) throw new Error(`${name} needs a value`);
    return next;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [name, inline] = arg.startsWith("--") && arg.includes("=") ? arg.split(/=(.*)/s, 2) : [arg, undefined];
    const take = (): string => {
      if (inline !== undefined) return inline;
      const next = value(i, name as string);
      i++;
      return next;
    };
    switch (name) {
      case "--text":
      case "--html":
        if (options.mode !== "auto" && options.mode !== name.slice(2))
          throw new Error("give --text or --html, not both");
        options.mode = name.slice(2) as "text" | "html";
        break;
      case "--url": {
        const url = take();
        try {
          new URL(url);
        } catch {
          throw new Error(`--url is not a URL: ${url}`);
        }
        options.url = url;
        break;
      }
      case "--lang": {
        const lang = take();
        if (!/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/.test(lang))
          throw new Error(`--lang is not a language tag: ${lang}`);
        options.lang = lang;
        break;
      }
      case "--format": {
        const format = take();
        if (!FORMATS.includes(format as Format)) throw new Error(`--format must be one of ${FORMATS.join(", ")}`);
        options.format = format as Format;
        break;
      }
      case "--print-text":
        options.printText = true;
        break;
      default:
        if (arg !== "-" && arg.startsWith("-")) throw new Error(`unknown option ${arg}`);
        options.files.push(arg);
    }
  }
  return options;
}
