/* Quiz marks in the nav: untouched, in progress or complete (with the score).
   The build writes which page holds which quiz into this tag's data-quiz-nav.
   The mark is aria-hidden; a visually hidden text says the same to screen
   readers as part of the link, without any live announcement. */
(function () {
  "use strict";

  var tag = document.currentScript;
  var data = JSON.parse(tag.dataset.quizNav);
  var root = new URL("../../", tag.src);
  var byHref = {};
  Object.keys(data.q).forEach(function (url) { byHref[new URL(url, root).href] = data.q[url]; });
  var HIDDEN = "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap";

  function progress(id) {
    try {
      return JSON.parse(localStorage.getItem("textbook-quiz:" + id)) || {};
    } catch (e) {
      return {};
    }
  }

  function span(text, css, hidden) {
    var s = document.createElement("span");
    s.className = "quiz-mark";
    s.style.cssText = css;
    if (hidden) s.setAttribute("aria-hidden", "true");
    s.textContent = text;
    return s;
  }

  function mark() {
    document.querySelectorAll("a.md-nav__link").forEach(function (a) {
      var quiz = byHref[a.href];
      if (!quiz) return;
      var saved = progress(quiz[0]);
      var keys = Object.keys(saved);
      var n = { answered: Math.min(keys.length, quiz[1]), total: quiz[1], correct: keys.filter(function (k) { return saved[k].ok; }).length };
      var state = !n.answered ? 0 : n.answered < n.total ? 1 : 2;
      var shown = ["○", "◐ " + n.answered + "/" + n.total, "✓ " + n.correct + "/" + n.total][state];
      a.querySelectorAll(".quiz-mark").forEach(function (old) { old.remove(); });
      a.append(
        span(shown, "margin-left:auto;padding-left:.4em;white-space:nowrap", true),
        span(", " + data.s[state].replace(/\{(\w+)\}/g, function (_, k) { return n[k]; }), HIDDEN)
      );
    });
  }

  mark();
  document.addEventListener("quiz:saved", mark);
  window.addEventListener("storage", mark);
  window.addEventListener("pageshow", function (event) { if (event.persisted) mark(); });
})();
