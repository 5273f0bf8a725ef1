/* awesome_papers: papers as compact rows from the rows files the build writes (index_rows in
   exports.py): the All papers page, and a long listing whose facets and query box filter all
   of its pages. Everything here is an enhancement: without JavaScript, All papers points to
   the category pages (to the list's files on a site without them) and a long listing is read
   page by page through its pager. */
import { contentRoot, element, getJson, underRoot } from "./awesome_papers_dom.js";
import { facetPanel } from "./awesome_papers_listing.js";
import { fold } from "./awesome_papers_query.js";

var PAGE = 100;

/* A row of a rows file as the facet panel's paper: {id, facets, text, position, url}. */
function fromRow(tables, root) {
  return function (p, position) {
    var facets = {
      title: p.t, short: p.s || "", year: p.y || 0, venue: p.v || "", track: p.k || "", added: p.a || "",
      authors: p.au, keywords: p.kw || [], methods: p.m || [], code: Boolean(p.c), settings: [],
      topics: (p.tp || []).map(function (i) { return tables.topics[i]; }),
      envs: (p.e || []).map(function (i) { return tables.environments[i]; })
    };
    var text = fold([p.t, p.s, p.au.join(" "), p.v, p.y, (p.kw || []).concat(p.m || []).join(" "),
      facets.topics.map(function (t) { return t[1]; }).join(" "),
      facets.envs.map(function (e) { return e[1]; }).join(" ")].join(" "));
    return { id: p.i, facets: facets, text: text, position: position, url: underRoot(root, p.u) };
  };
}

/* A list of rows, drawn PAGE at a time with a Show more button, before ``before``. */
function rowList(holder, before) {
  var rows = element("ol", { class: "ap-rows" });
  var more = element("button", { type: "button", class: "sd-btn sd-btn-outline-primary sd-btn-sm ap-more-rows" }, "Show more");
  more.hidden = true;
  holder.insertBefore(rows, before || null);
  holder.insertBefore(more, before || null);
  var visible = [], drawn = 0;
  function draw() {
    var part = document.createDocumentFragment();
    visible.slice(drawn, drawn + PAGE).forEach(function (paper) {
      var f = paper.facets;
      var item = element("li", { class: "ap-row" });
      item.appendChild(element("a", { href: paper.url, class: "reference internal" }, (f.short ? f.short + ": " : "") + f.title));
      var authors = f.authors.slice(0, 3).join(", ") + (f.authors.length > 3 ? " et al." : "");
      item.appendChild(element("span", { class: "ap-row-meta" }, " · " + authors + (f.venue ? " · " + f.venue + " " + (f.year || "") : "")));
      part.appendChild(item);
    });
    rows.appendChild(part);
    drawn = Math.min(visible.length, drawn + PAGE);
    more.hidden = drawn >= visible.length;
    more.textContent = "Show " + Math.min(PAGE, visible.length - drawn) + " more (" + drawn + " of " + visible.length + " shown)";
  }
  more.addEventListener("click", draw);
  return {
    rows: rows,
    more: more,
    show: function (papers) {
      visible = papers;
      drawn = 0;
      rows.textContent = "";
      draw();
    }
  };
}

/* All papers: the index file's first rows at once, the rest fetched beside them; the
   facets and query box work once every row is there. */
function setUpAll(holder, index) {
  var root = contentRoot();
  var loading = holder.querySelector(".ap-all-loading");
  var list = rowList(holder, loading);
  var panel = facetPanel(holder, function (shown) { list.show(shown); }, index);
  getJson(root + holder.getAttribute("data-index")).then(function (data) {
    var make = fromRow(data, root);
    list.show(data.papers.map(make));
    list.more.hidden = true;
    return Promise.all(data.rest.map(function (name) { return getJson(root + name); }))
      .then(function (parts) {
        panel.setPapers(data.papers.concat.apply(data.papers, parts).map(make));
        loading.remove();
      });
  }).catch(function (error) {
    loading.textContent = "The list of papers could not be loaded (" + error.message + "). Every paper is also on its category page.";
    panel.fail("The filters could not be loaded.");
  });
}

/* A long listing: its page of cards and pager while nothing narrows it; rows from the whole
   listing's file once a query, a facet or the sort does. */
function setUpPaged(list, index) {
  var pager = list.querySelector(":scope > .ap-pager");
  var cards = Array.prototype.slice.call(list.querySelectorAll(":scope > .ap-card"));
  var count = list.querySelector(":scope > .ap-count");
  var root = contentRoot();
  var rows = rowList(list, pager);
  var panel = facetPanel(list, function (shown, active) {
    cards.concat(count ? [pager, count] : [pager]).forEach(function (node) { node.classList.toggle("ap-hidden", active); });
    rows.rows.classList.toggle("ap-hidden", !active);
    if (active) {
      rows.show(shown);
      return "Showing " + shown.length + " of " + pager.getAttribute("data-total") + " papers, from every page";
    }
    rows.more.hidden = true;
    return " ";  // the page's own count says which papers these are
  }, index);
  getJson(root + pager.getAttribute("data-listing")).then(function (data) {
    panel.setPapers(data.papers.map(fromRow(data, root)));
  }).catch(function (error) {
    panel.fail("The filters could not be loaded (" + error.message + "); the pages below list every paper.");
  });
}

export function init() {
  document.querySelectorAll(".ap-cards").forEach(function (list, i) {
    if (list.querySelector(":scope > .ap-pager[data-listing]")) setUpPaged(list, 200 + i);
  });
  document.querySelectorAll(".ap-all").forEach(function (holder, i) { setUpAll(holder, 100 + i); });
}
