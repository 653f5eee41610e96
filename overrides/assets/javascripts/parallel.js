/* Reading both languages at once. Loaded only when a reader asks for it (or
   asked for it before): fetches this chapter in the other language (one
   same-origin request) and shows each block beside its partner. The build's
   parity check guarantees both pages have the same blocks in the same order,
   so partners pair by position. The quiz stays once, in the page's language;
   code that is the same in both languages is shown once. On a stale translation,
   a block the original no longer has (.stale-block--removed) has no partner, and a
   pair with a stale block is marked in both columns. */
(function () {
  "use strict";

  var KEY = "textbook-parallel";
  var button = document.querySelector(".parallel-toggle");
  var article = document.querySelector("article.md-content__inner");
  if (!button || !article) return;
  var lang = button.dataset.otherLang;
  var other = null;

  function remember(on) {
    try {
      if (on) localStorage.setItem(KEY, "1");
      else localStorage.removeItem(KEY);
    } catch (e) {
      /* storage refused: the choice lasts for this page only */
    }
  }

  // The blocks of a chapter: the article's children, less what belongs to the web page only.
  function blocks(root) {
    return Array.prototype.filter.call(root.children, function (el) {
      return !el.matches("[data-web-only], script, style");
    });
  }

  function single(ours, theirs) {
    if (!theirs || ours.matches("section.quiz") || ours.querySelector("section.quiz")) return true;
    var a = ours.querySelector("pre"), b = theirs.querySelector("pre");
    return !!(a && b && a.textContent === b.textContent && ours.textContent === theirs.textContent);
  }

  // A copy of the other language's block that cannot clash with this page: no ids,
  // no permalinks, glossary terms as plain links, addresses resolved against its own page.
  function partner(el) {
    var copy = document.importNode(el, true);
    var base = new URL(button.dataset.other, location.href);
    copy.querySelectorAll("[src], [href]").forEach(function (x) {
      ["src", "href"].forEach(function (name) {
        var value = x.getAttribute(name);
        if (value && value.charAt(0) !== "#") x.setAttribute(name, new URL(value, base).href);
      });
    });
    copy.setAttribute("lang", lang);
    copy.classList.add("parallel__other");
    [copy].concat(Array.prototype.slice.call(copy.querySelectorAll("[id]"))).forEach(function (x) {
      x.removeAttribute("id");
    });
    copy.querySelectorAll(".headerlink").forEach(function (x) { x.remove(); });
    copy.querySelectorAll("[aria-describedby]").forEach(function (x) {
      x.removeAttribute("aria-describedby");
    });
    return copy;
  }

  // The block at the top of the screen (or the one the address points to) stays
  // where the reader sees it while the page rearranges around it.
  function keepingPlace(change) {
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var target = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var anchor = target && window.scrollY > 0 ? target : null;
    if (!anchor) {
      anchor = Array.prototype.find.call(article.querySelectorAll("h1, h2, h3, h4, h5, h6, p, li"), function (el) {
        return el.getBoundingClientRect().bottom > top && !el.closest(".parallel__other");
      });
    }
    var before = anchor ? anchor.getBoundingClientRect().top : 0;
    change();
    if (anchor) window.scrollBy(0, anchor.getBoundingClientRect().top - before);
  }

  var REMOVED = ".stale-block--removed";
  var STALE = ".stale-block";

  function stale(el) {
    return !!el && (el.matches(STALE) || !!el.querySelector(STALE));
  }

  function show() {
    var theirs = blocks(other.querySelector("article.md-content__inner") || other.body).filter(
      function (el) { return !el.matches(REMOVED); }
    );
    var i = 0;
    blocks(article).forEach(function (ours) {
      var pair = document.createElement("div");
      pair.className = "parallel__pair";
      article.insertBefore(pair, ours);
      pair.appendChild(ours);
      var match = ours.matches(REMOVED) ? null : theirs[i++];
      if (stale(ours) || stale(match)) pair.classList.add("parallel__pair--stale");
      if (!match || single(ours, match)) pair.classList.add("parallel__pair--single");
      else pair.appendChild(partner(match));
    });
    article.classList.add("parallel");
    button.setAttribute("aria-pressed", "true");
  }

  function hide() {
    article.querySelectorAll(".parallel__pair").forEach(function (pair) {
      pair.replaceWith(pair.firstElementChild);
    });
    article.classList.remove("parallel");
    button.setAttribute("aria-pressed", "false");
  }

  function on() {
    button.disabled = true;
    var ready = other
      ? Promise.resolve()
      : fetch(button.dataset.other)
          .then(function (r) { return r.text(); })
          .then(function (html) { other = new DOMParser().parseFromString(html, "text/html"); });
    return ready.then(function () { keepingPlace(show); }, function () { /* offline: stay in one language */ }).then(function () {
      button.disabled = false;
    });
  }

  button.addEventListener("click", function () {
    var next = button.getAttribute("aria-pressed") !== "true";
    remember(next);
    if (next) on();
    else keepingPlace(hide);
  });
  // This script loads when the reader chose both languages, here or on another chapter.
  remember(true);
  on();
})();
