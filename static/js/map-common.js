// What the public map (map.js) and the committee's map (committee-map.js) share: a Leaflet map over Vietnam with
// the configured tiles and a status line that says what went wrong, the view's box as a bbox parameter, and the
// markers of GeoJSON petition features with their popups.
window.PortalMap = (function () {
  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];

  // The map in `element` (data-tile-url, data-tile-attribution and data-text-* attributes), or null when Leaflet or
  // a plugin it needs (`pluginsLoaded`) did not load: the page then says so in `status`, and the list or table
  // below the map stays the way to read it.
  function start(element, status, pluginsLoaded) {
    var view = {
      text: function (name) { return element.getAttribute("data-text-" + name) || ""; },
      say: function (message, warning) {
        status.textContent = message;
        status.classList.toggle("warning", !!warning);
      },
      tilesFailed: false
    };
    if (typeof L === "undefined" || !pluginsLoaded()) {
      element.hidden = true;
      view.say(view.text("tiles-failed"), true);
      return null;
    }
    view.map = L.map(element, { scrollWheelZoom: false }).fitBounds(VIETNAM);
    var tiles = L.tileLayer(element.getAttribute("data-tile-url"), {
      attribution: element.getAttribute("data-tile-attribution"), maxZoom: 19
    }).addTo(view.map);
    var tileLoaded = false;
    var tilesMissing = function () {
      if (view.tilesFailed || tileLoaded) return;
      view.tilesFailed = true;
      view.say(view.text("tiles-failed"), true);
    };
    tiles.on("tileerror", tilesMissing);
    tiles.on("tileload", function () { tileLoaded = true; });
    window.setTimeout(tilesMissing, 8000);  // a tile server that never answers is as missing as one that refuses
    return view;
  }

  // "bbox=west,south,east,north" of the map's view, clamped to the world (a view zoomed out wraps past ±180°).
  function bbox(bounds) {
    return "bbox=" + [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()]
      .map(function (value, index) { return Math.max(index % 2 ? -90 : -180, Math.min(index % 2 ? 90 : 180, value)).toFixed(5); })
      .join(",");
  }

  // A petition's popup: its title linking to its page, then its code and the date in `dateField` (built as DOM
  // nodes, never as HTML, since titles are typed by people).
  function popup(properties, dateField, openText) {
    var box = document.createElement("div");
    box.className = "map-popup";
    var link = document.createElement("a");
    link.href = properties.url;
    link.textContent = properties.title || openText;
    var meta = document.createElement("p");
    meta.textContent = properties.code + " · " + (properties[dateField] || "").slice(0, 10);
    box.appendChild(link);
    box.appendChild(meta);
    return box;
  }

  function markers(features, dateField, openText) {
    return features.map(function (feature) {
      var point = feature.geometry.coordinates;
      return L.marker([point[1], point[0]], { title: feature.properties.title, alt: feature.properties.title })
        .bindPopup(popup(feature.properties, dateField, openText));
    });
  }

  return { start: start, bbox: bbox, markers: markers };
})();
