/* awesome_papers: facets, a query box, sorting and a compact view for card listings, drawn
   over the query core of awesome_papers_query.js. Everything here is an enhancement:
   without JavaScript every card shows. */
import { citeThese } from "./awesome_papers_cite.js";
import { element, revealListings } from "./awesome_papers_dom.js";
import { SORTS, fold, makeQuery } from "./awesome_papers_query.js";
import vocabulary from "./awesome_papers_vocabulary.js";

const query = makeQuery(vocabulary);
const COMPACT_KEY = "awesome-papers-compact";

/* The panel's controls, in place of the container's filter slot (or first): the query box,
   a select per facet, the sort, the compact toggle and the status line. */
function controls(container, id) {
  const panel = element("form", { class: "ap-filter", role: "search", "aria-label": "Filter these papers" });
  panel.addEventListener("submit", (event) => event.preventDefault());
  panel.appendChild(element("label", { for: id + "-q", class: "ap-visually-hidden" }, "Filter papers"));
  const input = element("input", { type: "search", id: id + "-q", name: "q",
    placeholder: 'Filter: words, "a phrase", author:Levine, year:2024' });
  panel.appendChild(input);
  const labelled = (key, text, control) => {
    const wrap = element("span", { class: "ap-facet" });
    wrap.appendChild(element("label", { for: id + "-" + key }, text));
    wrap.appendChild(control);
    panel.appendChild(wrap);
    return control;
  };
  const selects = {};
  query.FACETS.forEach((facet) => {
    selects[facet.key] = labelled(facet.key, facet.label, element("select", { id: id + "-" + facet.key, name: facet.key }));
  });
  const sort = labelled("sort", "Sort", element("select", { id: id + "-sort", name: "sort" }));
  SORTS.forEach((s) => sort.appendChild(element("option", { value: s[0] }, s[1])));
  const compactWrap = element("span", { class: "ap-facet" });
  const compact = element("input", { type: "checkbox", id: id + "-compact", class: "ap-compact-toggle" });
  compactWrap.appendChild(compact);
  compactWrap.appendChild(element("label", { for: id + "-compact" }, "Compact"));
  panel.appendChild(compactWrap);
  const status = element("span", { class: "ap-filter-count", "aria-live": "polite" });
  panel.appendChild(status);
  const slot = container.querySelector(":scope > .ap-filter-slot");
  if (slot) container.replaceChild(panel, slot); else container.insertBefore(panel, container.firstChild);
  return { panel, input, selects, sort, compact, status };
}

/* A facet's select, refilled with the options ``offered`` ([value, name, count]). */
function fill(select, offered, value, shown) {
  select.textContent = "";
  select.appendChild(element("option", { value: "" }, "Any"));
  offered.forEach((option) => select.appendChild(element("option", { value: option[0] }, option[1] + " (" + option[2] + ")")));
  select.value = offered.some((option) => option[0] === value) ? value : "";
  // Nothing to choose: no value, or one that every paper shown has.
  const pointless = !offered.length || (offered.length === 1 && offered[0][2] === shown);
  select.disabled = pointless && !value;
}

/* The compact view, kept between pages where the browser allows. */
function compactView(toggle, container) {
  const set = (on) => { toggle.checked = on; container.classList.toggle("ap-compact", on); };
  toggle.addEventListener("change", () => {
    set(toggle.checked);
    try { window.localStorage.setItem(COMPACT_KEY, toggle.checked ? "1" : "0"); } catch (e) { /* private mode */ }
  });
  try { set(window.localStorage.getItem(COMPACT_KEY) === "1"); } catch (e) { set(false); }
}

/* A panel of query box, facets, sort and compact toggle, drawn at once and enabled once
   ``setPapers(papers)`` ({facets, text, position} each) gives it what to count and filter.
   ``show(visible papers in order, active)`` draws the result, ``active`` being whether the
   query, a facet or the sort narrows or reorders the papers; it may return the status to
   show. ``fail(message)`` says the papers could not be loaded. The state lives in the URL. */
export function facetPanel(container, show, index) {
  const { panel, input, selects, sort, compact, status } = controls(container, "ap-facets-" + index);
  let papers = [], shownIds = [], wanted = {};  // wanted: the URL's facet values, until offered
  const refreshCite = citeThese(panel, () => shownIds);
  const chosen = () => Object.fromEntries(query.FACETS.map((f) => [f.key, f.key in wanted ? wanted[f.key] : selects[f.key].value]));

  function render() {
    const state = chosen();
    wanted = {};
    const result = query.narrow(papers, input.value, state, sort.value);
    query.FACETS.forEach((f) => fill(selects[f.key], result.options[f.key], state[f.key], result.visible.length));
    const active = result.visible.length !== papers.length || sort.value !== "year";
    shownIds = result.visible.map((paper) => paper.id);
    refreshCite();
    status.textContent = show(result.visible, active) || "Showing " + result.visible.length + " of " + papers.length + " papers";
    revealListings();
  }

  function toUrl(push) {
    const here = window.location;
    const url = here.pathname + query.searchFromState(here.search, { q: input.value, sort: sort.value, chosen: chosen() }) + here.hash;
    if (url !== here.pathname + here.search + here.hash) window.history[push ? "pushState" : "replaceState"]({ awesomePapers: true }, "", url);
  }

  function fromUrl() {
    const state = query.stateFromSearch(window.location.search);
    input.value = state.q;
    sort.value = state.sort;
    wanted = state.chosen;
    if (papers.length) render();  // once: the options are made with the wanted ones chosen
  }

  let typing;
  input.addEventListener("input", () => { render(); clearTimeout(typing); typing = setTimeout(() => toUrl(false), 300); });
  [sort, ...Object.values(selects)].forEach((select) => select.addEventListener("change", () => { render(); toUrl(true); }));
  window.addEventListener("popstate", fromUrl);
  compactView(compact, container);
  [input, sort, ...Object.values(selects)].forEach((control) => { control.disabled = true; });
  status.textContent = "Loading the filters…";
  fromUrl();
  return {
    setPapers(all) { papers = all; input.disabled = sort.disabled = false; render(); },
    fail(message) { status.textContent = message; revealListings(); },
  };
}

/* A page of cards: the facets hide and reorder the cards already on the page. A card is
   moved only when the order changes, never re-attached for a filter. */
function setUpListing(list, index) {
  if (list.querySelector(":scope > .ap-pager")) return;  // a long listing: awesome_papers_rows.js
  const cards = Array.from(list.querySelectorAll(":scope > .ap-card"));
  if (cards.length < 2) return;
  const papers = cards.map((card, position) => ({ card, id: card.id, position,
    facets: JSON.parse(card.getAttribute("data-facets") || "{}"), text: fold(card.textContent) }));
  const count = list.querySelector(".ap-count");
  if (count) count.classList.add("ap-hidden");
  let order = papers.slice();
  facetPanel(list, (visible) => {
    const shown = new Set(visible);
    const next = visible.concat(papers.filter((p) => !shown.has(p)));
    papers.forEach((paper) => paper.card.classList.toggle("ap-hidden", !shown.has(paper)));
    if (next.some((paper, i) => paper !== order[i])) {
      next.forEach((paper) => list.appendChild(paper.card));
      order = next;
    }
  }, index).setPapers(papers);
}

export function init() {
  document.querySelectorAll(".ap-cards").forEach(setUpListing);
}
