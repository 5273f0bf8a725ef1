/* awesome_papers: on the search page, papers first. The query (?q=) goes to the Pagefind index
   of papers, with the list's query language: words (the last one as a prefix), "phrases",
   and author:, venue:, year:, topic:, env:, keyword: fields, also offered as facets. Sphinx's
   own results for the site's pages follow below. */
(function () {
  "use strict";

  var FACETS = [["topic", "Topic"], ["venue", "Venue"], ["year", "Year"], ["env", "Environment"]];
  var SHOWN = 20;

  function slug(text) {
    return window.awesomePapers.fold(text).replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
  }

  // The list page's script (loaded first) shares its query language and helpers.
  var element = window.awesomePapers.element;

  /* Pagefind's excerpt is HTML with <mark> around matches: keep the text and the marks only. */
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    var out = element("p", { class: "ap-result-excerpt" });
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") out.appendChild(element("mark", {}, node.textContent));
      else out.appendChild(document.createTextNode(node.textContent));
    });
    return out;
  }

  /* field:value resolves against the values the index holds, so that author:levine finds
     "Sergey Levine" and topic:world-models finds "World models". */
  function resolve(field, value, available) {
    var values = Object.keys(available[field] || {});
    var fold = window.awesomePapers.fold;
    return values.filter(function (v) {
      var folded = fold(v);
      if (field === "year") return folded === value;
      if (slug(v) === slug(value) || folded === value) return true;
      return (" " + folded).indexOf(" " + value) !== -1;  // a word of it starts with the value
    });
  }

  /* Append ``results`` to the list; return how many the list now holds. Pagefind ranks by
     relevance; among results of equal score, the newest paper comes first. */
  function draw(list, results, base, before, withExcerpt) {
    results.sort(function (a, b) {
      var byScore = Math.round((b.score - a.score) * 1000);
      return byScore || Number(b.data.meta.year || 0) - Number(a.data.meta.year || 0);
    });
    results.forEach(function (r) {
      var meta = r.data.meta;
      var item = element("li", { class: "ap-result" });
      var title = element("p", { class: "ap-result-title" });
      title.appendChild(element("a", { href: new URL(meta.url, base).href, class: "reference internal" }, meta.title));
      item.appendChild(title);
      item.appendChild(element("p", { class: "ap-result-meta" },
        [meta.authors, meta.venue].filter(Boolean).join(" · ")));
      // A query of fields only matched no words: an excerpt would repeat the title.
      if (withExcerpt) item.appendChild(excerpt(r.data.excerpt));
      list.appendChild(item);
    });
    return before + results.length;
  }

  var latest = 0;

  async function run(section, pagefind, base, query, chosen) {
    var mine = ++latest;  // a newer run (another facet chosen) makes this one stop drawing
    var parsed = window.awesomePapers.parseQuery(query);
    // The values a field resolves against; loaded only for a query that has fields.
    var available = parsed.fields.length ? await pagefind.filters() : {};
    var constraints = [];
    var unknown = [];
    // title: has no filter of its own: its words are searched, and titles weigh most.
    parsed.words = parsed.words.concat(parsed.fields.filter(function (f) { return f[0] === "title"; })
      .map(function (f) { return f[1]; }));
    parsed.fields = parsed.fields.filter(function (f) { return f[0] !== "title"; });
    parsed.fields.forEach(function (f) {
      var matches = resolve(f[0], f[1], available);
      if (!matches.length) unknown.push(f[0] + ":" + f[1]);
      var constraint = {};
      constraint[f[0]] = { any: matches.length ? matches : ["\u0000none"] };
      constraints.push(constraint);
    });
    Object.keys(chosen).forEach(function (key) {
      if (chosen[key]) {
        var constraint = {};
        constraint[key] = chosen[key];
        constraints.push(constraint);
      }
    });
    var filters = constraints.length ? { all: constraints } : {};
    var words = parsed.words.concat(parsed.phrases).join(" ");
    var list = section.querySelector(".ap-results");
    var status = section.querySelector(".ap-search-count");
    list.textContent = "";
    if (!words && !Object.keys(filters).length) {
      status.textContent = "Type a query to find papers.";
      return;
    }
    var search = await pagefind.search(words || null, { filters: filters });
    if (mine !== latest) return;
    var fold = window.awesomePapers.fold;
    // Pagefind matches the words; a phrase must also stand as written. Results load a page at
    // a time (each is a small fetch) until a page of them is kept or none are left.
    var kept = [];
    var drawn = 0;
    // The first result is drawn as soon as it loads, then the rest: each is a fetch of its own.
    var batches = [1, 4, SHOWN - 5];
    for (var start = 0, step = 0; kept.length < SHOWN && start < search.results.length && start < 200; step += 1) {
      var size = batches[step] || SHOWN;
      var page = await Promise.all(search.results.slice(start, start + size).map(function (r) {
        return r.data().then(function (data) { return { score: r.score, data: data }; });
      }));
      start += size;
      if (mine !== latest) return;
      kept = kept.concat(page.filter(function (r) {
        var text = fold(r.data.content);
        return parsed.phrases.every(function (p) { return text.indexOf(p) !== -1; });
      }));
      drawn = draw(list, kept.slice(drawn, SHOWN), base, drawn, Boolean(words));
      if (!parsed.phrases.length && start >= SHOWN) break;
    }
    // Facet counts need Pagefind's filter index, which only loads after the first results
    // are on screen; the same search then counts its results per value.
    if (!parsed.fields.length) await pagefind.filters();
    var counted = await pagefind.search(words || null, { filters: filters });
    if (mine !== latest) return;
    FACETS.forEach(function (facet) {
      var select = section.querySelector("select[name=" + facet[0] + "]");
      var counts = counted.filters[facet[0]] || {};
      var current = chosen[facet[0]] || "";
      select.textContent = "";
      select.appendChild(element("option", { value: "" }, "Any"));
      Object.keys(counts).filter(function (v) { return counts[v] || v === current; })
        .sort(function (a, b) { return facet[0] === "year" ? Number(b) - Number(a) : a.localeCompare(b); })
        .forEach(function (value) {
          var option = element("option", { value: value }, value + " (" + counts[value] + ")");
          if (value === current) option.selected = true;
          select.appendChild(option);
        });
    });
    // Said last: a reader (or a test) waiting for the count finds the facets filled too.
    var total = parsed.phrases.length ? kept.length : search.results.length;
    var more = parsed.phrases.length && start < search.results.length ? "+" : "";
    status.textContent = total + more + " paper" + (total === 1 && !more ? "" : "s") +
      (unknown.length ? " (nothing matches " + unknown.join(", ") + ")" : "");
  }

  async function init() {
    var anchor = document.getElementById("search-results");
    if (!anchor) return;
    performance.mark("ap-search-start");
    var root = document.documentElement.getAttribute("data-content_root") || "";
    var base = new URL(root, window.location.href);
    var pagefind;
    try {
      pagefind = await import(new URL("pagefind/pagefind.js", base).href);
    } catch (error) {
      return;  // no paper index on this site: Sphinx's results stand alone
    }
    // In the page, not a worker: starting a worker cost about a quarter of a second.
    await pagefind.options({ baseUrl: base.pathname, excerptLength: 24, noWorker: true });
    var params = new URLSearchParams(window.location.search);
    var section = element("section", { class: "ap-search", "aria-labelledby": "ap-search-title" });
    section.appendChild(element("h2", { id: "ap-search-title" }, "Papers"));
    var form = element("form", { class: "ap-filter", "aria-label": "Narrow the papers" });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var chosen = {};
    FACETS.forEach(function (facet) {
      chosen[facet[0]] = params.get(facet[0]) || "";
      var wrap = element("span", { class: "ap-facet" });
      wrap.appendChild(element("label", { for: "ap-search-" + facet[0] }, facet[1]));
      var select = element("select", { id: "ap-search-" + facet[0], name: facet[0] });
      select.addEventListener("change", function () {
        chosen[facet[0]] = select.value;
        var next = new URLSearchParams(window.location.search);
        if (select.value) next.set(facet[0], select.value); else next.delete(facet[0]);
        window.history.pushState({}, "", window.location.pathname + "?" + next.toString());
        run(section, pagefind, base, params.get("q") || "", chosen);
      });
      wrap.appendChild(select);
      form.appendChild(wrap);
    });
    form.appendChild(element("span", { class: "ap-search-count", "aria-live": "polite" }));
    section.appendChild(form);
    section.appendChild(element("ol", { class: "ap-results" }));
    section.appendChild(element("h2", {}, "Pages"));
    anchor.parentNode.insertBefore(section, anchor);
    window.addEventListener("popstate", function () {
      var now = new URLSearchParams(window.location.search);
      FACETS.forEach(function (facet) { chosen[facet[0]] = now.get(facet[0]) || ""; });
      run(section, pagefind, base, now.get("q") || "", chosen);
    });
    run(section, pagefind, base, params.get("q") || "", chosen);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
