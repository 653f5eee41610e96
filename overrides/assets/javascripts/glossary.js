/* Glossary tips: hovering, focusing or tapping a marked term shows its form in
   the other language and its definition. Screen readers already read the tip
   through the term's aria-describedby, so the visible copy is aria-hidden.
   Without this script a term is a plain link to its glossary entry. */
(function () {
  "use strict";

  var popup = null;
  var shownFor = null;
  var touch = false;
  var tapped = null; // the term whose tip a tap opened: the next tap on it follows the link

  function term(target) {
    return target && target.closest ? target.closest("a.term[aria-describedby]") : null;
  }

  function show(link) {
    var tip = document.getElementById(link.getAttribute("aria-describedby"));
    if (!tip) return;
    if (!popup) {
      popup = document.createElement("div");
      popup.className = "term-popup";
      popup.setAttribute("aria-hidden", "true");
      document.body.appendChild(popup);
    }
    popup.innerHTML = tip.innerHTML;
    popup.hidden = false;
    // Placed over the page below the term, inside the viewport: nothing moves.
    var box = link.getBoundingClientRect();
    var width = Math.min(popup.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    popup.style.left = left + window.scrollX + "px";
    popup.style.top = box.bottom + window.scrollY + 6 + "px";
    shownFor = link;
  }

  function hide() {
    if (popup) popup.hidden = true;
    shownFor = tapped = null;
  }

  document.addEventListener("mouseover", function (e) {
    if (touch) return; // a tap also sends mouse events: the click handler decides
    var link = term(e.target);
    if (link && link !== shownFor) show(link);
    else if (!link && shownFor && !(popup && popup.contains(e.target))) hide();
  });
  document.addEventListener("focusin", function (e) {
    var link = term(e.target);
    if (link) show(link);
    else hide();
  });
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && shownFor) hide();
  });
  document.addEventListener("pointerdown", function (e) {
    touch = e.pointerType === "touch";
  });
  // On a touch screen the first tap on a term shows its tip; a second tap follows the link.
  document.addEventListener("click", function (e) {
    var link = term(e.target);
    if (link && touch && link !== tapped) {
      e.preventDefault();
      show(link);
      tapped = link;
    } else if (!link && shownFor) {
      hide();
    }
  });
})();
