// The query language and the facets that listings, All papers and the search page share,
// built from the vocabulary the build writes (fixtures/vocabulary.json, make_fixtures.py).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import test from "node:test";
import { fold, makeQuery } from "../../docs/_ext/awesome_papers/sphinx_ext/static/awesome_papers_query.js";

const vocabulary = JSON.parse(readFileSync(new URL("fixtures/vocabulary.json", import.meta.url), "utf-8"));
const query = { ...makeQuery(vocabulary), fold };

function paper(position, facets) {
  const text = query.fold([facets.title, facets.short, (facets.authors || []).join(" "), facets.venue].join(" "));
  return { id: facets.title, position, facets, text };
}

const PAPERS = [
  paper(0, { title: "Dreaming in Pixels", year: 2024, venue: "NeurIPS", authors: ["Ada Lovelace"],
    topics: [["world-models", "World models"]], envs: [["maze", "Maze"]], added: "2025-05-01" }),
  paper(1, { title: "Seeing Worlds Before Acting", year: 2024, venue: "ICML", authors: ["Grace Hopper"],
    topics: [["world-models", "World models"]], envs: [["atari", "Atari"]], added: "2025-05-02" }),
  paper(2, { title: "Agents in Mazes", year: 2021, venue: "ICML", authors: ["Sergey Levine"],
    topics: [["visual-agents", "Visual agents"]], envs: [["maze", "Maze"]], added: "2025-02-01" }),
];

test("fields, phrases and words are told apart, and unknown fields stay words", () => {
  assert.deepEqual(query.parseQuery('author:"Grace Hopper" "world model" year:2024 rl foo:bar'), {
    words: ["rl", "foo:bar"],
    phrases: ["world model"],
    fields: [["author", "grace hopper"], ["year", "2024"]],
  });
});

test("a field matches at the start of a word of its own value only", () => {
  const seeing = PAPERS[1];
  assert.ok(query.matches(query.parseQuery("author:hop"), seeing.facets, seeing.text));
  assert.ok(!query.matches(query.parseQuery("author:opper"), seeing.facets, seeing.text));
  assert.ok(query.matches(query.parseQuery("topic:world-models"), seeing.facets, seeing.text));
  assert.ok(!query.matches(query.parseQuery("venue:neurips"), seeing.facets, seeing.text));
  assert.ok(query.matches(query.parseQuery("Séeing"), seeing.facets, seeing.text), "accents fold");
  const withMethod = paper(3, { title: "Group Rewards", methods: ["GRPO"], authors: [] });
  assert.ok(query.matches(query.parseQuery("method:grpo"), withMethod.facets, withMethod.text));
  assert.ok(!query.matches(query.parseQuery("method:grpo"), seeing.facets, seeing.text));
  const withCode = paper(4, { title: "Released", code: true, authors: [] });
  assert.ok(query.matches(query.parseQuery("has:code"), withCode.facets, withCode.text));
  assert.ok(!query.matches(query.parseQuery("has:code"), seeing.facets, seeing.text));
});

test("each facet counts what the query and the other facets leave", () => {
  const result = query.narrow(PAPERS, "", { topic: "", venue: "ICML", year: "", env: "" }, "year");
  assert.deepEqual(result.visible.map((p) => p.position), [1, 2]);
  // Venue counts ignore the venue chosen; year counts follow it.
  assert.deepEqual(result.options.venue, [["ICML", "ICML", 2], ["NeurIPS", "NeurIPS", 1]]);
  assert.deepEqual(result.options.year, [["2024", "2024", 1], ["2021", "2021", 1]]);
  assert.deepEqual(result.options.env, [["atari", "Atari", 1], ["maze", "Maze", 1]]);
});

test("the Code facet offers papers with code and narrows to them", () => {
  const papers = PAPERS.concat([paper(3, { title: "Open Agents", year: 2021, venue: "ICML", authors: [], code: true })]);
  const result = query.narrow(papers, "", { has: "code" }, "year");
  assert.deepEqual(result.visible.map((p) => p.facets.title), ["Open Agents"]);
  assert.deepEqual(result.options.has, [["code", "Has code", 1]]);
});

test("the sorts keep the listing's order among equals", () => {
  const none = { topic: "", venue: "", year: "", env: "" };
  const byTitle = query.narrow(PAPERS, "", none, "title").visible.map((p) => p.position);
  const byAdded = query.narrow(PAPERS, "", none, "added").visible.map((p) => p.position);
  assert.deepEqual(byTitle, [2, 0, 1]);
  assert.deepEqual(byAdded, [1, 0, 2]);
});

test("a listing's state goes into the URL and comes back, other parameters kept", () => {
  const state = { q: 'author:"Grace Hopper"', sort: "year", chosen: { topic: "world-models", venue: "", year: "2024", env: "", has: "" } };
  const search = query.searchFromState("?lang=en&venue=ICML", state);
  assert.equal(search, "?lang=en&topic=world-models&year=2024&q=author%3A%22Grace+Hopper%22");
  assert.deepEqual(query.stateFromSearch(search), state);
  assert.equal(query.searchFromState("?sort=title", { q: "", sort: "year", chosen: {} }), "");
});
