// What the page scripts make of addresses in the files the build writes.
import assert from "node:assert/strict";
import test from "node:test";
import { underRoot } from "../../docs/_ext/awesome_papers/sphinx_ext/static/awesome_papers_dom.js";

test("a paper's page in a rows file is found under the site's root", () => {
  assert.equal(underRoot("../", "papers/dreamerv2.html"), "../papers/dreamerv2.html");
  assert.equal(underRoot("", "papers/dreamerv2.html"), "papers/dreamerv2.html");
});

test("a paper's own address, on a site without paper pages, is kept as it is", () => {
  assert.equal(underRoot("../", "https://arxiv.org/abs/2010.02193"), "https://arxiv.org/abs/2010.02193");
  assert.equal(underRoot("../", "http://example.org/maze"), "http://example.org/maze");
});
