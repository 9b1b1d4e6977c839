// Progressive enhancement for the article form's picture list: Insert puts the picture's
// reference into the body, on a line of its own where the cursor is. Without JavaScript the
// buttons stay hidden and the reference boxes are there to copy from.
// The admin loads it in the page's head, so it waits for the form.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var body = document.getElementById("id_body");
  if (!body) {
    return;
  }
  document.querySelectorAll("[data-insert-reference]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = body.value;
      var at = body.selectionStart === undefined ? text.length : body.selectionStart;
      var before = text.slice(0, at).replace(/\s*$/, "");
      var after = text.slice(at).replace(/^\s*/, "");
      var reference = button.getAttribute("data-insert-reference");
      var inserted = (before ? before + "\n\n" : "") + reference + "\n\n";
      body.value = inserted + after;
      body.focus();
      body.setSelectionRange(inserted.length, inserted.length);
    });
  });
});
