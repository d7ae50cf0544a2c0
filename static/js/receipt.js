// The confirmation page: copy the code or secret, print, or save a small text receipt. The buttons stay hidden
// without JavaScript; the page itself asks the sender to write the code down or take a screenshot.
(function () {
  var status = document.getElementById("copy-status");

  function announce(message) { if (status) status.textContent = message; }

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    var target = document.querySelector(button.getAttribute("data-copy"));
    if (!target) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      var text = target.textContent.trim();
      var copied = document.documentElement.lang === "en" ? "Copied: " : "Đã sao chép: ";
      var manual = document.documentElement.lang === "en" ? "Selected: press Ctrl+C (or hold and copy) to copy."
        : "Đã chọn sẵn: bấm Ctrl+C (hoặc nhấn giữ rồi chọn Sao chép) để sao chép.";
      // The clipboard API needs a secure context; elsewhere the text is selected for the user to copy.
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(function () { announce(copied + text); },
          function () { selectText(target); announce(manual); });
      } else {
        selectText(target);
        announce(manual);
      }
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });

  document.querySelectorAll("[data-receipt-download]").forEach(function (link) {
    var text = link.getAttribute("data-receipt-text");
    link.href = "data:text/plain;charset=utf-8," + encodeURIComponent(text);
    link.hidden = false;
  });
})();
