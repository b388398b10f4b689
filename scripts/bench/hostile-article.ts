/**
 * A hostile page's "article": as long as the page likes, dense with what costs a detector most
 * (quotes with speakers and cues, figures with units and qualifiers, names), for the benches and
 * the end-to-end tests of what one tab can make the background do.
 */

const NAMES = ["Jane Okafor", "Piotr Lewandowski", "Amina Haddad", "Carlos Mendes", "Li Wei", "Sofia Rossi"];

/** One paragraph of about 400 characters, varied by `i` so no two are the same. */
export function hostileParagraph(i: number): string {
  const name = NAMES[i % NAMES.length];
  return (
    `“We counted ${1000 + i} cases in ${1990 + (i % 30)} and about ${i % 97}% more since,” said ${name}, ` +
    `the ${i % 40}th district's chief, adding that up to ${(i % 50) + 2},000 homes lost power for ${(i % 9) + 2} days. ` +
    `According to the ministry, ${i + 7} million euros were spent, and officials said that “the ${i}th report” ` +
    `would follow within ${(i % 12) + 1} weeks.`
  );
}

/** An HTML page whose article text is about `chars` characters of hostile paragraphs. */
export function hostileArticleHtml(chars: number, title = "A very long story"): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const paragraph = hostileParagraph(i);
    paragraphs.push(`<p>${paragraph}</p>`);
    length += paragraph.length + 2;
  }
  return (
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>` +
    `<body><article><h1>${title}</h1>${paragraphs.join("\n")}</article></body></html>`
  );
}
