// Progressive enhancement only: every page works without this file (forms post, links navigate).
(function () {
  "use strict";

  // htmx requests carry the CSRF token that Spring Security expects from forms.
  document.addEventListener("htmx:configRequest", function (event) {
    var meta = document.querySelector('meta[name="csrf-token"]');
    if (meta) {
      event.detail.headers["X-CSRF-TOKEN"] = meta.content;
    }
  });

  // Charts: a <canvas data-chart='{"type": ..., "data": ..., "options": ...}'> becomes a Chart.js chart. The same
  // figures are always in a table next to it, for screen readers and for anyone without JavaScript.
  function drawCharts(root) {
    if (typeof Chart === "undefined") {
      return;
    }
    root.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
      if (canvas.dataset.drawn) {
        return;
      }
      canvas.dataset.drawn = "true";
      var config = JSON.parse(canvas.dataset.chart);
      config.options = Object.assign({ responsive: true, maintainAspectRatio: false, animation: false }, config.options || {});
      new Chart(canvas, config);
    });
  }
  document.addEventListener("DOMContentLoaded", function () { drawCharts(document); });
  document.addEventListener("htmx:afterSettle", function (event) { drawCharts(event.target); });

  // "Select all" buttons: data-select-all="<selector of checkboxes>" (attendance picker).
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-select-all]");
    if (!button) {
      return;
    }
    event.preventDefault();
    var boxes = Array.prototype.slice.call(document.querySelectorAll(button.dataset.selectAll))
      .filter(function (box) { return !box.closest("[hidden]"); });
    var select = boxes.some(function (box) { return !box.checked; });
    boxes.forEach(function (box) { box.checked = select; });
    document.dispatchEvent(new CustomEvent("portal:selection-changed"));
  });

  // Upload progress (careers leader's roll): a form with data-progress="<id of a <progress>>" shows how much of its
  // file has been sent while htmx posts it. The bar's box appears when sending starts and goes once it has finished.
  function progressOf(form) {
    var bar = form && form.dataset && form.dataset.progress ? document.getElementById(form.dataset.progress) : null;
    return bar ? { bar: bar, box: bar.closest(".upload-progress") || bar } : null;
  }
  document.addEventListener("htmx:beforeRequest", function (event) {
    var p = progressOf(event.target.closest && event.target.closest("form[data-progress]"));
    if (p) {
      p.bar.value = 0;
      p.box.hidden = false;
    }
  });
  document.addEventListener("htmx:xhr:progress", function (event) {
    var p = progressOf(event.target.closest && event.target.closest("form[data-progress]"));
    if (p && event.detail.lengthComputable && event.detail.total > 0) {
      p.bar.value = Math.round(100 * event.detail.loaded / event.detail.total);
    }
  });
  document.addEventListener("htmx:afterRequest", function (event) {
    var p = progressOf(event.target.closest && event.target.closest("form[data-progress]"));
    if (p) {
      p.box.hidden = true;
    }
  });
})();
