/* Highlights the words a search result was opened for (?h=...), as Material
   does with its own index: Material's worker is replaced by Pagefind's
   (search-worker.js), so its highlighter never runs. Loaded only on such
   visits, by page.js. */
(function () {
  var words = (new URLSearchParams(location.search).get("h") || "").split(/\s+/).filter(Boolean);
  var content = document.querySelector("[data-md-component=content]");
  if (!words.length || !content) return;
  var pattern = new RegExp(
    "(" + words.map(function (w) { return w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }).join("|") + ")",
    "gi"
  );
  var walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
  var nodes = [];
  for (var node = walker.nextNode(); node; node = walker.nextNode()) {
    if (pattern.test(node.nodeValue) && !node.parentElement.closest("script, style, mark")) nodes.push(node);
    pattern.lastIndex = 0;
  }
  nodes.forEach(function (node) {
    var parts = node.nodeValue.split(pattern);
    var fragment = document.createDocumentFragment();
    parts.forEach(function (part, i) {
      if (i % 2) {
        var mark = document.createElement("mark");
        mark.setAttribute("data-md-highlight", "");
        mark.textContent = part;
        fragment.appendChild(mark);
      } else if (part) {
        fragment.appendChild(document.createTextNode(part));
      }
    });
    node.replaceWith(fragment);
  });
})();
