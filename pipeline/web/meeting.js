// Highlight the evidence of a record value in the article text: on hover, focus or click.
// On a narrow screen (the article below the values) a click also shows the evidence passage in a
// sheet fixed at the bottom of the screen, so it is seen without scrolling away from the value.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var sheet = document.getElementById("evidence-sheet");
  var passage = document.getElementById("evidence-text");
  var narrow = window.matchMedia("(max-width: 48rem)");
  var CONTEXT = 160;  // characters of text shown each side of the evidence in the sheet
  var current = null;

  function segment(i) { return text.querySelector('[data-seg="' + i + '"]'); }

  function show(button, scroll) {
    if (current) { current.classList.remove("active"); }
    text.querySelectorAll(".hl").forEach(function (seg) { seg.classList.remove("hl"); });
    var from = Number(button.dataset.from), to = Number(button.dataset.to), first = null;
    for (var i = from; i <= to; i++) {
      var seg = segment(i);
      if (seg) { seg.classList.add("hl"); first = first || seg; }
    }
    button.classList.add("active");
    current = button;
    if (scroll && narrow.matches && sheet) {
      openSheet(from, to);
      keepAbove(button);
    } else if (scroll && first) {
      first.scrollIntoView({ block: "center", behavior: "smooth" });
    }
  }

  // The text of the segments before `from` (or after `to`), up to CONTEXT characters, cut at a line break.
  function around(from, to, before) {
    var out = "", i = before ? from - 1 : to + 1, seg;
    while (out.length < CONTEXT && (seg = segment(i))) {
      out = before ? seg.textContent + out : out + seg.textContent;
      i += before ? -1 : 1;
    }
    if (before) {
      out = out.slice(-CONTEXT);
      var start = out.lastIndexOf("\n");
      return start >= 0 ? out.slice(start + 1) : "…" + out;
    }
    out = out.slice(0, CONTEXT);
    var end = out.indexOf("\n");
    return end >= 0 ? out.slice(0, end) : out + "…";
  }

  function openSheet(from, to) {
    var mark = document.createElement("mark");
    mark.className = "hl";
    for (var i = from; i <= to; i++) { var seg = segment(i); if (seg) { mark.textContent += seg.textContent; } }
    passage.replaceChildren(document.createTextNode(around(from, to, true)), mark,
                            document.createTextNode(around(from, to, false)));
    sheet.hidden = false;
    document.body.classList.add("sheet-open");
    passage.scrollTop = Math.max(0, mark.offsetTop - passage.offsetTop - passage.clientHeight / 3);
  }

  // Scroll the page just enough that the clicked value is not hidden under the sheet.
  function keepAbove(button) {
    var hidden = button.getBoundingClientRect().bottom - (window.innerHeight - sheet.offsetHeight) + 8;
    if (hidden > 0) { window.scrollBy(0, hidden); }
  }

  function closeSheet() {
    if (!sheet) { return; }
    sheet.hidden = true;
    document.body.classList.remove("sheet-open");
  }

  document.querySelectorAll("button.ev").forEach(function (button) {
    button.addEventListener("mouseenter", function () { show(button, false); });
    button.addEventListener("focus", function () { show(button, false); });
    button.addEventListener("click", function () { show(button, true); });
  });
  if (sheet) {
    document.getElementById("evidence-close").addEventListener("click", closeSheet);
    document.addEventListener("keydown", function (event) { if (event.key === "Escape") { closeSheet(); } });
    narrow.addEventListener("change", function () { if (!narrow.matches) { closeSheet(); } });
  }
})();
