/* awesome_papers: the query language and the facets of a listing, as pure functions that
   the listings, All papers and the search page share; tests/js runs them under node --test.
   Words match anywhere; "quoted phrases" match as written; field:value (or field:"a b")
   narrows by author, venue, year, topic, env, keyword, method or title; has:code to papers
   with released code. A paper here is
   {facets, text, position}: ``facets`` as a card's data-facets holds them, ``text`` folded. */
(function (root, factory) {
  if (typeof module === "object" && module.exports) module.exports = factory();
  else root.awesomePapersQuery = factory();
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  var FIELDS = { author: "author", authors: "author", venue: "venue", year: "year",
    topic: "topic", env: "env", environment: "env", keyword: "keyword", kw: "keyword",
    method: "method", methods: "method", has: "has", title: "title" };
  /* The facets a listing offers: each reads [value, shown name] pairs from a paper. */
  var FACETS = [
    { key: "topic", label: "Topic", values: function (f) { return f.topics || []; } },
    { key: "venue", label: "Venue", values: function (f) { return f.venue ? [[f.venue, f.venue]] : []; } },
    { key: "year", label: "Year", values: function (f) { return f.year ? [[String(f.year), String(f.year)]] : []; } },
    { key: "env", label: "Environment", values: function (f) { return f.envs || []; } },
    { key: "has", label: "Code", values: function (f) { return f.code ? [["code", "Has code"]] : []; } }
  ];
  var SORTS = [["year", "Newest first"], ["title", "Title A–Z"], ["added", "Recently added"]];

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

  /* Whether ``needle`` stands in ``haystack`` at the start of a word. */
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
    var named = function (pairs) {
      return pairs.some(function (p) { return fold(p[0]) === value || startsWord(fold(p[1]), value); });
    };
    if (field === "author") return any(facets.authors || []);
    if (field === "venue") return startsWord(fold(facets.venue || ""), value);
    if (field === "year") return String(facets.year || "") === value;
    if (field === "topic") return named(facets.topics || []);
    if (field === "env") return named(facets.envs || []);
    if (field === "keyword") return any(facets.keywords || []);
    if (field === "method") return any(facets.methods || []);
    if (field === "has") return value === "code" && Boolean(facets.code);
    if (field === "title") return startsWord(fold(facets.title + " " + (facets.short || "")), value);
    return false;
  }

  function matches(parsed, facets, text) {
    return parsed.words.every(function (w) { return text.indexOf(w) !== -1; }) &&
      parsed.phrases.every(function (p) { return startsWord(text, p); }) &&
      parsed.fields.every(function (f) { return fieldMatches(facets, f[0], f[1]); });
  }

  function hasValue(paper, facet, value) {
    return !value || facet.values(paper.facets).some(function (v) { return v[0] === value; });
  }

  /* What a listing shows for a query, the chosen facet values ({topic, venue, year, env})
     and a sort: the visible papers in order, and per facet its options [value, name, count]
     in the order offered. Each facet counts what the query and the *other* facets leave, as
     faceted search does. */
  function narrow(papers, query, chosen, sort) {
    var parsed = parseQuery(query);
    var textual = papers.map(function (p) { return matches(parsed, p.facets, p.text); });
    var visible = papers.filter(function (paper, i) {
      return textual[i] && FACETS.every(function (f) { return hasValue(paper, f, chosen[f.key]); });
    });
    var options = {};
    FACETS.forEach(function (facet) {
      var counts = {}, names = {};
      papers.forEach(function (paper, i) {
        var others = FACETS.every(function (f) { return f === facet || hasValue(paper, f, chosen[f.key]); });
        facet.values(paper.facets).forEach(function (v) {
          names[v[0]] = v[1];
          if (textual[i] && others) counts[v[0]] = (counts[v[0]] || 0) + 1;
        });
      });
      options[facet.key] = Object.keys(names).sort(function (a, b) {
        return facet.key === "year" ? Number(b) - Number(a) : names[a].localeCompare(names[b]);
      }).map(function (key) { return [key, names[key], counts[key] || 0]; });
    });
    visible.sort(function (a, b) {
      if (sort === "title") return a.facets.title.localeCompare(b.facets.title);
      if (sort === "added") return (b.facets.added || "").localeCompare(a.facets.added || "") || a.position - b.position;
      return a.position - b.position;
    });
    return { visible: visible, options: options };
  }

  /* A listing's state from a URL's query string, and back: ?q=&topic=&venue=&year=&env=&sort=
     (the default sort left out); other parameters are kept. */
  function stateFromSearch(search) {
    var params = new URLSearchParams(search);
    var state = { q: params.get("q") || "", sort: params.get("sort") || "year", chosen: {} };
    FACETS.forEach(function (facet) { state.chosen[facet.key] = params.get(facet.key) || ""; });
    return state;
  }

  function searchFromState(search, state) {
    var params = new URLSearchParams(search);
    var values = Object.assign({}, state.chosen, { q: state.q, sort: state.sort === "year" ? "" : state.sort });
    Object.keys(values).forEach(function (key) {
      if (values[key]) params.set(key, values[key]); else params.delete(key);
    });
    var text = params.toString();
    return text ? "?" + text : "";
  }

  return { FACETS: FACETS, SORTS: SORTS, fold: fold, parseQuery: parseQuery, startsWord: startsWord,
    matches: matches, narrow: narrow, stateFromSearch: stateFromSearch, searchFromState: searchFromState };
});
