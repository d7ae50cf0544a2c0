// A small formatting toolbar for the answer box: wraps the selected text in the few tags the server keeps
// (portal/domain/text.py sanitize_html). Without JavaScript the toolbar stays hidden and the box still takes HTML.
(function () {
  function wrapLines(text, open, close) {
    return text.split(/\n+/).filter(function (line) { return line.trim(); })
      .map(function (line) { return open + line.trim() + close; }).join("\n");
  }
  var formats = {
    bold: function (text) { return "<strong>" + text + "</strong>"; },
    italic: function (text) { return "<em>" + text + "</em>"; },
    list: function (text) { return "<ul>\n" + wrapLines(text || " ", "  <li>", "</li>") + "\n</ul>"; },
    paragraph: function (text) { return wrapLines(text || " ", "<p>", "</p>"); }
  };
  document.querySelectorAll("[data-format-for]").forEach(function (toolbar) {
    var box = document.getElementById(toolbar.getAttribute("data-format-for"));
    if (!box) return;
    box.parentNode.insertBefore(toolbar, box);  // between the label and the box it formats
    toolbar.hidden = false;
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("button[data-format]");
      if (!button) return;
      var start = box.selectionStart, end = box.selectionEnd;
      var replacement = formats[button.getAttribute("data-format")](box.value.slice(start, end));
      box.setRangeText(replacement, start, end, start === end ? "end" : "select");
      box.focus();
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
  });
})();
