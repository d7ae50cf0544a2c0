/* The head's "Che mờ vùng" tool (templates/agency/_photos.html): draw rectangles on a photo with a mouse, a finger
   or the keyboard; each is listed with a remove button, and the form's hidden field holds them as JSON fractions
   [[x, y, w, h], ...] of the picture, which portal/domain/photo_review.py validates and blurs. Without this script
   the form still publishes the photo, unblurred, and says so. */
(function () {
  "use strict";
  var MAX_REGIONS = 10, MIN_SIDE = 0.01, STEP = 0.02;

  function clamp(value, low, high) { return Math.min(high, Math.max(low, value)); }
  function round(value) { return Math.round(value * 10000) / 10000; }

  function setUp(tool) {
    var input = document.getElementById(tool.getAttribute("data-regions-input"));
    var layer = tool.querySelector(".blur-layer");
    var list = tool.querySelector(".blur-regions");
    var regions = [], drawing = null;

    function label(name, number) { return tool.getAttribute(name).replace("{n}", number); }

    function point(event) {
      var box = layer.getBoundingClientRect();
      return { x: clamp((event.clientX - box.left) / box.width, 0, 1),
               y: clamp((event.clientY - box.top) / box.height, 0, 1) };
    }

    function normalised(a, b) {
      return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
    }

    function place(element, region) {
      element.style.left = region.x * 100 + "%";
      element.style.top = region.y * 100 + "%";
      element.style.width = region.w * 100 + "%";
      element.style.height = region.h * 100 + "%";
    }

    function render() {
      layer.querySelectorAll(".blur-box").forEach(function (box) { box.remove(); });
      list.textContent = "";
      regions.forEach(function (region, index) {
        var box = document.createElement("div"), tag = document.createElement("span");
        box.className = "blur-box";
        tag.textContent = String(index + 1);
        box.appendChild(tag);
        place(box, region);
        layer.appendChild(box);
        var item = document.createElement("li"), remove = document.createElement("button");
        item.textContent = label("data-label-region", index + 1);
        remove.type = "button";
        remove.className = "button secondary";
        remove.textContent = label("data-label-remove", index + 1);
        remove.addEventListener("click", function () { regions.splice(index, 1); render(); layer.focus(); });
        item.appendChild(remove);
        list.appendChild(item);
      });
      if (!regions.length) {
        var none = document.createElement("li");
        none.textContent = tool.getAttribute("data-label-none");
        list.appendChild(none);
      }
      input.value = regions.length ? JSON.stringify(regions.map(function (r) {
        return [round(r.x), round(r.y), round(r.w), round(r.h)];
      })) : "";
    }

    layer.addEventListener("pointerdown", function (event) {
      if (regions.length >= MAX_REGIONS || (event.pointerType === "mouse" && event.button !== 0)) { return; }
      event.preventDefault();
      layer.setPointerCapture(event.pointerId);
      drawing = { start: point(event), box: document.createElement("div") };
      drawing.box.className = "blur-box";
      layer.appendChild(drawing.box);
      place(drawing.box, normalised(drawing.start, drawing.start));
    });
    layer.addEventListener("pointermove", function (event) {
      if (drawing) { place(drawing.box, normalised(drawing.start, point(event))); }
    });
    function finish(event) {
      if (!drawing) { return; }
      var region = normalised(drawing.start, point(event));
      drawing.box.remove();
      drawing = null;
      if (region.w >= MIN_SIDE && region.h >= MIN_SIDE) { regions.push(region); }
      render();
    }
    layer.addEventListener("pointerup", finish);
    layer.addEventListener("pointercancel", function () { if (drawing) { drawing.box.remove(); drawing = null; } });

    // The keyboard: Enter adds a region in the middle; the arrows move the last one, Shift + arrows resize it.
    layer.addEventListener("keydown", function (event) {
      var last = regions[regions.length - 1];
      var moves = { ArrowLeft: [-STEP, 0], ArrowRight: [STEP, 0], ArrowUp: [0, -STEP], ArrowDown: [0, STEP] };
      if ((event.key === "Enter" || event.key === " ") && regions.length < MAX_REGIONS) {
        regions.push({ x: 0.4, y: 0.4, w: 0.2, h: 0.2 });
      } else if (moves[event.key] && last) {
        var dx = moves[event.key][0], dy = moves[event.key][1];
        if (event.shiftKey) {
          last.w = clamp(last.w + dx, MIN_SIDE, 1 - last.x);
          last.h = clamp(last.h + dy, MIN_SIDE, 1 - last.y);
        } else {
          last.x = clamp(last.x + dx, 0, 1 - last.w);
          last.y = clamp(last.y + dy, 0, 1 - last.h);
        }
      } else {
        return;
      }
      event.preventDefault();
      render();
    });

    tool.hidden = false;
    render();
  }

  document.querySelectorAll("[data-blur-tool]").forEach(setUp);
}());
