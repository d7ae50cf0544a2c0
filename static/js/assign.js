// The coordinator's "5 rõ" form: rõ người follows the chosen lead agency and the deadline follows the chosen
// category, from the defaults the page carries. A value the coordinator typed is left alone; the server applies
// the same rule when the script does not run.
(function () {
  var form = document.getElementById("assign-form");
  var data = document.getElementById("assign-defaults");
  if (!form || !data) return;
  var defaults = JSON.parse(data.textContent);
  var agency = form.elements["agency"], official = form.elements["responsible_official"];
  var category = form.elements["category"], due = form.elements["due_date"];
  var lastOfficial = defaults.officials[agency.value] || "";
  var lastDue = defaults.due_dates[category.value] || "";

  agency.addEventListener("change", function () {
    var next = defaults.officials[agency.value];
    if (next && (official.value.trim() === lastOfficial.trim() || official.value.trim() === "")) {
      official.value = next;
    }
    lastOfficial = next || "";
  });
  category.addEventListener("change", function () {
    var next = defaults.due_dates[category.value];
    if (next && (due.value === lastDue || due.value === "")) due.value = next;
    if (next) due.max = next;
    lastDue = next || "";
  });
})();
