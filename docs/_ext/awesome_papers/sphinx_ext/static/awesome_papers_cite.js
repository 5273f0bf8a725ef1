/* awesome_papers: copy buttons for BibTeX, and "BibTeX of these papers" for a listing: the
   entries of exactly the papers it shows, from the build's papers.bib. The listing and search
   modules import citeThese; a paper's and an author's page run init. */
import { contentRoot, element as make, getText } from "./awesome_papers_dom.js";

/* A Copy button before ``pre``; where the clipboard is refused, the text is selected. */
export function copyButton(pre) {
  var button = make("button", { type: "button", class: "sd-btn sd-btn-sm sd-btn-outline-secondary ap-copy" }, "Copy");
  button.addEventListener("click", function () {
    var done = function () { button.textContent = "Copied"; };
    var select = function () {
      var range = document.createRange();
      range.selectNodeContents(pre);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      button.textContent = "Press Ctrl+C";
    };
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(pre.textContent).then(done, select);
    } else {
      select();
    }
  });
  pre.parentNode.insertBefore(button, pre);
}

/* papers.bib as {paper id: entry}; its keys end in ":<id>". Fetched once a page. */
var entries = null;
function bibEntries() {
  if (!entries) {
    entries = getText(contentRoot() + "papers.bib", "papers.bib").then(function (text) {
      var byId = {};
      text.split(/\n(?=@)/).forEach(function (entry) {
        var key = /^@\w+\{([^,\s]+),/.exec(entry.trim());
        if (key) byId[key[1].split(":").pop()] = entry.trim() + "\n";
      });
      return byId;
    });
    entries.catch(function () { entries = null; });  // a later opening tries again
  }
  return entries;
}

/* A "BibTeX of these papers" box after ``anchor``; ``ids()`` names the papers shown now.
   Returns the function to call when they change. */
export function citeThese(anchor, ids) {
  var box = make("details", { class: "ap-cite-these" });
  var summary = make("summary", {}, "BibTeX of these papers");
  var bar = make("p", { class: "ap-cite-bar" });
  var download = make("a", { class: "sd-btn sd-btn-sm sd-btn-outline-secondary", download: "papers.bib", href: "#" }, "Download .bib");
  var pre = make("pre", { class: "ap-bibtex", tabindex: "0", "aria-label": "BibTeX of these papers" });
  bar.appendChild(download);
  box.appendChild(summary);
  box.appendChild(bar);
  box.appendChild(pre);
  copyButton(pre);
  anchor.parentNode.insertBefore(box, anchor.nextSibling);
  var url = null;
  function fill() {
    if (!box.open) return;
    pre.textContent = "Loading…";
    bibEntries().then(function (byId) {
      var shown = ids().map(function (id) { return byId[id]; }).filter(Boolean);
      var text = shown.join("\n");
      pre.textContent = text;
      if (url) URL.revokeObjectURL(url);
      url = URL.createObjectURL(new Blob([text], { type: "application/x-bibtex" }));
      download.href = url;
      summary.textContent = "BibTeX of these " + shown.length + " paper" + (shown.length === 1 ? "" : "s");
    }, function (error) {
      pre.textContent = "The BibTeX could not be loaded: " + error.message + ".";
    });
  }
  box.addEventListener("toggle", fill);
  return fill;
}

export function init() {
  document.querySelectorAll("pre.ap-bibtex").forEach(copyButton);
  // An author's page: its papers are a plain list, with no facets.
  document.querySelectorAll(".ap-listing[data-papers]").forEach(function (listing) {
    var ids = listing.getAttribute("data-papers").split(" ").filter(Boolean);
    citeThese(listing.firstElementChild || listing, function () { return ids; });
  });
}
