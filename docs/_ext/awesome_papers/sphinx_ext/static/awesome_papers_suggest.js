/* awesome_papers: what the search page offers when a query finds nothing or few papers,
   from the bundle's suggestion file (searchhelp.py): the list's topics, environments,
   keywords and venues whose names are near the query, and the spelling it may have meant.
   Pure functions, imported by the search page only; tests/js runs them under node --test. */
var SHOWN = 6;

function fold(text) {
  return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
}

/* Vocabulary entries ([kind, name, url, text]) near the query's words, the nearest first:
   a word of the query counts 3 in the entry's name, 1 in its other text; a word that
   begins a word of the name (4 letters or more) counts 1. ``tokens`` and ``stem`` are the
   search index's, so that a name is split and stemmed as the query is. */
export function nearNames(query, names, tokens, stem) {
  var wanted = tokens(query).filter(function (w) { return w.length > 1; });
  var stems = wanted.map(stem);
  var scored = [];
  names.forEach(function (entry) {
    var own = tokens(entry[1]), nameStems = own.map(stem), textStems = tokens(entry[3]).map(stem);
    var score = 0;
    stems.forEach(function (s, i) {
      if (nameStems.indexOf(s) !== -1) score += 3;
      else if (textStems.indexOf(s) !== -1) score += 1;
      else if (wanted[i].length > 3 && own.some(function (w) { return w.startsWith(wanted[i]); })) score += 1;
    });
    if (score) scored.push([score, entry]);
  });
  scored.sort(function (a, b) {
    return b[0] - a[0] || a[1][1].length - b[1][1].length || a[1][1].localeCompare(b[1][1]);
  });
  return scored.slice(0, SHOWN).map(function (s) { return s[1]; });
}

/* Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``, or more than
   ``most`` when it is more. */
export function distance(a, b, most) {
  if (Math.abs(a.length - b.length) > most) return most + 1;
  var before = null, row = [];
  for (var j = 0; j <= b.length; j++) row.push(j);
  for (var i = 1; i <= a.length; i++) {
    var next = [i], best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var d = Math.min(row[j] + 1, next[j - 1] + 1, row[j - 1] + cost);
      if (before && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2] + 1);
      }
      next.push(d);
      best = Math.min(best, d);
    }
    if (best > most) return most + 1;
    before = row;
    row = next;
  }
  return row[b.length];
}

/* The word of the list (commonest first) nearest to ``word``: one edit for words of up
   to 4 letters, two for longer; null when none is that near, or the word is the list's. */
export function spelling(word, known) {
  var w = fold(word), most = w.length > 4 ? 2 : 1, best = null, bestDistance = most + 1;
  for (var i = 0; i < known.length; i++) {
    if (known[i] === w) return null;
    var d = distance(w, known[i], Math.min(most, bestDistance - 1));
    if (d < bestDistance) { best = known[i]; bestDistance = d; }
  }
  return best;
}

/* ``query`` with each of its ``missing`` words (found in no paper) spelled as the list
   spells its nearest word; null when none has a near word. */
export function corrected(query, missing, known) {
  var changed = false, out = query;
  missing.forEach(function (word) {
    var better = spelling(word, known);
    if (!better) return;
    var escaped = word.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    out = out.replace(new RegExp("(^|[^\\p{L}\\p{N}])" + escaped + "(?![\\p{L}\\p{N}])", "iu"), "$1" + better);
    changed = true;
  });
  return changed ? out : null;
}
