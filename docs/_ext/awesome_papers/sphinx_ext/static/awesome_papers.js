/* awesome_papers: facets, a query box, sorting and a compact view for card listings, drawn
   over the pure functions of awesome_papers_query.js. Everything here is an enhancement:
   without JavaScript every card shows. */
(function () {
  "use strict";

  var query = window.awesomePapersQuery;
  var FACETS = query.FACETS, fold = query.fold;
  var COMPACT_KEY = "awesome-papers-compact";

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.awesomePapers = { parseQuery: query.parseQuery, matches: query.matches, fold: fold,
    element: element, startsWord: query.startsWord };

  /* A panel of query box, facets, sort and compact toggle, drawn at once and enabled once
     ``setPapers(papers)`` ({facets, text, position} each) gives it what to count and filter.
     ``show(visible papers in order, active)`` draws the result, ``active`` being whether the
     query, a facet or the sort narrows or reorders the papers; it may return the status to
     show. The state lives in the URL (?q=&topic=&venue=&year=&env=&sort=). */
  function facetPanel(container, show, index) {
    var id = "ap-facets-" + index;
    var papers = [];
    var panel = element("form", { class: "ap-filter", role: "search", "aria-label": "Filter these papers" });
    panel.addEventListener("submit", function (event) { event.preventDefault(); });
    panel.appendChild(element("label", { for: id + "-q", class: "ap-visually-hidden" }, "Filter papers"));
    var input = element("input", { type: "search", id: id + "-q", name: "q",
      placeholder: 'Filter: words, "a phrase", author:Levine, year:2024' });
    panel.appendChild(input);
    var selects = {};
    function labelled(key, text, control) {
      var wrap = element("span", { class: "ap-facet" });
      wrap.appendChild(element("label", { for: id + "-" + key }, text));
      wrap.appendChild(control);
      panel.appendChild(wrap);
      return control;
    }
    FACETS.forEach(function (facet) {
      selects[facet.key] = labelled(facet.key, facet.label, element("select", { id: id + "-" + facet.key, name: facet.key }));
    });
    var sort = labelled("sort", "Sort", element("select", { id: id + "-sort", name: "sort" }));
    query.SORTS.forEach(function (s) { sort.appendChild(element("option", { value: s[0] }, s[1])); });
    var compactWrap = element("span", { class: "ap-facet" });
    var compact = element("input", { type: "checkbox", id: id + "-compact", class: "ap-compact-toggle" });
    compactWrap.appendChild(compact);
    compactWrap.appendChild(element("label", { for: id + "-compact" }, "Compact"));
    panel.appendChild(compactWrap);
    var status = element("span", { class: "ap-filter-count", "aria-live": "polite" });
    panel.appendChild(status);
    var slot = container.querySelector(":scope > .ap-filter-slot");
    if (slot) container.replaceChild(panel, slot); else container.insertBefore(panel, container.firstChild);
    var shownIds = [];
    var refreshCite = window.awesomePapersCite.citeThese(panel, function () { return shownIds; });
    var wanted = {};  // the facet values the URL asks for, until their options exist

    function chosen() {
      var state = {};
      FACETS.forEach(function (facet) { state[facet.key] = facet.key in wanted ? wanted[facet.key] : selects[facet.key].value; });
      return state;
    }

    function render() {
      var state = chosen();
      wanted = {};
      var result = query.narrow(papers, input.value, state, sort.value);
      FACETS.forEach(function (facet) {
        var select = selects[facet.key], offered = result.options[facet.key];
        select.textContent = "";
        select.appendChild(element("option", { value: "" }, "Any"));
        offered.forEach(function (option) {
          select.appendChild(element("option", { value: option[0] }, option[1] + " (" + option[2] + ")"));
        });
        var known = offered.some(function (option) { return option[0] === state[facet.key]; });
        select.value = known ? state[facet.key] : "";
        // Nothing to choose: no value, or one that every paper shown has.
        var pointless = !offered.length || (offered.length === 1 && offered[0][2] === result.visible.length);
        select.disabled = pointless && !state[facet.key];
      });
      var visible = result.visible;
      var active = visible.length !== papers.length || sort.value !== "year";
      shownIds = visible.map(function (paper) { return paper.id; });
      refreshCite();
      status.textContent = show(visible, active) || "Showing " + visible.length + " of " + papers.length + " papers";
    }

    function toUrl(push) {
      var state = { q: input.value, sort: sort.value, chosen: chosen() };
      var url = window.location.pathname + query.searchFromState(window.location.search, state) + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history[push ? "pushState" : "replaceState"]({ awesomePapers: true }, "", url);
      }
    }

    function fromUrl() {
      var state = query.stateFromSearch(window.location.search);
      input.value = state.q;
      sort.value = state.sort;
      wanted = state.chosen;
      if (papers.length) render();  // once: the options are made with the wanted ones chosen
    }

    var typing;
    input.addEventListener("input", function () {
      render();
      clearTimeout(typing);
      typing = setTimeout(function () { toUrl(false); }, 300);
    });
    FACETS.forEach(function (facet) {
      selects[facet.key].addEventListener("change", function () { render(); toUrl(true); });
    });
    sort.addEventListener("change", function () { render(); toUrl(true); });
    window.addEventListener("popstate", fromUrl);

    function setCompact(on) {
      compact.checked = on;
      container.classList.toggle("ap-compact", on);
    }
    compact.addEventListener("change", function () {
      setCompact(compact.checked);
      try { window.localStorage.setItem(COMPACT_KEY, compact.checked ? "1" : "0"); } catch (e) { /* private mode */ }
    });
    try { setCompact(window.localStorage.getItem(COMPACT_KEY) === "1"); } catch (e) { setCompact(false); }
    var controls = [input, sort].concat(FACETS.map(function (f) { return selects[f.key]; }));
    controls.forEach(function (control) { control.disabled = true; });
    status.textContent = "Loading the filters…";
    fromUrl();
    return {
      setPapers: function (all) {
        papers = all;
        input.disabled = sort.disabled = false;
        render();
      }
    };
  }

  /* A page of cards: the facets hide and reorder the cards already on the page. A card is
     moved only when the order changes, never re-attached for a filter. */
  function setUpListing(list, index) {
    if (list.querySelector(":scope > .ap-pager")) return;  // a long listing: awesome_papers_rows.js
    var cards = Array.prototype.slice.call(list.querySelectorAll(":scope > .ap-card"));
    if (cards.length < 2) return;
    var papers = cards.map(function (card, position) {
      var facets = JSON.parse(card.getAttribute("data-facets") || "{}");
      return { card: card, id: card.id, facets: facets, text: fold(card.textContent), position: position };
    });
    var count = list.querySelector(".ap-count");
    if (count) count.classList.add("ap-hidden");
    var order = papers.slice();
    facetPanel(list, function (visible) {
      var shown = new Set(visible);
      var next = visible.concat(papers.filter(function (p) { return !shown.has(p); }));
      papers.forEach(function (paper) { paper.card.classList.toggle("ap-hidden", !shown.has(paper)); });
      if (next.some(function (paper, i) { return paper !== order[i]; })) {
        next.forEach(function (paper) { list.appendChild(paper.card); });
        order = next;
      }
    }, index).setPapers(papers);
  }

  window.awesomePapers.facetPanel = facetPanel;

  function init() {
    document.querySelectorAll(".ap-cards").forEach(setUpListing);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
