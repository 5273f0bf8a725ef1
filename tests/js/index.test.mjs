// The search page's reader of the paper index, on the index that search.py writes for
// tests/roots/data-small (fixtures/paper-search/, make_fixtures.py). Papers are numbered
// newest first: DrM (2024), the maze walker (2022), DreamerV2 (2021).
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import test from "node:test";
import { SearchIndex } from "../../docs/_ext/awesome_papers/sphinx_ext/static/awesome_papers_index.js";
import { makeQuery } from "../../docs/_ext/awesome_papers/sphinx_ext/static/awesome_papers_query.js";

const FIXTURES = new URL("fixtures/", import.meta.url);
const vocabulary = JSON.parse(await readFile(new URL("vocabulary.json", FIXTURES), "utf-8"));
const query = makeQuery(vocabulary);

// The site, as a browser would fetch it: the fixture files, and 404 for any other.
globalThis.fetch = async (url) => {
  try {
    const text = await readFile(new URL(String(url).split("?")[0]));
    return { ok: true, status: 200, json: async () => JSON.parse(text), text: async () => String(text) };
  } catch {
    return { ok: false, status: 404 };
  }
};

async function titles(text, chosen = {}) {
  const index = new SearchIndex(FIXTURES);
  const found = await index.search(query.parseQuery(text), chosen);
  const papers = await index.papers(found.numbers);
  return { titles: papers.map((p) => p.title), found };
}

test("a word finds the papers that hold it, and a half-typed last word its longer words", async () => {
  assert.deepEqual((await titles("maze")).titles, ["Walking Mazes from Pixels"]);
  assert.deepEqual((await titles("dorm")).titles.length, 1);
  assert.match((await titles("dorm")).titles[0], /^DrM: /);
});

test("a short name ranks its paper first, and its result shows the short name", async () => {
  const { titles: found } = await titles("DreamerV2");
  assert.equal(found[0], "DreamerV2: Mastering Atari with Discrete World Models");
});

test("fields narrow by author and year; an unknown field value is reported", async () => {
  assert.deepEqual((await titles("author:Lovelace")).titles, ["Walking Mazes from Pixels"]);
  assert.equal((await titles("year:2021")).titles.length, 1);
  const { found } = await titles("author:Nobody world");
  assert.deepEqual(found.numbers, []);
  assert.deepEqual(found.unknown, ["author:nobody"]);
});

test("a word in no paper is missing, for the spelling aid", async () => {
  const { found } = await titles("zebra");
  assert.deepEqual(found.missing, ["zebra"]);
});

test("a chosen facet narrows the results, and counts follow the results", async () => {
  const index = new SearchIndex(FIXTURES);
  const all = await index.search(query.parseQuery("world"), {});
  const counts = await index.counts(all.numbers);
  assert.ok(all.numbers.length >= 2);
  assert.equal(Object.values(counts.year).reduce((a, b) => a + b, 0), all.numbers.length);
  const only2022 = await index.search(query.parseQuery("world"), { year: "2022" });
  assert.deepEqual((await index.papers(only2022.numbers)).map((p) => p.title), ["Walking Mazes from Pixels"]);
});

test("a file that does not load fails the search with its name", async () => {
  const index = new SearchIndex(new URL("missing/", FIXTURES));
  await assert.rejects(index.ready, /paper-search\/index\.json answered 404/);
});
