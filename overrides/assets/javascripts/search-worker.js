/* Material's search box, answered by Pagefind.

   Material starts this worker on every page (its URL is config.search, set in
   page.js) and speaks to it in four messages: SETUP 0,
   READY 1, QUERY 2, RESULT 3. This worker is ready at once and loads nothing
   until the first query that is not empty; then Pagefind fetches its code and
   only the index chunks and pages that query needs. */

var READY = 1;
var QUERY = 2;
var RESULT = 3;
// Pages shown with their passages: each costs one fetch of the page's text
// (4-5 KiB gzip for a chapter), so a first search stays small.
var SHOWN = 6;

var params = new URL(self.location.href).searchParams;
var root = new URL("../../", self.location.href);
var pagefind = null;
var latest = 0;

// Pagefind reads the language from <html lang>, which a worker does not have.
self.document = {
  currentScript: null,
  querySelector: function () {
    return { getAttribute: function () { return params.get("lang"); } };
  },
};

function load() {
  if (!pagefind) {
    pagefind = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
      return pf.options({ baseUrl: root.pathname, excerptLength: 24 }).then(function () {
        return pf;
      });
    });
  }
  return pagefind;
}

// The words Pagefind marked in the passages, for the target page to highlight.
function marked(excerpts) {
  var terms = {};
  excerpts.join(" ").replace(/<mark>([^<]*)<\/mark>/g, function (_, text) {
    (text.match(/[\p{L}\p{N}]+/gu) || []).forEach(function (word) {
      terms[word.toLowerCase()] = true;
    });
  });
  return terms;
}

// One Material result: the page with its best passage, then its sections,
// folded under "more on this page": a match in a heading weighs more than one
// in the text (Pagefind's weights), so those sections come first.
function group(page, rank) {
  var score = 1000 - rank;
  var sections = page.sub_results.filter(function (sub) {
    return sub.anchor && sub.anchor.element !== "h1";
  });
  sections.sort(function (a, b) { return weight(b) - weight(a); });
  var terms = marked([page.excerpt].concat(sections.map(function (s) { return s.excerpt; })));
  var article = { location: page.url, title: page.meta.title, text: page.excerpt, score: score, terms: terms };
  return [article].concat(sections.map(function (sub, i) {
    return { location: sub.url, title: sub.title, text: sub.excerpt, score: score - 1 + 1 / (i + 2), terms: terms };
  }));
}

function weight(section) {
  return (section.weighted_locations || []).reduce(function (sum, l) { return sum + l.weight; }, 0);
}

function answer(id, items) {
  if (id === latest) self.postMessage({ type: RESULT, data: { items: items } });
}

self.onmessage = function (event) {
  var message = event.data;
  if (message.type !== QUERY) {
    self.postMessage({ type: READY });
    return;
  }
  var id = ++latest;
  var query = message.data.trim();
  if (!query) return answer(id, []);
  load()
    .then(function (pf) { return pf.search(query); })
    .then(function (search) {
      if (id !== latest) return [];
      return Promise.all(search.results.slice(0, SHOWN).map(function (r) { return r.data(); }));
    })
    .then(function (pages) { answer(id, pages.map(group)); })
    .catch(function (error) {
      answer(id, []);
      throw error;
    });
};

self.postMessage({ type: READY });
