// The public map: markers from GET /api/v1/map, clustered, with the page's filters. The list below the map holds the
// same petitions, so when Leaflet, the tiles or the data cannot load, the page says so and stays usable.
(function () {
  var element = document.getElementById("public-map");
  var status = document.getElementById("map-status");
  if (!element || !status) return;
  var view = PortalMap.start(element, status, function () { return !!L.markerClusterGroup; });
  if (!view) return;
  var map = view.map, text = view.text, say = view.say;
  var MAX_PAGES = 4;  // 4 × 500 points: beyond that the newest are shown and zooming in shows more

  var markers = L.markerClusterGroup({ showCoverageOnHover: false });
  map.addLayer(markers);
  var query = element.getAttribute("data-query");
  var api = element.getAttribute("data-api");
  var request = 0, fittedOnce = false, truncatedOnce = false;

  function url(page, bounds) {
    var parts = [];
    if (query) parts.push(query);
    if (bounds) parts.push(PortalMap.bbox(bounds));
    parts.push("page=" + page);
    return api + "?" + parts.join("&");
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
      markers.addLayers(PortalMap.markers(collected, "published_at", text("open")));
      if (!fittedOnce && collected.length) {
        fittedOnce = true;
        map.fitBounds(markers.getBounds(), { maxZoom: 15, padding: [20, 20] });
      }
      truncatedOnce = truncatedOnce || !!more;
      if (!view.tilesFailed) say(more ? text("truncated") : (collected.length ? "" : text("none")));
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
