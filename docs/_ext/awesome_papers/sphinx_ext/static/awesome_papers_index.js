/* awesome_papers: the reader of the paper search index that the build writes into
   paper-search/ (see search.py). Papers are numbered newest first; a term lists its papers
   with their scores, ranked when the site was built; a query fetches the chunks that hold
   its terms, adds up their scores and fetches the text of the papers it shows. */
import { getJson } from "./awesome_papers_dom.js";
import { fold } from "./awesome_papers_query.js";

var WORD = /[\p{L}\p{N}]+/gu;
/* What the index joins the words of a pair or a name with, and the prefix of names (see
   searchterms.py). A query's words standing together in one value of a paper rank it
   above papers where they are scattered, in its title most; a query that spells a whole
   name of what papers are filed under (a topic, an environment, a venue and year) ranks
   them above all. */
var JOIN = "~", PAIR = "p:", NAME = "n:";
var PAIR_TIER = 1e5, TITLE_PAIR_TIER = 1e6, NAME_TIER = 1e7, LONGEST_NAME = 4;

function tokens(text) {
  return fold(text).match(WORD) || [];
}

function decode(deltas) {
  var out = new Array(deltas.length);
  for (var i = 0, n = 0; i < deltas.length; i++) out[i] = n += deltas[i];
  return out;
}

/* The bonus terms of runs of neighbouring stemmed words: each pair, and each run that may
   be a whole name of ``names``; [term, tier, words] each. */
function bonuses(runs, names) {
  var out = [];
  runs.forEach(function (run) {
    for (var i = 0; i < run.length; i++) {
      if (i + 1 < run.length) {
        out.push([PAIR + run[i] + JOIN + run[i + 1], TITLE_PAIR_TIER, 1]);
        out.push([PAIR + run[i] + JOIN + JOIN + run[i + 1], PAIR_TIER, 1]);
      }
      for (var j = i + 1; j <= Math.min(run.length, i + LONGEST_NAME); j++) {
        var name = run.slice(i, j).join(JOIN);
        if (names.has(name)) out.push([NAME + name, NAME_TIER, j - i]);
      }
    }
  });
  return out;
}

/* The papers found by every one of ``maps`` (number -> score), best first, with the bonus
   of each ``extra`` term whose map in ``boosts`` holds them. Among equals, the lower
   number: the newer paper. */
function rank(maps, extra, boosts) {
  maps.sort(function (a, b) { return a.size - b.size; });
  var scored = [];
  maps[0].forEach(function (score, n) {
    for (var i = 1; i < maps.length; i++) {
      if (!maps[i].has(n)) return;
      score += maps[i].get(n);
    }
    extra.forEach(function (b, i) {
      if (boosts[i].has(n)) score += b[1] * b[2] + boosts[i].get(n);
    });
    scored.push([score, n]);
  });
  scored.sort(function (a, b) { return b[0] - a[0] || a[1] - b[1]; });
  return scored.map(function (s) { return s[1]; });
}

/* The index of the site at ``base``: each file fetched once, when a query needs it. */
export class SearchIndex {
  constructor(base) {
    this.root = new URL("paper-search/", base);
    this.files = {};
    // The manifest changes with every edit of the list: never a cached one.
    this.ready = this.get("index.json?ts=" + Date.now());
    // Sphinx's stemmer for the site's language (language_data.js), where the page has it.
    var stemmer = typeof globalThis.Stemmer === "function" ? new globalThis.Stemmer() : null;
    this.stem = function (word) { return stemmer ? stemmer.stemWord(word) : word; };
    this.tokens = tokens;
    this.names = null;  // the manifest's whole names, as a set, once a query needs them
  }

  get(name) {
    if (!this.files[name]) {
      this.files[name] = getJson(new URL(name, this.root), "paper-search/" + name.split("?")[0]);
    }
    return this.files[name];
  }

  /* One term of a query: its papers and their scores. A prefix also finds longer words,
     a little below the word itself, and the stems of words it begins ("walki" finds
     "walking", stemmed "walk"); a paper counts its best match. */
  async lookup(term, prefix, field) {
    var m = await this.ready;
    var end = term + "\uffff";
    var chunks = m.chunks.filter(function (c) {
      return prefix ? c[1] >= term && c[0] <= end : c[0] <= term && term <= c[1];
    });
    var loaded = await Promise.all(chunks.map((c) => this.get(c[2])));
    var found = new Map();
    var stems = [];
    function keep(n, score) {
      if (!found.has(n) || found.get(n) < score) found.set(n, score);
    }
    loaded.forEach(function (chunk) {
      var keys = prefix ? Object.keys(chunk).filter(function (k) { return k.startsWith(term); })
        : Object.prototype.hasOwnProperty.call(chunk, term) ? [term] : [];
      keys.forEach(function (key) {
        if (!field && key.indexOf(":") !== -1) return;  // a word never finds a field's term
        if (typeof chunk[key] === "string") {
          // A stem that begins with the prefix itself is among the keys already.
          var target = chunk[key];
          if (prefix && !target.startsWith(term) && stems.indexOf(target) === -1) stems.push(target);
          return;
        }
        var scores = chunk[key][1];
        var closeness = key === term ? 1 : 0.9;
        decode(chunk[key][0]).forEach(function (n, i) { keep(n, scores ? scores[i] * closeness : 0); });
      });
    });
    var more = await Promise.all(stems.map((s) => this.lookup(s, false, field)));
    more.forEach(function (map) { map.forEach(function (score, n) { keep(n, score * 0.9); }); });
    return found;
  }

  async facets() {
    var m = await this.ready;
    return this.get(m.facets);
  }

  /* What a parsed query looks up: [term, prefix, field] per word, phrase word and field
     value, and the runs of stemmed words that may pair up or spell a name. */
  plan(parsed, m) {
    var words = [];
    parsed.words.forEach(function (w) { words = words.concat(tokens(w)); });
    var specs = words.map((w, i) => [this.stem(w), i === words.length - 1 && w.length > 1, null]);
    var runs = [words.map(this.stem)];
    parsed.phrases.forEach((p) => {
      var run = tokens(p).map(this.stem);
      run.forEach(function (s) { specs.push([s, false, null]); });
      runs.push(run);
    });
    parsed.fields.forEach(function (f) {
      var prefix = m.fields[f[0]];
      tokens(f[1]).forEach(function (w) { specs.push([prefix + w, f[0] !== "year", f[0] + ":" + f[1]]); });
    });
    return { words: words, specs: specs, runs: runs };
  }

  /* The numbers of the papers a parsed query finds, best first, the fields that matched
     nothing and the words that matched nothing. ``chosen`` holds the facet values picked
     beside the query. */
  async search(parsed, chosen) {
    var m = await this.ready;
    var plan = this.plan(parsed, m);
    this.names = this.names || new Set(m.names || []);
    var extra = bonuses(plan.runs, this.names);
    // The bonus terms are looked up at once with the words: one round of fetches.
    var all = await Promise.all(plan.specs.map((s) => this.lookup(s[0], s[1], s[2]))
      .concat(extra.map((b) => this.lookup(b[0], false, "bonus"))));
    var maps = all.slice(0, plan.specs.length), boosts = all.slice(plan.specs.length);
    var unknown = [], missing = [];
    plan.specs.forEach(function (s, i) {
      if (s[2] && !maps[i].size && unknown.indexOf(s[2]) === -1) unknown.push(s[2]);
      if (!s[2] && !maps[i].size && i < plan.words.length) missing.push(plan.words[i]);
    });
    var picked = Object.keys(chosen).filter(function (k) { return chosen[k]; });
    if (picked.length) {
      var values = await this.facets();
      picked.forEach(function (k) {
        var numbers = decode((values[k] || {})[chosen[k]] || []);
        maps.push(new Map(numbers.map(function (n) { return [n, 0]; })));
      });
    }
    var numbers = maps.length ? rank(maps, extra, boosts) : [];
    return { numbers: numbers, unknown: unknown, missing: missing };
  }

  /* The papers with these numbers: url, title, authors, venue; their text, and the part of
     it below title and authors, where a snippet is taken from. */
  async papers(numbers) {
    var m = await this.ready;
    return Promise.all(numbers.map((n) => {
      return this.get(m.blocks[Math.floor(n / m.block)]).then(function (block) {
        var p = block[n % m.block];
        return { url: p[0], title: p[1], authors: p[2], venue: p[3],
          text: [p[4], p[5]].filter(Boolean).join(" · "), rest: p[5] };
      });
    }));
  }

  /* How many of ``numbers`` each facet value holds. */
  async counts(numbers) {
    var values = await this.facets();
    var m = await this.ready;
    var marked = new Uint8Array(m.papers);
    numbers.forEach(function (n) { marked[n] = 1; });
    var out = {};
    Object.keys(values).forEach(function (facet) {
      out[facet] = {};
      Object.keys(values[facet]).forEach(function (value) {
        var count = 0;
        decode(values[facet][value]).forEach(function (n) { count += marked[n]; });
        out[facet][value] = count;
      });
    });
    return out;
  }

  /* What to offer for a query that finds few papers: the vocabulary's pages and the list's
     words (searchhelp.py); fetched only then. */
  async suggestions() {
    var m = await this.ready;
    return m.suggest ? this.get(m.suggest) : { names: [], words: [] };
  }
}
