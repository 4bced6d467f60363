// Highlight the evidence of a record value in the article text: on hover, focus or click.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) { return; }
  var current = null;

  function show(button, scroll) {
    if (current) { current.classList.remove("active"); }
    text.querySelectorAll(".hl").forEach(function (seg) { seg.classList.remove("hl"); });
    var from = Number(button.dataset.from), to = Number(button.dataset.to), first = null;
    for (var i = from; i <= to; i++) {
      var seg = text.querySelector('[data-seg="' + i + '"]');
      if (seg) { seg.classList.add("hl"); first = first || seg; }
    }
    button.classList.add("active");
    current = button;
    if (scroll && first) { first.scrollIntoView({ block: "center", behavior: "smooth" }); }
  }

  document.querySelectorAll("button.ev").forEach(function (button) {
    button.addEventListener("mouseenter", function () { show(button, false); });
    button.addEventListener("focus", function () { show(button, false); });
    button.addEventListener("click", function () { show(button, true); });
  });
})();
