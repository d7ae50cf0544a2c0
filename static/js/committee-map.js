// The committee's map: every petition at its exact point (clustered markers), or, toggled, a heat layer of the
// petitions per ward at each ward's mean point. The table below the map holds the same ward counts, so when Leaflet,
// the tiles or the data cannot load, the page says so and stays usable.
(function () {
  var element = document.getElementById("committee-map");
  var status = document.getElementById("map-status");
  if (!element || !status) return;
  var view = PortalMap.start(element, status, function () { return !!(L.markerClusterGroup && L.heatLayer); });
  if (!view) return;
  var map = view.map, text = view.text, say = view.say;

  var query = element.getAttribute("data-query");
  var markers = L.markerClusterGroup({ showCoverageOnHover: false });
  var heat = null, layer = "markers", request = 0, fittedOnce = false, truncatedOnce = false;

  function fetchJson(url) {
    return fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      });
  }

  function pointsUrl(bounds) {
    var parts = query ? [query] : [];
    if (bounds) parts.push(PortalMap.bbox(bounds));
    return element.getAttribute("data-points") + "?" + parts.join("&");
  }

  function fit(bounds) {
    if (fittedOnce || !bounds.isValid()) return;
    fittedOnce = true;
    map.fitBounds(bounds, { maxZoom: 15, padding: [20, 20] });
  }

  function loadPoints(bounds) {
    var mine = ++request;
    return fetchJson(pointsUrl(bounds)).then(function (body) {
      if (mine !== request) return;
      markers.clearLayers();
      markers.addLayers(PortalMap.markers(body.features, "created_at", text("open")));
      if (body.features.length) fit(markers.getBounds());
      truncatedOnce = truncatedOnce || body.truncated;
      if (!view.tilesFailed && layer === "markers") say(body.truncated ? text("truncated") : (body.features.length ? "" : text("none")));
    }).catch(function () {
      if (mine === request) say(text("data-failed"), true);
    });
  }

  function loadHeat() {
    return fetchJson(element.getAttribute("data-wards") + "?" + query).then(function (body) {
      var placed = body.wards.filter(function (ward) { return ward.lat !== null && ward.lng !== null; });
      var peak = placed.reduce(function (most, ward) { return Math.max(most, ward.petitions); }, 1);
      // maxZoom 0: a ward weighs its count at every zoom (leaflet.heat otherwise fades points below its maxZoom),
      // so the ward with most petitions is the hottest, whatever the view.
      heat = L.heatLayer(placed.map(function (ward) { return [ward.lat, ward.lng, ward.petitions]; }),
        { max: peak, maxZoom: 0, radius: 35, blur: 25, minOpacity: 0.35 });
      fit(L.latLngBounds(placed.map(function (ward) { return [ward.lat, ward.lng]; })));
    });
  }

  function show(chosen) {
    layer = chosen;
    if (chosen === "heat") {
      map.removeLayer(markers);
      (heat ? Promise.resolve() : loadHeat()).then(function () {
        if (layer !== "heat") return;
        map.addLayer(heat);
        if (!view.tilesFailed) say(text("heat"));
      }).catch(function () { say(text("data-failed"), true); });
    } else {
      if (heat) map.removeLayer(heat);
      map.addLayer(markers);
      if (!view.tilesFailed) say("");
    }
  }

  var radios = document.querySelectorAll("input[name=layer]");
  Array.prototype.forEach.call(radios, function (radio) {
    radio.addEventListener("change", function () { if (radio.checked) show(radio.value); });
  });
  map.addLayer(markers);
  var restored = document.querySelector("input[name=layer]:checked");  // a browser may restore the choice on "back"
  if (restored && restored.value === "heat") show("heat");
  loadPoints(null).then(function () {
    // Only a first answer cut at the cap needs asking again as the view moves; otherwise every point is there.
    var timer = null;
    map.on("moveend", function () {
      if (!truncatedOnce || layer !== "markers") return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { loadPoints(map.getBounds()); }, 300);
    });
  });
})();
