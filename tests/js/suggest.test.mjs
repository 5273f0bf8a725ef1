// The search page's suggestions for a query that finds nothing or few papers.
import assert from "node:assert/strict";
import test from "node:test";
import * as suggest from "../../docs/_ext/awesome_papers/sphinx_ext/static/awesome_papers_suggest.js";

// A stemmer as crude as needed here: Sphinx's English stemmer drops a plural "s" too; and
// words split and folded as the search index's tokens() splits them.
const stem = (word) => word.replace(/s$/, "");
const tokens = (text) => text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
  .match(/[\p{L}\p{N}]+/gu) || [];

const NAMES = [
  ["Topic", "Rewards from VLMs, videos and reward models", "topics/reward-models.html", "where rewards come from"],
  ["Topic", "Vision-language foundation models", "topics/multimodal-pretraining.html", "pre-training CLIP"],
  ["Environment", "Meta-World", "environments/meta-world.html", "MetaWorld"],
  ["Keyword", "CLIP", "keywords/clip.html", ""],
  ["Venue", "ICML 2022", "venues/icml-2022.html", ""],
];

test("a query's words in a name rank that name first, then words in its other text", () => {
  const found = suggest.nearNames("CLIP reward", NAMES, tokens, stem);
  assert.deepEqual(found.map((entry) => entry[1]), [
    "CLIP",
    "Rewards from VLMs, videos and reward models",
    "Vision-language foundation models",
  ]);
});

test("a query near no name suggests none", () => {
  assert.deepEqual(suggest.nearNames("quantum annealing", NAMES, tokens, stem), []);
});

test("a word begun in the query counts for the name it begins", () => {
  const found = suggest.nearNames("meta", NAMES, tokens, stem);
  assert.equal(found[0][1], "Meta-World");
});

test("distance counts edits, a swap of neighbours as one, and stops past the most", () => {
  assert.equal(suggest.distance("reward", "reward", 2), 0);
  assert.equal(suggest.distance("rewrad", "reward", 2), 1);
  assert.equal(suggest.distance("rewar", "reward", 2), 1);
  assert.equal(suggest.distance("navigation", "manipulation", 2), 3);
});

test("spelling finds the commonest near word, and none for a known word", () => {
  const known = ["learning", "reward", "world", "model", "models"];
  assert.equal(suggest.spelling("lerning", known), "learning");
  assert.equal(suggest.spelling("Modle", known), "model");
  assert.equal(suggest.spelling("reward", known), null);
  assert.equal(suggest.spelling("xyzzy", known), null);
});

test("a corrected query keeps the rest of what was typed", () => {
  const known = ["world", "model", "learning"];
  assert.equal(suggest.corrected('wrold model "deep"', ["wrold"], known), 'world model "deep"');
  assert.equal(suggest.corrected("zzz", ["zzz"], known), null);
});
