// Progressive enhancement: a Print button where JavaScript can print the page. Without it
// the button stays hidden, and the page says to print it from the browser's menu.
(function () {
  "use strict";
  document.querySelectorAll("[data-print-button]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      window.print();
    });
  });
})();
