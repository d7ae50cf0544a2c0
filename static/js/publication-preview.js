// The head's preview of the public version: every hidden span (<mark class="pii">, from redact.mark_spans_html)
// gets a checkbox in the "hidden parts" list. Unticking it shows the original words in the preview, and the form
// field the preview stands for is rewritten from the preview, so what is submitted is what the preview shows.
// Without JavaScript the list does not appear and the head edits the fields by hand.
(function () {
  var article = document.querySelector(".public-preview");
  if (!article) return;
  var marks = article.querySelectorAll("mark.pii");
  if (!marks.length) return;

  function fieldOf(container) {
    return document.getElementById(container.getAttribute("data-preview-for"));
  }

  // The text of a plain-text preview: <br> came from a line break that is still in the following text node.
  function textOf(node) {
    var out = "";
    node.childNodes.forEach(function (child) {
      if (child.nodeType === Node.TEXT_NODE) out += child.data;
      else if (child.nodeName !== "BR") out += textOf(child);
    });
    return out;
  }

  function htmlOf(node) {
    var copy = node.cloneNode(true);
    copy.querySelectorAll("mark.pii").forEach(function (mark) {
      mark.replaceWith(document.createTextNode(mark.textContent));
    });
    return copy.innerHTML.trim();
  }

  function rewrite(container) {
    var field = fieldOf(container);
    if (!field || field.dataset.edited) return;
    field.value = container.getAttribute("data-preview-kind") === "html" ? htmlOf(container) : textOf(container);
  }

  var fieldset = document.createElement("fieldset");
  fieldset.className = "pii-toggles";
  var legend = document.createElement("legend");
  legend.textContent = article.getAttribute("data-legend");
  var list = document.createElement("ul");
  fieldset.append(legend, list);

  marks.forEach(function (mark, index) {
    var box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.id = "pii-toggle-" + index;
    mark.id = "pii-" + index;
    box.setAttribute("aria-controls", mark.id);
    var kind = document.createElement("span");
    kind.className = "pii-kind";
    kind.textContent = mark.getAttribute("data-placeholder");
    var original = document.createElement("span");
    original.textContent = mark.getAttribute("data-original");
    var where = document.createElement("span");
    where.className = "pii-where";
    where.textContent = "(" + mark.closest("[data-preview-for]").getAttribute("data-section") + ")";
    var label = document.createElement("label");
    label.append(box, kind, original, where);
    var item = document.createElement("li");
    item.appendChild(label);
    list.appendChild(item);
    box.addEventListener("change", function () {
      mark.textContent = mark.getAttribute(box.checked ? "data-placeholder" : "data-original");
      mark.classList.toggle("kept", !box.checked);
      rewrite(mark.closest("[data-preview-for]"));
    });
    mark.addEventListener("click", function () { box.focus(); });
  });
  article.after(fieldset);

  // A field edited by hand is no longer rewritten from the preview: its checkboxes stop until it is reviewed again.
  article.querySelectorAll("[data-preview-for]").forEach(function (container) {
    var field = fieldOf(container);
    if (!field) return;
    field.addEventListener("input", function () {
      if (field.dataset.edited) return;
      field.dataset.edited = "1";
      container.querySelectorAll("mark.pii").forEach(function (mark) {
        document.getElementById("pii-toggle-" + mark.id.slice(4)).disabled = true;
      });
      var note = document.createElement("p");
      note.className = "hint";
      note.setAttribute("role", "status");
      note.textContent = article.getAttribute("data-edited");
      field.insertAdjacentElement("afterend", note);
    });
  });
})();
