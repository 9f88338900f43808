// The "Print" button of the application builder's answer: without JavaScript the button stays
// hidden and the browser's own print command does the same.
document.querySelectorAll("[data-print]").forEach(function (button) {
  button.hidden = false;
  button.addEventListener("click", function () {
    window.print();
  });
});
