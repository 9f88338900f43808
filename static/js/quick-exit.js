// "Leave this site": the link, or Esc anywhere, replaces this page in the browser's history
// with a neutral site, so Back does not return here. Without JavaScript it is a plain link
// (and the "(Esc)" hint is hidden by the stylesheet until this script marks the page).
(function () {
  "use strict";
  var link = document.querySelector("[data-quick-exit]");
  if (!link) {
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

  link.addEventListener("click", leave);
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" || event.key === "Esc") {
      leave(event);
    }
  });
})();
