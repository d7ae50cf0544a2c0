// A map pin on the intake forms (templates/_macros.html, pin_map): click, tap or drag to place it, "use my location",
// "remove the pin"; the pin fills the latitude and longitude fields, which stay visible and editable for keyboard and
// screen-reader users (typing there moves the pin). When the ward is not chosen yet, it suggests the nearest one.
// Without Leaflet, or without tiles (offline, an office behind a firewall, the tests), the form still works: the map
// says so and the pin can still be placed on the blank map, typed, or skipped. The server checks the place again.
(function () {
  var VIETNAM = [[8.2, 102.1], [23.4, 109.5]];
  var TILE_PATIENCE = 8000;  // a tile server that never answers is as missing as one that refuses
  var PROVINCE_ZOOM = 10;
  var CLOSE_ZOOM = 16;

  document.querySelectorAll("[data-pin-map]").forEach(function (box) {
    var text = function (name) { return box.getAttribute("data-text-" + name) || ""; };
    var byId = function (name) { return document.getElementById(box.getAttribute("data-" + name)); };
    var lat = byId("lat"), lng = byId("lng"), province = byId("province"), ward = byId("ward");
    var status = box.querySelector("[data-pin-status]");
    var canvas = box.querySelector("[data-pin-canvas]");
    var suggestion = box.querySelector("[data-pin-suggestion]");
    var choose = box.querySelector("[data-pin-choose]");
    var locate = box.querySelector("[data-pin-locate]");
    var clear = box.querySelector("[data-pin-clear]");
    if (typeof L === "undefined" || !lat || !lng || !canvas) return;  // the coordinate fields work alone

    function say(message, warning) {
      status.textContent = message;
      status.classList.toggle("warning", !!warning);
    }

    canvas.hidden = false;
    box.querySelector("[data-pin-toolbar]").hidden = false;
    if (!navigator.geolocation) locate.hidden = true;
    var map = L.map(canvas, { scrollWheelZoom: false });
    var typed = typedPoint();
    if (typed) map.setView(typed, CLOSE_ZOOM); else if (!openOn(box.getAttribute("data-center"))) map.fitBounds(VIETNAM);

    // Opens on the chosen province, else the portal's own (FLASK_PROVINCE_CODE), else the whole country.
    function openOn(center) {
      var parts = (center || "").split(",").map(parseFloat);
      if (parts.length !== 2 || !isFinite(parts[0]) || !isFinite(parts[1])) return false;
      map.setView(parts, PROVINCE_ZOOM);
      return true;
    }

    var tiles = L.tileLayer(box.getAttribute("data-tile-url"), {
      attribution: box.getAttribute("data-tile-attribution"), maxZoom: 19
    }).addTo(map);
    var tilesFailed = false, tileLoaded = false;
    function tilesMissing() {
      if (tilesFailed || tileLoaded) return;
      tilesFailed = true;
      canvas.classList.add("pin-canvas-blank");
      say(text("tiles-failed"), true);
    }
    tiles.on("tileerror", tilesMissing);
    tiles.on("tileload", function () { tileLoaded = true; });
    if (navigator.onLine === false) tilesMissing();
    window.setTimeout(tilesMissing, TILE_PATIENCE);

    var marker = null;
    function show(point) {
      if (!marker) {
        marker = L.marker(point, { draggable: true, keyboard: true, title: text("pin"), alt: text("pin") }).addTo(map);
        marker.on("dragend", function () { fill(marker.getLatLng()); });
      } else {
        marker.setLatLng(point);
      }
    }
    function fill(point) {
      lat.value = point.lat.toFixed(6);
      lng.value = point.lng.toFixed(6);
      say(text("placed"));
      suggest(point);
    }
    function place(point) {
      show(point);
      fill(point);
    }
    if (typed) show(typed);

    map.on("click", function (event) {
      place(event.latlng);
      // A tap on a whole province is only roughly right: come closer, so the pin can be dragged to the spot.
      if (map.getZoom() < CLOSE_ZOOM) map.setView(event.latlng, CLOSE_ZOOM);
    });
    // Keyboard: the arrow keys pan the map (Leaflet), Enter places the pin at its centre.
    canvas.addEventListener("keydown", function (event) {
      if (event.key === "Enter" && event.target === canvas) {
        event.preventDefault();
        place(map.getCenter());
      }
    });

    clear.addEventListener("click", function () {
      if (marker) { map.removeLayer(marker); marker = null; }
      lat.value = "";
      lng.value = "";
      suggestion.hidden = true;
      say(text("cleared"));
    });

    locate.addEventListener("click", function () {
      say(text("locating"));
      navigator.geolocation.getCurrentPosition(function (position) {
        var point = L.latLng(position.coords.latitude, position.coords.longitude);
        map.setView(point, 17);
        place(point);
      }, function () {
        say(text("denied"), true);
      }, { enableHighAccuracy: true, timeout: 15000, maximumAge: 60000 });
    });

    function typedPoint() {
      var a = parseFloat((lat.value || "").replace(",", ".")), b = parseFloat((lng.value || "").replace(",", "."));
      return isFinite(a) && isFinite(b) ? L.latLng(a, b) : null;
    }
    [lat, lng].forEach(function (input) {
      input.addEventListener("change", function () {
        var point = typedPoint();
        if (!point) return;
        show(point);
        map.setView(point, Math.max(map.getZoom(), 15));
        suggest(point);
      });
    });

    var asked = 0;
    function suggest(point) {
      suggestion.hidden = true;
      if (!ward || ward.value) return;  // the sender chose a ward: theirs stands
      var mine = ++asked;
      var url = box.getAttribute("data-nearest-url") + "?lat=" + point.lat.toFixed(6) + "&lng=" + point.lng.toFixed(6);
      fetch(url, { headers: { Accept: "application/json" } })
        .then(function (response) { return response.json(); })
        .then(function (body) {
          if (mine !== asked) return;
          if (body.error) { say(body.error.message, true); return; }
          if (!body.ward) return;
          offer(body.ward);
        })
        .catch(function () { /* no suggestion: the ward list is still there */ });
    }

    function offer(found) {
      choose.textContent = text("suggest").replace("__ward__", found.ward_name).replace("__province__", found.province_name);
      choose.onclick = function () { chooseWard(found); };
      suggestion.hidden = false;
    }

    function chooseWard(found) {
      function select() {
        ward.value = found.ward_code;
        suggestion.hidden = true;
        say(text("chosen").replace("__ward__", found.ward_name));
        ward.focus();
      }
      if (!province || province.value === found.province_code) { select(); return; }
      province.value = found.province_code;
      province.dispatchEvent(new Event("change"));  // places.js loads that province's wards
      var tries = 0;
      (function wait() {
        if (ward.querySelector('option[value="' + found.ward_code + '"]') && !ward.disabled) { select(); return; }
        if (++tries < 50) window.setTimeout(wait, 100);
      })();
    }
  });
})();
