/* awesome_papers: the one script every page loads. It imports only what the page has use
   for: the facets of a card listing, the rows of All papers and long listings, and the
   BibTeX buttons of a paper's or an author's page. (The search page loads its module with a
   script of its own, so that its results take their place before the page is first drawn.)
   A module that fails to load is said on the page; the page works without any of them. */
import { revealListings } from "./awesome_papers_dom.js";

/* What the page needs, as [is it here, module]. */
const PARTS = [
  [".ap-cards > .ap-card", "./awesome_papers_listing.js"],
  [".ap-all, .ap-pager[data-listing]", "./awesome_papers_rows.js"],
  ["pre.ap-bibtex, .ap-listing[data-papers]", "./awesome_papers_cite.js"],
];

/* Say on the page, where its filters or results would be, that a part did not load. */
function report(selector, error) {
  const where = document.querySelector(selector);
  const note = document.createElement("p");
  note.className = "ap-error";
  note.setAttribute("role", "status");
  note.textContent = "Part of this page's tools could not be loaded (" + error.message + ").";
  if (where) where.parentNode.insertBefore(note, where);
  revealListings();
}

const loads = PARTS.filter(([selector]) => document.querySelector(selector)).map(([selector, module]) =>
  import(module).then((part) => part.init()).catch((error) => report(selector, error)));
// A page whose listings got no facets (too short, or none at all) has nothing to wait for.
Promise.allSettled(loads).then(() => { if (!document.querySelector(".ap-filter")) revealListings(); });
