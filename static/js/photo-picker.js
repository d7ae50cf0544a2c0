// The intake forms' photo field (templates/_macros.html, photo_picker): choosing more files adds to the ones chosen
// before, each with a preview and a remove button, up to the limit ("3/5 ảnh"). The files to send are kept in a
// DataTransfer list written back into the input, so a removed photo is not sent. On a phone a "take a photo" button
// opens the camera. Without JavaScript (or DataTransfer) the plain multiple file input works; the server checks
// every file again by its bytes.
(function () {
  var ACCEPTED = /^image\/(jpeg|png|webp|heic|heif)$/;
  var ACCEPTED_NAME = /\.(jpe?g|png|webp|heic|heif)$/i;  // some browsers give HEIC photos no type
  var PREVIEW_SIDE = 240;

  function canKeepFiles() {
    try { return typeof DataTransfer !== "undefined" && !!new DataTransfer().items; } catch (e) { return false; }
  }
  if (!canKeepFiles()) return;

  document.querySelectorAll("[data-photo-picker]").forEach(function (box) {
    var input = box.querySelector("input[type=file]");
    if (!input) return;
    var text = function (name) { return box.getAttribute("data-text-" + name) || ""; };
    var max = parseInt(box.getAttribute("data-max"), 10) || 5;
    var maxBytes = parseInt(box.getAttribute("data-max-bytes"), 10) || 10 * 1024 * 1024;
    var count = box.querySelector("[data-photo-count]");
    var previews = box.querySelector("[data-photo-previews]");
    var refused = document.createElement("p");
    refused.className = "error";
    refused.setAttribute("role", "alert");
    refused.hidden = true;
    input.insertAdjacentElement("afterend", refused);
    var kept = [];

    function add(files) {
      var problems = [];
      Array.prototype.forEach.call(files, function (file) {
        if (!ACCEPTED.test(file.type) && !ACCEPTED_NAME.test(file.name)) problems.push(text("not-image") + " " + file.name);
        else if (file.size > maxBytes) problems.push(text("too-large") + " " + file.name);
        else if (kept.length >= max) { if (problems.indexOf(text("too-many")) < 0) problems.push(text("too-many")); }
        else kept.push(file);
      });
      refused.textContent = problems.join(" ");
      refused.hidden = !problems.length;
      update();
    }

    function update() {
      var list = new DataTransfer();
      kept.forEach(function (file) { list.items.add(file); });
      input.files = list.files;
      count.textContent = kept.length ? text("count").replace("__count__", kept.length) : "";
      render();
    }

    // A small copy drawn from the file's pixels: the site's policy lets pictures come from itself and data: URLs
    // only (not blob:), and a thumbnail spares a phone five full-size pictures in memory.
    function preview(file, img) {
      if (!window.createImageBitmap) { img.remove(); return; }
      createImageBitmap(file).then(function (bitmap) {
        var scale = Math.min(1, PREVIEW_SIDE / Math.max(bitmap.width, bitmap.height));
        var canvas = document.createElement("canvas");
        canvas.width = Math.max(1, Math.round(bitmap.width * scale));
        canvas.height = Math.max(1, Math.round(bitmap.height * scale));
        canvas.getContext("2d").drawImage(bitmap, 0, 0, canvas.width, canvas.height);
        img.src = canvas.toDataURL("image/jpeg", 0.8);
      }).catch(function () { img.remove(); });  // HEIC: most browsers cannot draw it; the name stays
    }

    function render() {
      previews.innerHTML = "";
      kept.forEach(function (file, index) {
        var item = document.createElement("li");
        var img = document.createElement("img");
        img.alt = "";
        preview(file, img);
        var name = document.createElement("span");
        name.className = "photo-name";
        name.textContent = file.name;
        var remove = document.createElement("button");
        remove.type = "button";
        remove.className = "button small secondary";
        remove.textContent = text("remove");
        remove.setAttribute("aria-label", text("remove") + " " + file.name);
        remove.addEventListener("click", function () {
          kept.splice(index, 1);
          refused.hidden = true;
          update();
          var next = previews.querySelectorAll("button")[Math.min(index, kept.length - 1)];
          (next || input).focus();
        });
        item.appendChild(img);
        item.appendChild(name);
        item.appendChild(remove);
        previews.appendChild(item);
      });
    }

    input.addEventListener("change", function () {
      // The browser replaced the input's files with the new choice: add it to what was kept.
      var chosen = Array.prototype.slice.call(input.files);
      add(chosen);
    });

    if (window.matchMedia && window.matchMedia("(pointer: coarse)").matches) {
      var camera = document.createElement("input");
      camera.type = "file";
      camera.accept = "image/*";
      camera.setAttribute("capture", "environment");
      camera.hidden = true;  // no name: never sent itself, its photo joins the list above
      var shoot = document.createElement("button");
      shoot.type = "button";
      shoot.className = "button small secondary photo-camera";
      shoot.textContent = text("camera");
      shoot.addEventListener("click", function () { camera.click(); });
      camera.addEventListener("change", function () { add(camera.files); camera.value = ""; });
      input.insertAdjacentElement("afterend", shoot);
      box.appendChild(camera);
    }
  });
})();
