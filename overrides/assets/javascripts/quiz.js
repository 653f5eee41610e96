/* Chapter quizzes: checking, feedback, score, saved progress and each reader's
   option order. window.bookQuiz lends the same code to the progress page.
   The server-rendered HTML already works without this script (answers sit in
   <details>); this only adds behaviour, and leaves unknown markup alone. */
(function () {
  "use strict";

  var PREFIX = "textbook-quiz:";

  // localStorage may be missing, disabled or throwing: then nothing is saved.
  var store = (function () {
    try {
      var s = window.localStorage;
      s.setItem(PREFIX + "probe", "1");
      s.removeItem(PREFIX + "probe");
      return s;
    } catch (e) {
      return null;
    }
  })();

  function load(quizId) {
    try {
      return (store && JSON.parse(store.getItem(PREFIX + quizId))) || {};
    } catch (e) {
      return {};
    }
  }

  function save(quizId, progress) {
    try {
      if (store) store.setItem(PREFIX + quizId, JSON.stringify(progress));
    } catch (e) {
      /* full or revoked: keep going without saving */
    }
    // The nav marks and the progress page listen.
    document.dispatchEvent(new CustomEvent("quiz:saved", { detail: quizId }));
  }

  /* ---- Option order ----------------------------------------------------- */

  // One random seed per reader ("::" cannot start a quiz id); none without storage.
  function seed() {
    try {
      var value = store && store.getItem(PREFIX + ":seed");
      if (store && !value) {
        value = String(Math.random()).slice(2);
        store.setItem(PREFIX + ":seed", value);
      }
      return value || null;
    } catch (e) {
      return null;
    }
  }

  // FNV-1a of (seed, quiz, question) seeds a small PRNG (mulberry32): the same
  // question gets the same order in every language and on every visit.
  function shuffle(form, quizId) {
    var s = seed();
    var box = form.querySelector(".quiz__options");
    if (!s || !box || form.hasAttribute("data-pinned")) return;
    var h = 2166136261;
    var key = s + "/" + quizId + "/" + form.dataset.question;
    for (var i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
    var random = function () {
      h = (h + 0x6d2b79f5) | 0;
      var t = Math.imul(h ^ (h >>> 15), 1 | h);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    var order = Array.prototype.map.call(box.children, function (_, n) { return n; });
    for (var j = order.length - 1; j > 0; j--) {
      var k = Math.floor(random() * (j + 1));
      var swap = order[j]; order[j] = order[k]; order[k] = swap;
    }
    // Inputs keep their authored value: a stored answer means the same option.
    [box, form.querySelector(".quiz__explanations")].forEach(function (list) {
      var items = Array.prototype.slice.call(list.children);
      order.forEach(function (n) { list.appendChild(items[n]); });
    });
  }

  /* ---- Answers ---------------------------------------------------------- */

  function normalize(text) {
    return text.normalize("NFKC").trim().toLowerCase().replace(/\s+/g, " ").replace(/[.。!！]$/, "");
  }

  // "3", "3.0", "$3", "3 美元" -> 3; text with no number or several -> null.
  function numberIn(text) {
    var found = text.normalize("NFKC").replace(/(\d),(?=\d{3}\b)/g, "$1").match(/[-+]?\d*\.?\d+/g);
    return found && found.length === 1 ? parseFloat(found[0]) : null;
  }

  function inputs(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input[name=answer]"));
  }

  function readAnswer(form) {
    if (form.dataset.type === "short") {
      var value = inputs(form)[0].value;
      return value.trim() ? value : null;
    }
    var chosen = inputs(form).filter(function (i) { return i.checked; }).map(function (i) { return Number(i.value); });
    return chosen.length ? chosen : null;
  }

  function isCorrect(form, answer) {
    if (form.dataset.type === "short") {
      var accept = JSON.parse(form.dataset.accept);
      var n = numberIn(answer);
      return (n !== null && accept.numbers.some(function (a) { return Math.abs(a - n) <= accept.tolerance + 1e-9; })) ||
        accept.texts.some(function (t) { return normalize(t) === normalize(answer); });
    }
    var key = Array.prototype.map.call(form.querySelectorAll("[data-option][data-correct]"), function (li) {
      return Number(li.dataset.option);
    });
    return key.length === answer.length && key.every(function (k) { return answer.indexOf(k) !== -1; });
  }

  function showAnswer(form, answer) {
    if (form.dataset.type === "short") {
      inputs(form)[0].value = answer;
    } else {
      inputs(form).forEach(function (i) { i.checked = answer.indexOf(Number(i.value)) !== -1; });
    }
  }

  /* ---- Feedback --------------------------------------------------------- */

  function copyOf(node) {
    var copy = node.cloneNode(true);
    copy.classList.add("quiz__feedback-part");
    return copy;
  }

  function renderFeedback(form, answer, correct, strings) {
    var box = form.querySelector(".quiz__feedback");
    var verdict = document.createElement("p");
    verdict.className = "quiz__verdict-line " + (correct ? "quiz__verdict-line--right" : "quiz__verdict-line--wrong");
    verdict.textContent = correct ? strings.correct : strings.incorrect;
    var parts = [verdict];
    if (form.dataset.type !== "short") {
      answer.forEach(function (index) {
        var why = form.querySelector('[data-option="' + index + '"] .quiz__option-why');
        if (why) parts.push(copyOf(why));
      });
    }
    parts.push(copyOf(form.querySelector(".quiz__explanation")));
    var section = form.querySelector(".quiz__section");
    if (section) parts.push(copyOf(section));
    box.replaceChildren.apply(box, parts);
    form.classList.toggle("quiz__question--right", correct);
    form.classList.toggle("quiz__question--wrong", !correct);
    form.querySelector(".quiz__retry").hidden = correct;
    inputs(form).forEach(function (i) {
      var option = i.closest(".quiz__option");
      if (!option) return;
      var chosen = answer.indexOf(Number(i.value)) !== -1;
      option.classList.toggle("quiz__option--chosen-right", chosen && correct);
      option.classList.toggle("quiz__option--chosen-wrong", chosen && !correct);
    });
  }

  function clearFeedback(form) {
    form.querySelector(".quiz__feedback").replaceChildren();
    form.classList.remove("quiz__question--right", "quiz__question--wrong");
    form.querySelector(".quiz__retry").hidden = true;
    form.querySelectorAll(".quiz__option").forEach(function (o) {
      o.classList.remove("quiz__option--chosen-right", "quiz__option--chosen-wrong");
    });
  }

  /* ---- One quiz --------------------------------------------------------- */

  // review: asked again from the progress page (no score, a retry keeps the record).
  function Quiz(section, review) {
    this.review = review;
    this.section = section;
    this.id = section.dataset.quiz;
    this.strings = JSON.parse(section.dataset.quizStrings);
    this.forms = Array.prototype.slice.call(section.querySelectorAll("form.quiz__question"));
  }

  Quiz.prototype.mount = function () {
    var quiz = this;
    quiz.forms.forEach(function (form) {
      shuffle(form, quiz.id);
      form.querySelector(".quiz__actions").hidden = false;
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        quiz.check(form);
      });
      form.querySelector(".quiz__retry").addEventListener("click", function () {
        quiz.forget(form);
        var first = inputs(form)[0];
        if (first) first.focus();
      });
    });
    if (quiz.review) return;
    var summary = quiz.section.querySelector(".quiz__summary");
    summary.hidden = false;
    summary.querySelector(".quiz__reset").addEventListener("click", function () { quiz.reset(); });
    if (!store) {
      var note = document.createElement("p");
      note.className = "quiz__note";
      note.textContent = quiz.strings.no_storage;
      summary.appendChild(note);
    }
    quiz.sync();
  };

  Quiz.prototype.check = function (form) {
    var answer = readAnswer(form);
    var box = form.querySelector(".quiz__feedback");
    if (answer === null) {
      box.textContent = this.strings.choose_first;
      return;
    }
    var correct = isCorrect(form, answer);
    renderFeedback(form, answer, correct, this.strings);
    var progress = load(this.id);
    progress[form.dataset.question] = { v: form.dataset.version, a: answer, ok: correct };
    save(this.id, progress);
    if (!this.review) this.score(progress);
  };

  Quiz.prototype.forget = function (form) {
    showAnswer(form, form.dataset.type === "short" ? "" : []);
    clearFeedback(form);
    if (this.review) return;
    var progress = load(this.id);
    delete progress[form.dataset.question];
    save(this.id, progress);
    this.score(progress);
  };

  Quiz.prototype.reset = function () {
    var quiz = this;
    save(quiz.id, {});
    quiz.forms.forEach(function (form) {
      showAnswer(form, form.dataset.type === "short" ? "" : []);
      clearFeedback(form);
    });
    quiz.score({});
    var first = quiz.forms[0] && inputs(quiz.forms[0])[0];
    if (first) first.focus();
  };

  // Apply saved progress; answers to questions that have changed are dropped.
  Quiz.prototype.sync = function () {
    var quiz = this;
    var progress = load(quiz.id);
    var current = {};
    quiz.forms.forEach(function (form) {
      var saved = progress[form.dataset.question];
      if (saved && saved.v === form.dataset.version) {
        current[form.dataset.question] = saved;
        showAnswer(form, saved.a);
        renderFeedback(form, saved.a, isCorrect(form, saved.a), quiz.strings);
      } else {
        clearFeedback(form);
      }
    });
    var known = Object.keys(progress).length;
    if (known !== Object.keys(current).length) save(quiz.id, current);
    quiz.score(current);
  };

  Quiz.prototype.score = function (progress) {
    var answered = 0;
    var correct = 0;
    this.forms.forEach(function (form) {
      var saved = progress[form.dataset.question];
      if (saved) {
        answered += 1;
        if (saved.ok) correct += 1;
      }
    });
    this.section.querySelector(".quiz__score").textContent = this.strings.score
      .replace("{correct}", correct)
      .replace("{total}", this.forms.length)
      .replace("{answered}", answered);
  };

  /* ---- Mounting --------------------------------------------------------- */

  var mounted = [];
  window.bookQuiz = { Quiz: Quiz, load: load, save: save, store: store, prefix: PREFIX };

  function mountAll() {
    document.querySelectorAll("section.quiz[data-quiz]").forEach(function (section) {
      if (section.dataset.quizMounted) return;
      section.dataset.quizMounted = "true";
      var quiz = new Quiz(section);
      mounted = mounted.filter(function (q) { return document.contains(q.section); });
      mounted.push(quiz);
      quiz.mount();
    });
  }

  // Material's document$ emits on load and after every in-site navigation.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(mountAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", mountAll);
  } else {
    mountAll();
  }

  // Back/forward cache: progress may have changed on another page meanwhile.
  window.addEventListener("pageshow", function (event) {
    if (event.persisted) mounted.forEach(function (quiz) { quiz.sync(); });
  });

  // Printouts show every answer.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".quiz__answer").forEach(function (d) { d.open = true; });
  });
})();
