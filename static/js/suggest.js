// Asks the classifier for a category while the operator types (debounced), and preselects it
// unless the operator has chosen one already.
(function () {
  var box = document.querySelector("[data-suggest-url]");
  var category = document.getElementById("category");
  var out = document.getElementById("suggestion");
  var token = document.querySelector("input[name=csrf_token]");
  if (!box || !category || !out || !token) return;
  var timer = null;
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      fetch(box.getAttribute("data-suggest-url"), {
        method: "POST",
        headers: { "Content-Type": "application/json", "X-CSRFToken": token.value },
        body: JSON.stringify({ text: box.value })
      }).then(function (r) { return r.json(); }).then(function (result) {
        if (!result.category) { out.textContent = ""; return; }
        var option = category.querySelector("option[value='" + result.category + "']");
        out.textContent = "Gợi ý: " + (option ? option.textContent : result.category) +
          " (" + Math.round(result.confidence * 100) + "%)";
        if (!category.dataset.touched && option) category.value = result.category;
      });
    }, 400);
  });
  category.addEventListener("change", function () { category.dataset.touched = "1"; });
})();
