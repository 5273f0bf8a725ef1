/* awesome_papers: on the search page, papers first. The query (?q=) goes to the paper index
   (awesome_papers_index.js) with the list's query language: words (the last one as a prefix),
   "phrases", and author:, venue:, year:, topic:, env:, keyword: fields, also offered as
   facets. Sphinx's own results for the site's pages follow below. */
import { citeThese } from "./awesome_papers_cite.js";
import { element, getJson } from "./awesome_papers_dom.js";
import { SearchIndex } from "./awesome_papers_index.js";
import { draw } from "./awesome_papers_results.js";
import { fold, makeQuery, startsWord } from "./awesome_papers_query.js";
import { corrected, nearNames } from "./awesome_papers_suggest.js";
import vocabulary from "./awesome_papers_vocabulary.js";

/* The listings' query language and facets, from the build's vocabulary. */
var core = makeQuery(vocabulary);
var FACETS = core.FACETS;
/* Papers drawn at a time; fewer than FEW found also offers what the list has near. */
var PAGE = 20, FEW = 3;

/* An author: query also offers the pages of the authors it names (authors/index.json). */
var authorPages = null;
function showAuthors(holder, base, wanted) {
  holder.hidden = true;
  if (!wanted.length) return;
  authorPages = authorPages || getJson(new URL("authors/index.json", base), "authors/index.json");
  authorPages.then(function (rows) {
    var found = rows.filter(function (row) {
      return wanted.every(function (w) { return startsWord(fold(row[0]), w); });
    }).slice(0, 10);
    holder.textContent = "";
    if (!found.length) return;
    holder.appendChild(document.createTextNode(found.length === 1 ? "Author page: " : "Author pages: "));
    found.forEach(function (row, i) {
      if (i) holder.appendChild(document.createTextNode(", "));
      holder.appendChild(element("a", { href: new URL(row[1], base).href, class: "reference internal" }, row[0]));
    });
    holder.hidden = false;
  }, function () { authorPages = null; });
}

var latest = 0;

/* Draw the next page of ``state``'s results: PAGE papers, or fewer at the end. The index
   matches the words; a phrase must also stand as written, so a query with one is checked
   batch by batch, and its count is known only at its end. The first result is drawn as
   soon as its text is in. Papers checked beyond a page wait in ``held``. */
async function more(state) {
  var room = PAGE;
  var waiting = state.held.splice(0, room);
  draw(state.list, waiting, state.base, state.index, state.words);
  room -= waiting.length;
  var batches = state.start ? [PAGE] : [1, 4, PAGE - 5];
  for (var step = 0; room > 0 && state.start < state.numbers.length; step += 1) {
    var size = batches[step] || PAGE;
    var papers = await state.index.papers(state.numbers.slice(state.start, state.start + size));
    if (state.mine !== latest) return false;
    state.start += size;
    papers = papers.filter(function (paper) {
      var text = fold(paper.text);
      return state.phrases.every(function (p) { return text.indexOf(p) !== -1; });
    });
    draw(state.list, papers.slice(0, room), state.base, state.index, state.words);
    state.held = state.held.concat(papers.slice(room));
    room -= Math.min(room, papers.length);
  }
  return true;
}

/* The count, and the button that shows more, as what the reader can reach. */
function tell(state) {
  var shown = state.list.children.length;
  var end = state.start >= state.numbers.length && !state.held.length;
  var total = state.phrases.length ? (end ? shown : null) : state.numbers.length;
  var plural = function (n) { return n + " paper" + (n === 1 ? "" : "s"); };
  state.status.textContent = (total === null ? "At least " + plural(shown) : plural(total)) +
    (state.unknown.length ? " (nothing matches " + state.unknown.join(", ") + ")" : "");
  state.button.hidden = end;
  state.button.textContent = total === null ? "Show more" :
    "Show " + Math.min(PAGE, total - shown) + " more (" + shown + " of " + total + " shown)";
}

/* What the list has near a query that found nothing or few papers: its topics,
   environments, keywords and venues, and the spelling the query may have meant. */
async function offer(holder, index, base, query, found) {
  holder.textContent = "";
  holder.hidden = true;
  if (found.numbers.length >= FEW || !query.trim()) return;
  var help;
  try {
    help = await index.suggestions();
  } catch (error) {
    return;  // an aid, not the answer: the count and results stand without it
  }
  var names = nearNames(query, help.names, index.tokens, index.stem);
  var spelled = corrected(query, found.missing, help.words);
  if (!names.length && !spelled) return;
  if (spelled) {
    var line = element("p", { class: "ap-spelling" }, "Did you mean ");
    var url = new URL(window.location.href);
    url.searchParams.set("q", spelled);
    line.appendChild(element("a", { href: url.href, class: "reference internal" }, spelled));
    line.appendChild(document.createTextNode("?"));
    holder.appendChild(line);
  }
  if (names.length) {
    holder.appendChild(element("p", {}, found.numbers.length ? "See also, in this list:" :
      "No paper matches all of it. Near it, in this list:"));
    var list = element("ul", {});
    names.forEach(function (entry) {
      var item = element("li", {}, entry[0] + ": ");
      item.appendChild(element("a", { href: new URL(entry[2], base).href, class: "reference internal" }, entry[1]));
      list.appendChild(item);
    });
    holder.appendChild(list);
  }
  holder.hidden = false;
}

async function run(section, index, base, query, chosen) {
  var mine = ++latest;  // a newer run (another facet chosen) makes this one stop drawing
  var parsed = core.parseQuery(query);
  // title: has no field of its own: its words are searched, and titles weigh most.
  parsed.words = parsed.words.concat(parsed.fields.filter(function (f) { return f[0] === "title"; })
    .map(function (f) { return f[1]; }));
  parsed.fields = parsed.fields.filter(function (f) { return f[0] !== "title"; });
  var list = section.querySelector(".ap-results");
  var button = section.querySelector(".ap-more");
  var offered = section.querySelector(".ap-suggest");
  showAuthors(section.querySelector(".ap-author-pages"), base,
    parsed.fields.filter(function (f) { return f[0] === "author"; }).map(function (f) { return f[1]; }));
  var status = section.querySelector(".ap-search-count");
  var picked = Object.keys(chosen).some(function (k) { return chosen[k]; });
  if (!parsed.words.length && !parsed.phrases.length && !parsed.fields.length && !picked) {
    list.textContent = "";
    button.hidden = true;
    offered.hidden = true;
    status.textContent = "Type a query to find papers.";
    return;
  }
  var found = await index.search(parsed, chosen);
  if (mine !== latest) return;
  list.textContent = "";
  var state = {
    mine: mine, index: index, base: base, list: list, status: status, button: button,
    numbers: found.numbers, unknown: found.unknown, start: 0, held: [],
    phrases: parsed.phrases, words: parsed.words.concat(parsed.phrases),
  };
  section.ap_state = state;
  if (!(await more(state))) return;
  // Facet counts need the facet index, which loads after the first results are on screen.
  var counts = await index.counts(found.numbers);
  if (mine !== latest) return;
  FACETS.forEach(function (facet) {
    var select = section.querySelector("select[name=" + facet.key + "]");
    var values = counts[facet.key] || {};
    var current = chosen[facet.key] || "";
    select.textContent = "";
    select.appendChild(element("option", { value: "" }, "Any"));
    Object.keys(values).filter(function (v) { return values[v] || v === current; })
      .sort(function (a, b) { return facet.order === "newest" ? Number(b) - Number(a) : a.localeCompare(b); })
      .forEach(function (value) {
        var option = element("option", { value: value }, value + " (" + values[value] + ")");
        if (value === current) option.selected = true;
        select.appendChild(option);
      });
  });
  await offer(offered, index, base, query, found);
  if (mine !== latest) return;
  // Said last: a reader (or a test) waiting for the count finds the facets filled too.
  tell(state);
}

/* A run whose failure (a file of the index that did not load) is said where the count goes. */
function shown(section, ...args) {
  return run(section, ...args).catch(function (error) {
    section.querySelector(".ap-search-count").textContent = "The papers could not be loaded (" + error.message + ").";
  });
}

/* The facet selects and the count beside them; a choice is kept in ``chosen`` and in the
   address (so that Back undoes it), then ``changed`` runs the search again. */
function facetForm(chosen, changed) {
  var form = element("form", { class: "ap-filter", "aria-label": "Narrow the papers" });
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  FACETS.forEach(function (facet) {
    var wrap = element("span", { class: "ap-facet" });
    wrap.appendChild(element("label", { for: "ap-search-" + facet.key }, facet.label));
    var select = element("select", { id: "ap-search-" + facet.key, name: facet.key });
    select.addEventListener("change", function () {
      chosen[facet.key] = select.value;
      var next = new URLSearchParams(window.location.search);
      if (select.value) next.set(facet.key, select.value); else next.delete(facet.key);
      window.history.pushState({}, "", window.location.pathname + "?" + next.toString());
      changed();
    });
    wrap.appendChild(select);
    form.appendChild(wrap);
  });
  form.appendChild(element("span", { class: "ap-search-count", "aria-live": "polite" }));
  return form;
}

/* "Show more": the next results of the section's latest run. */
function moreButton(section) {
  var button = element("button", { type: "button", class: "ap-more", hidden: "" }, "Show more");
  button.addEventListener("click", async function () {
    var state = section.ap_state;
    if (!state) return;
    button.disabled = true;
    if (await more(state)) tell(state);
    button.disabled = false;
  });
  return button;
}

async function init() {
  var anchor = document.getElementById("search-results");
  if (!anchor) return;
  performance.mark("ap-search-start");
  var root = document.documentElement.getAttribute("data-content_root") || "";
  var base = new URL(root, window.location.href);
  var index = new SearchIndex(base);
  var params = new URLSearchParams(window.location.search);
  var section = element("section", { class: "ap-search ap-pending", "aria-labelledby": "ap-search-title" });
  section.appendChild(element("h2", { id: "ap-search-title" }, "Papers"));
  // The facet values in the address, read as listings read theirs.
  var chosen = core.stateFromSearch(window.location.search).chosen;
  section.appendChild(facetForm(chosen, function () {
    shown(section, index, base, params.get("q") || "", chosen);
  }));
  section.appendChild(element("p", { class: "ap-author-pages", hidden: "" }));
  section.appendChild(element("div", { class: "ap-suggest", hidden: "" }));
  var results = element("ol", { class: "ap-results" });
  section.appendChild(results);
  section.appendChild(moreButton(section));
  section.appendChild(element("h2", {}, "Pages"));
  // In place at once, its parts unseen and Sphinx's results below it out of the layout
  // until the papers are drawn, so that nothing on screen moves as they arrive (CLS).
  anchor.parentNode.insertBefore(section, anchor);
  anchor.classList.add("ap-hidden");
  try {
    await index.ready;
  } catch (error) {
    section.remove();  // no paper index on this site: Sphinx's results stand alone
    anchor.classList.remove("ap-hidden");
    return;
  }
  // "BibTeX of these papers": the results on screen, read when the box is opened.
  citeThese(results, function () {
    return Array.prototype.map.call(results.querySelectorAll("[data-paper]"), function (item) {
      return item.getAttribute("data-paper");
    });
  });
  window.addEventListener("popstate", function () {
    var now = new URLSearchParams(window.location.search);
    FACETS.forEach(function (facet) { chosen[facet.key] = now.get(facet.key) || ""; });
    shown(section, index, base, now.get("q") || "", chosen);
  });
  try {
    await shown(section, index, base, params.get("q") || "", chosen);
  } finally {
    anchor.classList.remove("ap-hidden");
    section.classList.remove("ap-pending");
  }
}

init();
