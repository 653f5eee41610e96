/* Every page: the few things its HTML cannot do alone. Loaded in main.html's config
   block, before Material's bundle, which reads its configuration and the alternate links
   at start; the values the templates know come as the script tag's data attributes. */
(function (script) {
  "use strict";

  // Search: Material's box and dialog, answered by Pagefind from search-worker.js (set as
  // Material's search worker, with the page's language). Material fetches its whole index
  // on any page with a form named "search": without the name it fetches nothing, and the
  // worker loads Pagefind only when the reader searches. The dialog gets its accessible
  // name here; a page opened from a result loads the highlighter.
  var config = document.getElementById("__config");
  if (config) {
    var settings = JSON.parse(config.textContent);
    settings.search = script.dataset.searchWorker;
    config.textContent = JSON.stringify(settings);
  }
  var form = document.forms.search;
  if (form) {
    form.removeAttribute("name");
    form.closest("[role=dialog]").setAttribute("aria-label", script.dataset.searchLabel);
  }
  if (/[?&]h=/.test(location.search)) {
    var highlight = document.createElement("script");
    highlight.src = script.dataset.searchHighlight;
    document.body.appendChild(highlight);
  }

  // Material fetches sitemap.xml next to every <link rel=alternate> to rebuild the
  // switcher's links, which already point page to page: with per-page alternates every
  // fetch is a 404. Crawlers read the links from the HTML.
  document.querySelectorAll("link[rel=alternate][hreflang]").forEach(function (link) {
    link.remove();
  });

  // Switching language keeps the reader's place. Both languages of a page have the same
  // blocks in the same order (the build checks it) and share section ids: the switcher's
  // link gets the id of the heading at the top of the screen, or else the position of the
  // block there (#block-N), which the other page scrolls to. The blocks are the article's
  // children less what belongs to the web page only, as in parallel.js.
  var SKIP = "[data-web-only], script";

  function blocks() {
    var article = document.querySelector("article.md-content__inner");
    return article
      ? [].filter.call(article.children, function (el) {
          return !el.matches(SKIP);
        })
      : [];
  }

  function top() {
    var header = document.querySelector(".md-header");
    return (header ? header.getBoundingClientRect().bottom : 0) + 8;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("a.md-select__link[hreflang]");
    if (!link) return;
    var line = top(),
      list = blocks(),
      index = list.findIndex(function (block) {
        return block.getBoundingClientRect().bottom > line;
      }),
      block = list[index];
    if (index < 1) {
      link.hash = "";
      return;
    }
    var heading = block.matches("h2,h3,h4,h5,h6")
      ? block
      : block.querySelector(":scope > :is(h2,h3,h4,h5,h6)");
    link.hash =
      heading && heading.id && heading.getBoundingClientRect().top >= line - 16
        ? heading.id
        : "block-" + index;
  });

  var wanted = /^#block-(\d+)$/.exec(location.hash),
    target = wanted && blocks()[+wanted[1]];
  if (target) window.scrollTo(0, target.getBoundingClientRect().top + window.scrollY - top());

  // parallel.js loads only when the reader asks for both languages (now or before); the
  // switch is hidden until here, so without JavaScript there is no dead control.
  var toggle = document.querySelector(".parallel-toggle");
  if (toggle) {
    toggle.parentNode.hidden = false;
    var load = function () {
      var script = document.createElement("script");
      script.src = toggle.dataset.script;
      document.body.appendChild(script);
    };
    var on;
    try {
      on = localStorage.getItem("textbook-parallel") === "1";
    } catch (e) {
      /* storage refused: the view starts single */
    }
    if (on) load();
    else toggle.addEventListener("click", load, { once: true });
  }
})(document.currentScript);
