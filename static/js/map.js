// The public map: markers from GET /api/v1/map, clustered, with the page's filters. The list below the map holds the
// same petitions, so when Leaflet, the tiles or the data cannot load, the page says so and stays usable.
(function () {
  var element = document.getElementById("public-map");
  var status = document.getElementById("map-status");
  if (!element || !status) return;
  var text = function (name) { return element.getAttribute("data-text-" + name) || ""; };
  var say = function (message, warning) {
    status.textContent = message;
    status.classList.toggle("warning", !!warning);
  };
  if (typeof L === "undefined" || !L.markerClusterGroup) {
    element.hidden = true;
    say(text("tiles-failed"), true);
    return;
  }

  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];
  var MAX_PAGES = 4;  // 4 × 500 points: beyond that the newest are shown and zooming in shows more
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

  var markers = L.markerClusterGroup({ showCoverageOnHover: false });
  map.addLayer(markers);
  var query = element.getAttribute("data-query");
  var api = element.getAttribute("data-api");
  var request = 0, fittedOnce = false, truncatedOnce = false;

  function url(page, bounds) {
    var parts = [];
    if (query) parts.push(query);
    if (bounds) {
      parts.push("bbox=" + [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
        .map(function (value, index) { return Math.max(index % 2 ? -90 : -180, Math.min(index % 2 ? 90 : 180, value)).toFixed(5); })
        .join(","));
    }
    parts.push("page=" + page);
    return api + "?" + parts.join("&");
  }

  function popup(properties) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title || text("open");
    var meta = document.createElement("p");
    meta.textContent = properties.code + " · " + (properties.published_at || "").slice(0, 10);
    box.appendChild(link);
    box.appendChild(meta);
    return box;
  }

  function load(bounds) {
    var mine = ++request, collected = [];
    function fetchPage(page) {
      return fetch(url(page, bounds), { headers: { Accept: "application/geo+json, application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        })
        .then(function (body) {
          if (mine !== request) return null;
          collected = collected.concat(body.features);
          if (body.next_page && page < MAX_PAGES) return fetchPage(body.next_page);
          return body.next_page;
        });
    }
    return fetchPage(1).then(function (more) {
      if (mine !== request) return;
      markers.clearLayers();
      markers.addLayers(collected.map(function (feature) {
        var point = feature.geometry.coordinates;
        return L.marker([point[1], point[0]], { title: feature.properties.title, alt: feature.properties.title })
          .bindPopup(popup(feature.properties));
      }));
      if (!fittedOnce && collected.length) {
        fittedOnce = true;
        map.fitBounds(markers.getBounds(), { maxZoom: 15, padding: [20, 20] });
      }
      truncatedOnce = truncatedOnce || !!more;
      if (!tilesFailed) say(more ? text("truncated") : (collected.length ? "" : text("none")));
    }).catch(function () {
      if (mine === request) say(text("data-failed"), true);
    });
  }

  load(null).then(function () {
    // Only a first answer cut at MAX_PAGES needs asking again as the view moves; otherwise every point is there.
    var timer = null;
    map.on("moveend", function () {
      if (!truncatedOnce) return;
      window.clearTimeout(timer);
      timer = window.setTimeout(function () { load(map.getBounds()); }, 300);
    });
  });
})();
