/* awesome_papers: the query language and the facets of a listing, as pure functions that
   the listings, All papers and the search page share; tests/js runs them under node --test.
   Words match anywhere; "quoted phrases" match as written; field:value (or field:"a b")
   narrows by a field of the vocabulary (awesome_papers_vocabulary.js, which the build writes
   from vocabulary.py: author, venue, year, topic, env, keyword, method, title, has:code).
   A paper here is {facets, text, position}: ``facets`` as a card's data-facets holds them,
   ``text`` folded. */

export const SORTS = [["year", "Newest first"], ["title", "Title A–Z"], ["added", "Recently added"]];

/* ``text`` as matched: accents dropped, lower case, single spaces. */
export function fold(text) {
  return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
    .replace(/\s+/g, " ");
}

/* Whether ``needle`` stands in ``haystack`` at the start of a word. */
export function startsWord(haystack, needle) {
  let at = haystack.indexOf(needle);
  while (at !== -1) {
    if (at === 0 || !/[a-z0-9]/.test(haystack.charAt(at - 1))) return true;
    at = haystack.indexOf(needle, at + 1);
  }
  return false;
}

/* A facet of the vocabulary, with what it offers from a paper's facets: [value, name] pairs. */
function facetOf(facet) {
  const values = (f) => {
    const value = f[facet.source];
    if (facet.shape === "pairs") return value || [];
    if (facet.shape === "flag") return value ? [[facet.flag, facet.flag_name]] : [];
    return value ? [[String(value), String(value)]] : [];
  };
  return { key: facet.key, label: facet.label, order: facet.order, values };
}

/* Whether a paper's ``facets`` hold ``value`` in ``field`` (see vocabulary.py's Field). */
function fieldMatches(field, facets, value) {
  const values = field.source.map((key) => facets[key]);
  const listed = () => values.flatMap((v) => v || []);
  switch (field.match) {
    case "words": return listed().some((v) => startsWord(fold(v), value));
    case "named": return listed().some((p) => fold(p[0]) === value || startsWord(fold(p[1]), value));
    case "start": return startsWord(fold(values.map((v) => v || "").join(" ")), value);
    case "exact": return String(values[0] || "") === value;
    case "flag": return value === field.flag && Boolean(values[0]);
    default: return false;
  }
}

/* A query's words, "phrases" and field:value pairs, folded; a field the vocabulary does not
   know is a word like any other. */
function parseWith(vocabulary, query) {
  const parsed = { words: [], phrases: [], fields: [] };
  const pattern = /(\w+):"([^"]*)"|(\w+):(\S+)|"([^"]*)"?|(\S+)/g;
  let match;
  while ((match = pattern.exec(query)) !== null) {
    const name = match[1] || match[3];
    const value = match[2] !== undefined ? match[2] : match[4];
    const field = name && vocabulary.aliases[name.toLowerCase()];
    if (field) {
      if (value.trim()) parsed.fields.push([field, fold(value.trim())]);
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

const hasValue = (paper, facet, value) => !value || facet.values(paper.facets).some((v) => v[0] === value);

/* A facet's options [value, name, count], ordered as the vocabulary says. */
function options(facet, names, counts) {
  const newest = (a, b) => Number(b) - Number(a);
  const byName = (a, b) => names[a].localeCompare(names[b]);
  return Object.keys(names).sort(facet.order === "newest" ? newest : byName)
    .map((key) => [key, names[key], counts[key] || 0]);
}

/* Per facet, its options with the papers that the query (``textual``, per paper) and the
   *other* facets' chosen values leave, as faceted search counts. */
function offeredBy(facets, papers, textual, chosen) {
  const offered = {};
  facets.forEach((facet) => {
    const counts = {}, names = {};
    papers.forEach((paper, i) => {
      const others = facets.every((f) => f === facet || hasValue(paper, f, chosen[f.key]));
      facet.values(paper.facets).forEach((v) => {
        names[v[0]] = v[1];
        if (textual[i] && others) counts[v[0]] = (counts[v[0]] || 0) + 1;
      });
    });
    offered[facet.key] = options(facet, names, counts);
  });
  return offered;
}

/* ``papers`` in a listing's ``sort`` order: newest (their position), title, or added. */
function sortPapers(papers, sort) {
  return papers.sort((a, b) => {
    if (sort === "title") return a.facets.title.localeCompare(b.facets.title);
    if (sort === "added") return (b.facets.added || "").localeCompare(a.facets.added || "") || a.position - b.position;
    return a.position - b.position;
  });
}

/* A listing's state from a URL's query string, and back: ?q=, one parameter per facet,
   and sort= (the default sort left out); other parameters are kept. */
function stateWith(facets, search) {
  const params = new URLSearchParams(search);
  const state = { q: params.get("q") || "", sort: params.get("sort") || "year", chosen: {} };
  facets.forEach((facet) => { state.chosen[facet.key] = params.get(facet.key) || ""; });
  return state;
}

function searchFromState(search, state) {
  const params = new URLSearchParams(search);
  const values = Object.assign({}, state.chosen, { q: state.q, sort: state.sort === "year" ? "" : state.sort });
  Object.keys(values).forEach((key) => {
    if (values[key]) params.set(key, values[key]); else params.delete(key);
  });
  const text = params.toString();
  return text ? "?" + text : "";
}

/* The query core of a vocabulary: its facets, the parser, the matcher, the narrowing of a
   listing, and the listing's state in the URL. */
export function makeQuery(vocabulary) {
  const FACETS = vocabulary.facets.map(facetOf);
  const parseQuery = (query) => parseWith(vocabulary, query);

  function matches(parsed, facets, text) {
    return parsed.words.every((w) => text.indexOf(w) !== -1) &&
      parsed.phrases.every((p) => startsWord(text, p)) &&
      parsed.fields.every((f) => fieldMatches(vocabulary.fields[f[0]], facets, f[1]));
  }

  /* What a listing shows for a query, the chosen facet values and a sort: the visible papers
     in order, and per facet its options in the order offered. */
  function narrow(papers, query, chosen, sort) {
    const parsed = parseQuery(query);
    const textual = papers.map((p) => matches(parsed, p.facets, p.text));
    const visible = papers.filter((paper, i) => textual[i] && FACETS.every((f) => hasValue(paper, f, chosen[f.key])));
    return { visible: sortPapers(visible, sort), options: offeredBy(FACETS, papers, textual, chosen) };
  }

  const stateFromSearch = (search) => stateWith(FACETS, search);
  return { FACETS, parseQuery, matches, narrow, stateFromSearch, searchFromState };
}
