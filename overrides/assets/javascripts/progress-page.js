/* The progress page: scores per chapter, missed questions, review, reset,
   export and import. Loaded only on that page, after quiz.js (window.bookQuiz). */
(function () {
  "use strict";

  var Q = window.bookQuiz;
  var root = document.querySelector("[data-quiz-progress]");
  if (!Q || !root) return;
  var S = JSON.parse(root.dataset.strings);
  var chapters = Array.prototype.map.call(root.querySelectorAll(".quiz-progress__chapter"), function (li) {
    var forms = li.querySelector("template").content.querySelectorAll("form.quiz__question");
    return {
      li: li,
      id: li.dataset.quiz,
      href: li.dataset.href,
      title: li.querySelector(".quiz-progress__title").textContent,
      questions: Array.prototype.map.call(forms, function (form) {
        var legend = form.querySelector(".quiz__legend").cloneNode(true);
        legend.querySelector(".quiz__number").remove();
        return { id: form.dataset.question, v: form.dataset.version, dom: form.id, text: legend.textContent.trim() };
      })
    };
  });
  var $ = function (sel) { return root.querySelector(sel); };
  var message = $(".quiz-progress__message");
  var fill = function (text, values) {
    return text.replace(/\{(\w+)\}/g, function (_, k) { return values[k]; });
  };

  // Stored answers that still match their question, per chapter.
  function current(chapter) {
    var saved = Q.load(chapter.id);
    return chapter.questions.filter(function (q) {
      return saved[q.id] && saved[q.id].v === q.v;
    }).map(function (q) { return { q: q, ok: saved[q.id].ok, back: saved[q.id].back }; });
  }

  // Spacing: a missed question is asked at every session; answered right there,
  // it comes back once more AGAIN later ("back" in its saved answer), and leaves
  // the queue when answered right again. Any new answer on the chapter replaces it.
  var AGAIN = 3 * 24 * 3600 * 1000;

  function reviewed(filter) {
    var queue = [];
    var now = Date.now();
    chapters.forEach(function (chapter) {
      current(chapter).forEach(function (e) {
        if (filter(e.ok, e.back, now)) queue.push({ chapter: chapter, q: e.q, check: e.ok, back: e.back });
      });
    });
    return queue;
  }

  function missed() {
    return reviewed(function (ok, back, now) { return !ok || (back && back <= now); });
  }

  function later() {
    return reviewed(function (ok, back, now) { return ok && back > now; });
  }

  /* ---- Chapters --------------------------------------------------------- */

  // Answers to changed or removed questions are dropped, as on a chapter page,
  // so that the nav marks count only answers that still hold.
  function tidy() {
    chapters.forEach(function (chapter) {
      var saved = Q.load(chapter.id);
      var kept = {};
      current(chapter).forEach(function (e) { kept[e.q.id] = saved[e.q.id]; });
      if (Object.keys(kept).length !== Object.keys(saved).length) Q.save(chapter.id, kept);
    });
  }

  function render() {
    chapters.forEach(function (chapter) {
      var done = current(chapter);
      var total = chapter.questions.length;
      var correct = done.filter(function (e) { return e.ok; }).length;
      var text = !done.length ? S.untouched : done.length < total ? S.started : S.done;
      chapter.li.querySelector(".quiz-progress__status").textContent =
        fill(text, { answered: done.length, correct: correct, total: total });
      var wrong = done.filter(function (e) { return !e.ok; });
      var box = chapter.li.querySelector(".quiz-progress__missed");
      box.hidden = !wrong.length;
      box.querySelector("ul").replaceChildren.apply(box.querySelector("ul"), wrong.map(function (e) {
        var item = document.createElement("li");
        var link = document.createElement("a");
        link.href = chapter.href + "#" + e.q.dom;
        link.textContent = e.q.text;
        item.appendChild(link);
        return item;
      }));
      chapter.li.querySelector(".quiz-progress__reset").hidden = !done.length;
    });
    var count = missed().length;
    var waiting = later();
    var first = Math.min.apply(null, waiting.map(function (item) { return item.back; }));
    var date = new Date(first).toLocaleDateString(document.documentElement.lang);
    $(".quiz-progress__queue").textContent = count ? fill(S.queue, { count: count })
      : waiting.length ? fill(S.queue_later, { count: waiting.length, date: date }) : S.queue_empty;
    if (!session) $(".quiz-progress__start").hidden = !count;
  }

  /* ---- Review ----------------------------------------------------------- */

  var session = null;
  var saving = false;

  function ask() {
    var item = session.queue[session.at];
    var section = item.chapter.li.querySelector("template").content.querySelector("section.quiz").cloneNode(true);
    section.querySelectorAll("form.quiz__question").forEach(function (form) {
      if (form.dataset.question !== item.q.id) form.remove();
    });
    section.querySelector(".quiz__summary").remove();
    section.dataset.quizMounted = "true";
    // Links in the question point into the chapter, not at this page.
    var base = new URL(item.chapter.href, location.href);
    section.querySelectorAll("a[href]").forEach(function (a) {
      a.href = new URL(a.getAttribute("href"), base).href;
    });
    var from = $(".quiz-progress__from");
    var link = document.createElement("a");
    link.href = item.chapter.href;
    link.textContent = item.chapter.title;
    from.replaceChildren(fill(S.position, { n: session.at + 1, count: session.queue.length }) + " · " + S.from, link);
    $(".quiz-progress__question").replaceChildren(section);
    $(".quiz-progress__next").hidden = true;
    new Q.Quiz(section, true).mount();
    from.focus();
  }

  function answered(event) {
    if (saving || !session || event.detail !== session.queue[session.at].chapter.id) return;
    var item = session.queue[session.at];
    var saved = Q.load(item.chapter.id);
    var entry = saved[item.q.id];
    if (entry && entry.ok) {
      if (!item.right) session.right += 1;
      item.right = true;
      // Right after a miss: once more later. Right at that check: it leaves.
      if (!item.check) {
        entry.back = Date.now() + AGAIN;
        saving = true;  // this save is announced too
        try { Q.save(item.chapter.id, saved); } finally { saving = false; }
      }
    }
    $(".quiz-progress__next").hidden = false;
  }

  function next() {
    session.at += 1;
    if (session.at < session.queue.length) return ask();
    var left = missed().length;
    message.textContent = fill(S.finished, { right: session.right, left: left });
    session = null;
    $(".quiz-progress__session").hidden = true;
    render();
    var start = $(".quiz-progress__start");
    (start.hidden ? $(".quiz-progress__queue") : start).focus();
  }

  /* ---- Reset, export, import -------------------------------------------- */

  // The reset button disappears with the answers: keep the keyboard's place.
  function resetChapter(chapter) {
    if (!window.confirm(fill(S.confirm_chapter, { title: chapter.title }))) return;
    Q.save(chapter.id, {});
    message.textContent = fill(S.cleared_chapter, { title: chapter.title });
    chapter.li.querySelector(".quiz-progress__title").focus();
  }

  function quizKeys() {
    var keys = [];
    try {
      for (var i = 0; Q.store && i < Q.store.length; i++) {
        var key = Q.store.key(i);
        if (key.indexOf(Q.prefix) === 0 && key.charAt(Q.prefix.length) !== ":" && key !== Q.prefix + "probe") {
          keys.push(key.slice(Q.prefix.length));
        }
      }
    } catch (e) { /* no storage: nothing to list */ }
    return keys;
  }

  function resetAll() {
    if (!window.confirm(S.confirm_all)) return;
    quizKeys().forEach(function (id) { Q.save(id, {}); });
    message.textContent = S.cleared_all;
  }

  function exportFile() {
    var data = { format: "textbook-quiz-progress", version: 1, seed: null, quizzes: {} };
    try { data.seed = Q.store && Q.store.getItem(Q.prefix + ":seed"); } catch (e) { /* none */ }
    quizKeys().forEach(function (id) { data.quizzes[id] = Q.load(id); });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(new Blob([JSON.stringify(data, null, 1)], { type: "application/json" }));
    link.download = "textbook-progress.json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  // Answers whose question changed since the export are dropped, as on a chapter page.
  function importData(data) {
    if (!data || data.format !== "textbook-quiz-progress" || typeof data.quizzes !== "object") {
      message.textContent = S.bad_file;
      return;
    }
    var kept = 0;
    var dropped = 0;
    chapters.forEach(function (chapter) {
      var incoming = data.quizzes[chapter.id] || {};
      var saved = Q.load(chapter.id);
      chapter.questions.forEach(function (q) {
        var entry = incoming[q.id];
        if (!entry) return;
        if (entry.v === q.v) { saved[q.id] = entry; kept += 1; } else { dropped += 1; }
      });
      if (data.quizzes[chapter.id]) Q.save(chapter.id, saved);
    });
    try { if (data.seed && Q.store) Q.store.setItem(Q.prefix + ":seed", String(data.seed)); } catch (e) { /* none */ }
    message.textContent = fill(S.imported, { kept: kept, dropped: dropped });
  }

  function importFile(input) {
    var file = input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      var data = null;
      try { data = JSON.parse(text); } catch (e) { /* reported below */ }
      importData(data);
      input.value = "";
    });
  }

  /* ---- Wiring ----------------------------------------------------------- */

  $(".quiz-progress__note").textContent = Q.store ? "" : S.no_storage;
  $(".quiz-progress__note").hidden = !!Q.store;
  $(".quiz-progress__app").hidden = false;
  chapters.forEach(function (chapter) {
    chapter.li.querySelector(".quiz-progress__reset").addEventListener("click", function () { resetChapter(chapter); });
  });
  $(".quiz-progress__reset-all").addEventListener("click", resetAll);
  $(".quiz-progress__start").addEventListener("click", function () {
    session = { queue: missed(), at: 0, right: 0 };
    if (!session.queue.length) { session = null; return; }
    message.textContent = "";
    $(".quiz-progress__start").hidden = true;
    $(".quiz-progress__session").hidden = false;
    ask();
  });
  $(".quiz-progress__next").addEventListener("click", next);
  $(".quiz-progress__export").addEventListener("click", exportFile);
  $(".quiz-progress__import").addEventListener("change", function (e) { importFile(e.target); });
  document.addEventListener("quiz:saved", function (event) { answered(event); render(); });
  window.addEventListener("storage", render);
  window.addEventListener("pageshow", function (event) { if (event.persisted) render(); });
  tidy();
  render();
})();
