/* awesome_papers: facets, a query box, sorting and a compact view for card listings, and copy
   buttons for BibTeX. Everything here is an enhancement: without JavaScript every card shows. */
(function () {
  "use strict";

  /* ---- The query language, shared with the search page (window.awesomePapers). ----
     Words match anywhere; "quoted phrases" match as written; field:value (or field:"a b")
     narrows by author, venue, year, topic, env, keyword or title. */
  var FIELDS = { author: "author", authors: "author", venue: "venue", year: "year",
    topic: "topic", env: "env", environment: "env", keyword: "keyword", kw: "keyword",
    title: "title" };

  function fold(text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/\s+/g, " ");
  }

  function parseQuery(query) {
    var parsed = { words: [], phrases: [], fields: [] };
    var pattern = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"?|(\S+)/g;
    var match;
    while ((match = pattern.exec(query)) !== null) {
      var name = match[1] || match[3];
      var value = match[2] !== undefined ? match[2] : match[4];
      if (name && FIELDS[name.toLowerCase()]) {
        if (value.trim()) parsed.fields.push([FIELDS[name.toLowerCase()], fold(value.trim())]);
      } else if (name) {
        parsed.words.push(fold(name + ":" + value));
      } else if (match[5] !== undefined) {
        if (match[5].trim()) parsed.phrases.push(fold(match[5].trim()));
      } else {
        parsed.words.push(fold(match[6]));
      }
    }
    return parsed;
  }

  function startsWord(haystack, needle) {
    var at = haystack.indexOf(needle);
    while (at !== -1) {
      if (at === 0 || !/[a-z0-9]/.test(haystack.charAt(at - 1))) return true;
      at = haystack.indexOf(needle, at + 1);
    }
    return false;
  }

  function fieldMatches(facets, field, value) {
    var any = function (values) {
      return values.some(function (v) { return startsWord(fold(v), value); });
    };
    if (field === "author") return any(facets.authors || []);
    if (field === "venue") return startsWord(fold(facets.venue || ""), value);
    if (field === "year") return String(facets.year || "") === value;
    if (field === "topic") {
      return (facets.topics || []).some(function (t) { return fold(t[0]) === value || startsWord(fold(t[1]), value); });
    }
    if (field === "env") {
      return (facets.envs || []).some(function (e) { return fold(e[0]) === value || startsWord(fold(e[1]), value); });
    }
    if (field === "keyword") return any(facets.keywords || []);
    if (field === "title") return startsWord(fold(facets.title + " " + (facets.short || "")), value);
    return false;
  }

  function matches(parsed, facets, text) {
    return parsed.words.every(function (w) { return text.indexOf(w) !== -1; }) &&
      parsed.phrases.every(function (p) { return startsWord(text, p); }) &&
      parsed.fields.every(function (f) { return fieldMatches(facets, f[0], f[1]); });
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  window.awesomePapers = { parseQuery: parseQuery, matches: matches, fold: fold, element: element,
    startsWord: startsWord };

  /* ---- Facets on a listing page. ---- */
  var FACETS = [
    { key: "topic", label: "Topic", values: function (f) { return f.topics || []; } },
    { key: "venue", label: "Venue", values: function (f) { return f.venue ? [[f.venue, f.venue]] : []; } },
    { key: "year", label: "Year", values: function (f) { return f.year ? [[String(f.year), String(f.year)]] : []; } },
    { key: "env", label: "Environment", values: function (f) { return f.envs || []; } }
  ];
  var SORTS = [["year", "Newest first"], ["title", "Title A–Z"], ["added", "Recently added"]];
  var COMPACT_KEY = "awesome-papers-compact";

  /* A panel of query box, facets, sort and compact toggle over ``papers`` ({facets, text,
     position}); ``show(visible papers in order, how many in all)`` draws the result. The state
     lives in the URL (?q=&topic=&venue=&year=&env=&sort=), so a view can be shared. */
  function facetPanel(container, papers, show, index) {
    var id = "ap-facets-" + index;
    var panel = element("form", { class: "ap-filter", role: "search", "aria-label": "Filter these papers" });
    panel.addEventListener("submit", function (event) { event.preventDefault(); });
    panel.appendChild(element("label", { for: id + "-q", class: "ap-visually-hidden" }, "Filter papers"));
    var input = element("input", { type: "search", id: id + "-q", name: "q",
      placeholder: 'Filter: words, "a phrase", author:Levine, year:2024' });
    panel.appendChild(input);
    var selects = {};
    FACETS.forEach(function (facet) {
      var wrap = element("span", { class: "ap-facet" });
      wrap.appendChild(element("label", { for: id + "-" + facet.key }, facet.label));
      var select = element("select", { id: id + "-" + facet.key, name: facet.key });
      selects[facet.key] = select;
      wrap.appendChild(select);
      panel.appendChild(wrap);
    });
    var sortWrap = element("span", { class: "ap-facet" });
    sortWrap.appendChild(element("label", { for: id + "-sort" }, "Sort"));
    var sort = element("select", { id: id + "-sort", name: "sort" });
    SORTS.forEach(function (s) { sort.appendChild(element("option", { value: s[0] }, s[1])); });
    sortWrap.appendChild(sort);
    panel.appendChild(sortWrap);
    var compactWrap = element("span", { class: "ap-facet" });
    var compact = element("input", { type: "checkbox", id: id + "-compact", class: "ap-compact-toggle" });
    compactWrap.appendChild(compact);
    compactWrap.appendChild(element("label", { for: id + "-compact" }, "Compact"));
    panel.appendChild(compactWrap);
    var status = element("span", { class: "ap-filter-count", "aria-live": "polite" });
    panel.appendChild(status);
    container.insertBefore(panel, container.firstChild);
    var shownIds = [];
    var refreshCite = window.awesomePapersCite.citeThese(panel, function () { return shownIds; });

    function chosen() {
      var state = {};
      FACETS.forEach(function (facet) { state[facet.key] = selects[facet.key].value; });
      return state;
    }

    function hasValue(paper, facet, value) {
      return !value || facet.values(paper.facets).some(function (v) { return v[0] === value; });
    }

    function render() {
      var parsed = parseQuery(input.value);
      var state = chosen();
      var textual = papers.map(function (p) { return matches(parsed, p.facets, p.text); });
      var visible = papers.filter(function (paper, i) {
        return textual[i] && FACETS.every(function (f) { return hasValue(paper, f, state[f.key]); });
      });
      // Each facet counts what the query and the *other* facets leave, as faceted search does.
      FACETS.forEach(function (facet) {
        var counts = {};
        var names = {};
        papers.forEach(function (paper, i) {
          var others = FACETS.every(function (f) { return f === facet || hasValue(paper, f, state[f.key]); });
          facet.values(paper.facets).forEach(function (v) {
            names[v[0]] = v[1];
            if (textual[i] && others) counts[v[0]] = (counts[v[0]] || 0) + 1;
          });
        });
        var select = selects[facet.key];
        var current = state[facet.key];
        var keys = Object.keys(names).sort(function (a, b) {
          return facet.key === "year" ? Number(b) - Number(a) : names[a].localeCompare(names[b]);
        });
        select.textContent = "";
        select.appendChild(element("option", { value: "" }, "Any"));
        keys.forEach(function (key) {
          var option = element("option", { value: key }, names[key] + " (" + (counts[key] || 0) + ")");
          if (key === current) option.selected = true;
          select.appendChild(option);
        });
        select.disabled = keys.length < 2 && !current;
      });
      visible.sort(function (a, b) {
        if (sort.value === "title") return a.facets.title.localeCompare(b.facets.title);
        if (sort.value === "added") return (b.facets.added || "").localeCompare(a.facets.added || "") || a.position - b.position;
        return a.position - b.position;
      });
      status.textContent = "Showing " + visible.length + " of " + papers.length + " papers";
      shownIds = visible.map(function (paper) { return paper.id; });
      refreshCite();
      show(visible);
    }

    function toUrl(push) {
      var params = new URLSearchParams(window.location.search);
      var state = chosen();
      state.q = input.value;
      state.sort = sort.value === "year" ? "" : sort.value;
      Object.keys(state).forEach(function (key) {
        if (state[key]) params.set(key, state[key]); else params.delete(key);
      });
      var search = params.toString();
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      if (url !== window.location.pathname + window.location.search + window.location.hash) {
        window.history[push ? "pushState" : "replaceState"]({ awesomePapers: true }, "", url);
      }
    }

    function fromUrl() {
      var params = new URLSearchParams(window.location.search);
      input.value = params.get("q") || "";
      sort.value = params.get("sort") || "year";
      render();  // fill the options first, then choose among them
      FACETS.forEach(function (facet) { selects[facet.key].value = params.get(facet.key) || ""; });
      render();
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
    fromUrl();
  }

  /* A page of cards: the facets hide and reorder the cards already on the page. */
  function setUpListing(list, index) {
    var cards = Array.prototype.slice.call(list.querySelectorAll(":scope > .ap-card"));
    if (cards.length < 2) return;
    var papers = cards.map(function (card, position) {
      var facets = JSON.parse(card.getAttribute("data-facets") || "{}");
      return { card: card, id: card.id, facets: facets, text: fold(card.textContent), position: position };
    });
    var count = list.querySelector(".ap-count");
    if (count) count.classList.add("ap-hidden");
    facetPanel(list, papers, function (visible) {
      var shown = new Set(visible);
      papers.forEach(function (paper) { paper.card.classList.toggle("ap-hidden", !shown.has(paper)); });
      visible.concat(papers.filter(function (p) { return !shown.has(p); }))
        .forEach(function (paper) { list.appendChild(paper.card); });
    }, index);
  }

  /* The All papers page: one compact row per paper from papers-index.json, drawn a page at a
     time, so that a list of 10,000 papers stays light. */
  var PAGE = 100;
  function setUpAll(holder, index) {
    var root = document.documentElement.getAttribute("data-content_root") || "";
    var rows = element("ol", { class: "ap-rows" });
    var more = element("button", { type: "button", class: "sd-btn sd-btn-outline-primary sd-btn-sm ap-more-rows" }, "Show more");
    holder.appendChild(rows);
    holder.appendChild(more);
    fetch(root + holder.getAttribute("data-index")).then(function (r) { return r.json(); }).then(function (data) {
      var topics = data.topics, envs = data.environments;
      var papers = data.papers.map(function (p, position) {
        var facets = {
          title: p.t, short: p.s || "", year: p.y || 0, venue: p.v || "", track: p.k || "", added: p.a || "",
          authors: p.au, keywords: p.kw || [], settings: [],
          topics: (p.tp || []).map(function (i) { return topics[i]; }),
          envs: (p.e || []).map(function (i) { return envs[i]; })
        };
        var text = fold([p.t, p.s, p.au.join(" "), p.v, p.y, (p.kw || []).join(" "),
          facets.topics.map(function (t) { return t[1]; }).join(" "),
          facets.envs.map(function (e) { return e[1]; }).join(" ")].join(" "));
        return { id: p.i, facets: facets, text: text, position: position, url: root + p.u };
      });
      var visible = [], drawn = 0;
      function draw() {
        visible.slice(drawn, drawn + PAGE).forEach(function (paper) {
          var f = paper.facets;
          var item = element("li", { class: "ap-row" });
          var link = element("a", { href: paper.url, class: "reference internal" }, (f.short ? f.short + ": " : "") + f.title);
          item.appendChild(link);
          var authors = f.authors.slice(0, 3).join(", ") + (f.authors.length > 3 ? " et al." : "");
          item.appendChild(element("span", { class: "ap-row-meta" }, " · " + authors + (f.venue ? " · " + f.venue + " " + (f.year || "") : "")));
          rows.appendChild(item);
        });
        drawn = Math.min(visible.length, drawn + PAGE);
        more.hidden = drawn >= visible.length;
      }
      more.addEventListener("click", draw);
      holder.querySelector(".ap-all-loading").remove();
      facetPanel(holder, papers, function (shown) {
        visible = shown;
        drawn = 0;
        rows.textContent = "";
        draw();
      }, index);
    });
  }

  function init() {
    document.querySelectorAll(".ap-cards").forEach(setUpListing);
    document.querySelectorAll(".ap-all").forEach(function (holder, i) { setUpAll(holder, 100 + i); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
