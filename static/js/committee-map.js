// The committee's map: every petition at its exact point (clustered markers), or, toggled, a heat layer of the
// petitions per ward at each ward's mean point. The table below the map holds the same ward counts, so when Leaflet,
// the tiles or the data cannot load, the page says so and stays usable.
(function () {
  var element = document.getElementById("committee-map");
  var status = document.getElementById("map-status");
  if (!element || !status) return;
  var text = function (name) { return element.getAttribute("data-text-" + name) || ""; };
  var say = function (message, warning) {
    status.textContent = message;
    status.classList.toggle("warning", !!warning);
  };
  if (typeof L === "undefined" || !L.markerClusterGroup || !L.heatLayer) {
    element.hidden = true;
    say(text("tiles-failed"), true);
    return;
  }

  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];
  var map = L.map(element, { scrollWheelZoom: false }).fitBounds(VIETNAM);
  var tiles = L.tileLayer(element.getAttribute("data-tile-url"), {
    attribution: element.getAttribute("data-tile-attribution"), maxZoom: 19
  }).addTo(map);
  var tilesFailed = false, tileLoaded = false;
  var tilesMissing = function () {
    if (tilesFailed || tileLoaded) return;
    tilesFailed = true;
    say(text("tiles-failed"), true);
  };
  tiles.on("tileerror", tilesMissing);
  tiles.on("tileload", function () { tileLoaded = true; });
  window.setTimeout(tilesMissing, 8000);  // a tile server that never answers is as missing as one that refuses

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
    if (bounds) {
      parts.push("bbox=" + [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
        .map(function (value, index) { return Math.max(index % 2 ? -90 : -180, Math.min(index % 2 ? 90 : 180, value)).toFixed(5); })
        .join(","));
    }
    return element.getAttribute("data-points") + "?" + parts.join("&");
  }

  function popup(properties) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title || text("open");
    var meta = document.createElement("p");
    meta.textContent = properties.code + " · " + (properties.created_at || "").slice(0, 10);
    box.appendChild(link);
    box.appendChild(meta);
    return box;
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
      markers.addLayers(body.features.map(function (feature) {
        var point = feature.geometry.coordinates;
        return L.marker([point[1], point[0]], { title: feature.properties.title, alt: feature.properties.title })
          .bindPopup(popup(feature.properties));
      }));
      if (body.features.length) fit(markers.getBounds());
      truncatedOnce = truncatedOnce || body.truncated;
      if (!tilesFailed && layer === "markers") say(body.truncated ? text("truncated") : (body.features.length ? "" : text("none")));
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
        if (!tilesFailed) say(text("heat"));
      }).catch(function () { say(text("data-failed"), true); });
    } else {
      if (heat) map.removeLayer(heat);
      map.addLayer(markers);
      if (!tilesFailed) say("");
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
