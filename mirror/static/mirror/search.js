// Search in a mirror copy: no server answers, so this searches the language's index that the
// copy ships next to the search page (search-index.js sets window.mirrorSearchIndex). No
// request leaves the copy. Matching folds case and accents the same way for the query and the
// text (Cyrillic too: "Повестка" finds "повестка", "ё" finds "е"); every word must occur;
// a word in the title counts more than one in the text.
(function () {
  "use strict";
  var box = document.getElementById("mirror-search-results");
  var index = window.mirrorSearchIndex;
  if (!box || !index) return;
  var input = document.getElementById("search-page-q");

  function fold(text) {
    return text.toLocaleLowerCase()
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/ё/g, "е").replace(/ї/g, "і").replace(/ґ/g, "г").replace(/ў/g, "у");
  }

  function words(text) {
    return fold(text).split(/[^\p{L}\p{N}]+/u).filter(function (w) { return w.length > 0; });
  }

  var prepared = index.map(function (entry) {
    return { entry: entry, title: " " + words(entry.title).join(" ") + " ",
             text: " " + words(entry.text || entry.snippet || "").join(" ") + " " };
  });

  function count(haystack, needle) {
    var n = 0, at = haystack.indexOf(needle);
    while (at !== -1 && n < 20) { n += 1; at = haystack.indexOf(needle, at + needle.length); }
    return n;
  }

  function score(item, terms) {
    var total = 0;
    for (var i = 0; i < terms.length; i += 1) {
      var term = terms[i];
      // A word beginning with the term: "повестк" finds "повестка", "повестки".
      var inTitle = count(item.title, " " + term);
      var inText = count(item.text, " " + term);
      if (!inTitle && !inText) return 0;
      total += inTitle * 10 + (item.title.indexOf(" " + term + " ") !== -1 ? 5 : 0) + Math.min(inText, 10);
    }
    return total;
  }

  function show(query) {
    var terms = words(query);
    box.replaceChildren();
    if (!terms.length) return;
    var hits = prepared.map(function (item) { return { item: item, score: score(item, terms) }; })
      .filter(function (hit) { return hit.score > 0; })
      .sort(function (a, b) { return b.score - a.score || a.item.entry.title.localeCompare(b.item.entry.title); });
    var summary = document.createElement("p");
    summary.className = "search-count";
    if (!hits.length) {
      summary.textContent = box.dataset.labelNothing;
      box.appendChild(summary);
      return;
    }
    summary.textContent = hits.length === 1 ? box.dataset.labelCountOne
      : box.dataset.labelCountMany.replace("{n}", String(hits.length));
    box.appendChild(summary);
    var list = document.createElement("ol");
    list.className = "search-results";
    hits.slice(0, 50).forEach(function (hit) {
      var li = document.createElement("li");
      li.className = "search-result";
      var heading = document.createElement("h2");
      var link = document.createElement("a");
      link.href = hit.item.entry.url;
      link.textContent = hit.item.entry.title;
      heading.appendChild(link);
      li.appendChild(heading);
      if (hit.item.entry.snippet) {
        var p = document.createElement("p");
        p.textContent = hit.item.entry.snippet;
        li.appendChild(p);
      }
      list.appendChild(li);
    });
    box.appendChild(list);
  }

  var query = new URLSearchParams(window.location.search).get("q") || "";
  if (input) input.value = query;
  show(query);
})();
