// The attendance picker's enhancements (templates/encounter/picker.html). Without this file every checkbox still
// works; with it, a search by name, "Select all in Year N" (its clicks are handled by portal.js, which announces
// portal:selection-changed) and a live count of the pupils selected.
(function () {
  "use strict";

  function pupilsIn(root) {
    return Array.prototype.slice.call(root.querySelectorAll("[data-pupil]"));
  }

  function update(picker) {
    var boxes = picker.querySelectorAll("input[name=attendees]");
    var selected = Array.prototype.filter.call(boxes, function (box) { return box.checked; }).length;
    var count = picker.querySelector("[data-selected-count]");
    if (count) {
      count.textContent = selected;
      picker.querySelector("[data-selected-noun]").textContent = selected === 1 ? "pupil" : "pupils";
    }
    // Each year group's button says what a click would do now: select the pupils shown, or clear them.
    picker.querySelectorAll("[data-picker-group]").forEach(function (group) {
      var button = group.querySelector("[data-select-all]");
      if (!button) {
        return;
      }
      var shown = pupilsIn(group).filter(function (pupil) { return !pupil.hidden; })
        .map(function (pupil) { return pupil.querySelector("input"); });
      var all = shown.length > 0 && shown.every(function (box) { return box.checked; });
      button.textContent = (all ? "Clear all in " : "Select all in ") + button.dataset.groupName;
    });
  }

  function search(picker, text) {
    var query = text.trim().toLowerCase();
    var anyShown = false;
    picker.querySelectorAll("[data-picker-group]").forEach(function (group) {
      var shownInGroup = 0;
      pupilsIn(group).forEach(function (pupil) {
        var show = query === "" || pupil.dataset.name.indexOf(query) !== -1;
        pupil.hidden = !show;
        if (show) {
          shownInGroup++;
        }
      });
      group.hidden = shownInGroup === 0;
      anyShown = anyShown || shownInGroup > 0;
    });
    var none = picker.querySelector("[data-picker-none]");
    if (none) {
      none.hidden = anyShown;
    }
    update(picker);
  }

  function init(root) {
    root.querySelectorAll("[data-picker]").forEach(function (picker) {
      if (picker.dataset.pickerReady) {
        return;
      }
      picker.dataset.pickerReady = "true";
      picker.querySelectorAll("[data-js-only]").forEach(function (element) { element.hidden = false; });
      var box = picker.querySelector("[data-picker-search]");
      if (box) {
        box.addEventListener("input", function () { search(picker, box.value); });
        // Enter in the search box must not submit the whole form.
        box.addEventListener("keydown", function (event) {
          if (event.key === "Enter") {
            event.preventDefault();
          }
        });
      }
      picker.addEventListener("change", function () { update(picker); });
      update(picker);
    });
  }

  document.addEventListener("portal:selection-changed", function () {
    document.querySelectorAll("[data-picker]").forEach(update);
  });
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", function () { init(document); });
  } else {
    init(document);
  }
})();
