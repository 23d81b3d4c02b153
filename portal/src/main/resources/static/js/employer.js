// The employer's board: on a phone the filters start folded, so the shout-outs come first; wider screens show them
// open. Without this file they are simply always open.
(function () {
  "use strict";
  var filters = document.querySelector("details[data-fold-on-phone]");
  if (!filters || !window.matchMedia) {
    return;
  }
  var phone = window.matchMedia("(max-width: 40rem)");
  function fit() {
    // A filter the service could not use stays in view, next to its message.
    filters.open = !phone.matches || filters.querySelector(".field--error") !== null;
  }
  fit();
  phone.addEventListener("change", fit);
})();
