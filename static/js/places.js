// Fills the ward picker when a province is chosen. Without JavaScript the form still works
// through its "update the ward list" button.
(function () {
  var province = document.querySelector("[data-wards-url]");
  var ward = document.getElementById((province && province.getAttribute("data-wards-target")) || "ward_code");
  if (!province || !ward) return;
  province.addEventListener("change", function () {
    var url = province.getAttribute("data-wards-url").replace("__code__", encodeURIComponent(province.value || "0"));
    ward.disabled = true;
    fetch(url, { headers: { Accept: "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (wards) {
        var first = ward.options[0];
        ward.innerHTML = "";
        ward.appendChild(first);
        wards.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.code;
          option.textContent = item.name;
          ward.appendChild(option);
        });
      })
      .finally(function () { ward.disabled = false; });
  });
})();
