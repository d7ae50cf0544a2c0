// A field the server marked invalid loses its red error as soon as what is typed is valid (and gets it back
// if it becomes invalid again), so the sender sees at once that the correction worked.
(function () {
  document.querySelectorAll('[aria-invalid="true"]').forEach(function (input) {
    var wrapper = input.closest(".field");
    var message = document.getElementById(input.id + "-error");
    var described = input.getAttribute("aria-describedby") || "";
    var summaryLink = document.querySelector('.error-summary a[href="#' + input.id + '"]');
    var summary = summaryLink && summaryLink.closest(".error-summary");

    function valid() {
      if (input.required && !input.value.trim()) return false;
      return input.checkValidity();
    }

    function update() {
      var ok = valid();
      input.setAttribute("aria-invalid", ok ? "false" : "true");
      if (wrapper) wrapper.classList.toggle("has-error", !ok);
      if (message) message.hidden = ok;
      var ids = described.split(" ").filter(function (id) { return id && (!ok || id !== input.id + "-error"); });
      if (ids.length) input.setAttribute("aria-describedby", ids.join(" "));
      else input.removeAttribute("aria-describedby");
      // The summary at the top lists only what is still wrong.
      if (summaryLink) summaryLink.closest("li").hidden = ok;
      if (summary) summary.hidden = !summary.querySelector("li:not([hidden])");
    }

    input.addEventListener("input", update);
    input.addEventListener("change", update);
  });
})();
