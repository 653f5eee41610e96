/* Quiz marks in the nav: untouched, in progress or complete (with the score).
   The build writes which page holds which quiz into this tag's data-quiz-nav:
   {q: {page URL: [quiz id, questions]}, s: [three texts]}. The mark is
   aria-hidden; a visually hidden text says the same as part of the link, with
   no live announcement. Kept tiny: it loads on every page. */
(function () {
  var tag = document.currentScript;
  var data = JSON.parse(tag.dataset.quizNav);
  var quizzes = {};
  for (var url in data.q) quizzes[new URL(url, new URL("../../", tag.src)).href] = data.q[url];

  function span(text, css) {
    var s = document.createElement("span");
    s.className = "quiz-mark";
    s.style.cssText = css;
    s.textContent = text;
    return s;
  }

  function mark() {
    document.querySelectorAll("a.md-nav__link").forEach(function (a) {
      var quiz = quizzes[a.href];
      if (!quiz) return;
      var saved = {};
      try {
        saved = JSON.parse(localStorage.getItem("textbook-quiz:" + quiz[0])) || {};
      } catch (e) { /* nothing saved */ }
      var keys = Object.keys(saved);
      var n = { answered: Math.min(keys.length, quiz[1]), total: quiz[1], correct: 0 };
      keys.forEach(function (k) { n.correct += saved[k].ok ? 1 : 0; });
      // Answers to a question since removed are pruned on the chapter's page; until
      // then the score never claims more than the quiz has.
      n.correct = Math.min(n.correct, n.answered);
      var state = !n.answered ? 0 : n.answered < n.total ? 1 : 2;
      var shown = span(["○", "◐ " + n.answered, "✓ " + n.correct][state] + (state ? "/" + n.total : ""),
        "margin-left:auto;padding-left:.4em;white-space:nowrap");
      shown.setAttribute("aria-hidden", "true");
      a.querySelectorAll(".quiz-mark").forEach(function (old) { old.remove(); });
      a.append(shown, span(", " + data.s[state].replace(/\{(\w+)\}/g, function (_, k) { return n[k]; }),
        "position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)"));
    });
  }

  // Material's document$ emits now and after every in-site navigation.
  if (window.document$) window.document$.subscribe(mark); else mark();
  document.addEventListener("quiz:saved", mark);
  addEventListener("storage", mark);
  addEventListener("pageshow", function (e) { if (e.persisted) mark(); });
})();
