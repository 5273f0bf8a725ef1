/* awesome_papers: a search result as the search page draws it: the paper's title linking its
   page, authors and venue, and an excerpt of its other text with the query's words marked.
   ``index`` is the search index (awesome_papers_index.js), whose tokens and stems the marks
   follow. */
import { element } from "./awesome_papers_dom.js";
import { fold } from "./awesome_papers_query.js";

/* ``text`` around the first word the query matched (or its start), the matches marked. */
function excerpt(index, text, words) {
  var wanted = [];
  words.forEach(function (w) { index.tokens(w).forEach(function (t) { wanted.push(t, index.stem(t)); }); });
  var parts = text.split(/([\p{L}\p{N}]+)/u);
  var hit = function (part) {
    var folded = fold(part);
    return wanted.some(function (w) { return w && folded.startsWith(w); });
  };
  var first = parts.findIndex(hit);
  var from = Math.max(0, first - 12), to = Math.min(parts.length, Math.max(first, 0) + 36);
  var out = element("p", { class: "ap-result-excerpt" });
  if (from > 0) out.appendChild(document.createTextNode("… "));
  parts.slice(from, to).forEach(function (part) {
    out.appendChild(hit(part) ? element("mark", {}, part) : document.createTextNode(part));
  });
  if (to < parts.length) out.appendChild(document.createTextNode(" …"));
  return out;
}

/* Append ``papers`` (from the index: url, title, authors, venue, rest) to the list, in the order the index ranked them. */
export function draw(list, papers, base, index, words) {
  papers.forEach(function (paper) {
    var item = element("li", { class: "ap-result" });
    var id = /(?:^|\/)papers\/([^\/#?]+?)(?:\.html|\/)?(?:[#?]|$)/.exec(paper.url);
    if (id) item.setAttribute("data-paper", id[1]);
    var title = element("p", { class: "ap-result-title" });
    title.appendChild(element("a", { href: new URL(paper.url, base).href, class: "reference internal" }, paper.title));
    item.appendChild(title);
    item.appendChild(element("p", { class: "ap-result-meta" },
      [paper.authors, paper.venue].filter(Boolean).join(" · ")));
    // The snippet comes from below title and authors, which the result shows already; a
    // query of fields only matched no words, and has none.
    if (words.length && paper.rest) item.appendChild(excerpt(index, paper.rest, words));
    list.appendChild(item);
  });
}
