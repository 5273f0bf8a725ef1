/* awesome_papers: a filter box for card listings and copy buttons for BibTeX.
   Everything here is an enhancement: without JavaScript the pages are complete. */
(function () {
  "use strict";

  function setUpFilter(list) {
    var cards = Array.prototype.slice.call(list.querySelectorAll(".ap-card"));
    if (cards.length < 2) return;
    var texts = cards.map(function (card) { return card.textContent.toLowerCase(); });
    var box = document.createElement("div");
    box.className = "ap-filter";
    var input = document.createElement("input");
    input.type = "search";
    input.placeholder = "Filter by title, author or keyword";
    input.setAttribute("aria-label", "Filter papers");
    var status = document.createElement("span");
    status.className = "ap-filter-count";
    status.setAttribute("aria-live", "polite");
    box.appendChild(input);
    box.appendChild(status);
    list.insertBefore(box, list.firstChild);
    var count = list.querySelector(".ap-count");
    if (count) count.classList.add("ap-hidden");

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      cards.forEach(function (card, i) {
        var match = words.every(function (w) { return texts[i].indexOf(w) !== -1; });
        card.classList.toggle("ap-hidden", !match);
        if (match) shown += 1;
      });
      status.textContent = "Showing " + shown + " of " + cards.length + " papers";
    }
    input.addEventListener("input", apply);
    apply();
  }

  function setUpCopy(pre) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "sd-btn sd-btn-sm sd-btn-outline-secondary ap-copy";
    button.textContent = "Copy";
    button.addEventListener("click", function () {
      var text = pre.textContent;
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
        navigator.clipboard.writeText(text).then(done, select);
      } else {
        select();
      }
    });
    pre.parentNode.insertBefore(button, pre);
  }

  function init() {
    document.querySelectorAll(".ap-cards").forEach(setUpFilter);
    document.querySelectorAll("pre.ap-bibtex").forEach(setUpCopy);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
