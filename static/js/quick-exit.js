// "Leave this site": the link, or Esc, replaces this page in the browser's history with a
// neutral site, so Back does not return here. Without JavaScript it is a plain link (and the
// "(Esc)" hint is hidden by the stylesheet until this script marks the page).
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  // Not inside a frame (the admin's preview): leaving would only empty the frame.
  if (!link || window.top !== window.self) {
    return;
  }
  document.documentElement.classList.add("has-quick-exit-key");

  function leave(event) {
    if (event) {
      event.preventDefault();
    }
    // Hide the page at once: the next site may take seconds to load on a slow connection.
    document.body.style.visibility = "hidden";
    document.title = "";
    window.location.replace(link.href);
  }

  // Esc also closes suggestion lists, clears search boxes and cancels typing in an input
  // method: in a form field it keeps that meaning, and typed work is not lost.
  function isTyping(target) {
    return target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") {
      return;
    }
    if (event.defaultPrevented || event.isComposing || event.altKey || event.ctrlKey
        || event.metaKey || event.shiftKey || isTyping(event.target)) {
      return;
    }
    leave(event);
  });
})();
