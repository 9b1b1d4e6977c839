// Progressive enhancement for the GOV.UK-style error summary: move focus to it when the page
// loads, and from its links to the field itself (not just scroll to it).
(function () {
  "use strict";
  var summary = document.querySelector("[data-module='error-summary']");
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener("click", function (event) {
    var link = event.target.closest("a[href^='#']");
    var input = link && document.getElementById(link.getAttribute("href").slice(1));
    if (!input) {
      return;
    }
    event.preventDefault();
    var fieldset = input.closest("fieldset");
    (fieldset || input).scrollIntoView();
    input.focus({ preventScroll: true });
  });
})();
