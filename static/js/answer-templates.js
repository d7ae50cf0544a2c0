// "Mẫu trả lời": choosing a template fills its textarea with the template's text, already filled for this petition
// by the server, for the officer to edit before sending. Text already typed is replaced only after asking.
(function () {
  "use strict";
  document.querySelectorAll("select[data-template-for]").forEach(function (select) {
    if (select.dataset.ready) { return; }
    select.dataset.ready = "1";
    var form = select.form;
    var button = form && form.querySelector("[data-no-js-only]");
    if (button) { button.hidden = true; }
    if (form) { form.addEventListener("submit", function (event) { event.preventDefault(); }); }
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      var target = document.getElementById(select.dataset.templateFor);
      if (!target || !option || !option.dataset.body) { return; }
      var typed = target.value.trim();
      if (typed && typed !== option.dataset.body.trim() &&
          !window.confirm(select.dataset.confirm || "Thay nội dung đang soạn bằng mẫu này?")) {
        return;
      }
      target.value = option.dataset.body;
      target.dispatchEvent(new Event("input", { bubbles: true }));
      target.focus();
    });
  });
})();
