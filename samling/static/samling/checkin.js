/* Check-in: marks without reloading, a camera scan of the badge QR code, live counts.
   Progressive enhancement: without this file every form still works by itself. */
(function () {
  "use strict";

  var root = document.querySelector(".checkin");
  if (!root || !window.fetch || !window.FormData) {
    return;
  }
  var status = document.getElementById("checkin-status");
  var counts = document.getElementById("checkin-counts");
  var POLL_MS = 15000;
  var RETRIES = 4;

  function say(text, isError) {
    status.textContent = text || "";
    status.classList.toggle("checkin-status--error", !!isError);
  }

  function showCounts(data) {
    if (data && data.text) {
      counts.textContent = data.text;
    }
  }

  function showRow(registrationId, arrived) {
    var row = document.getElementById("registration-" + registrationId);
    if (!row) {
      return;
    }
    row.classList.toggle("is-arrived", arrived);
    var mark = row.querySelector(".checkin-row__mark");
    var undo = row.querySelector(".checkin-row__undo");
    mark.hidden = arrived;
    undo.hidden = !arrived;
    var focusTarget = (arrived ? undo : mark).querySelector("button");
    if (focusTarget && row.contains(document.activeElement)) {
      focusTarget.focus();
    }
  }

  function wait(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  // A mark is idempotent on the server, so sending it again after a lost answer is harmless.
  function send(url, body, attempt) {
    attempt = attempt || 0;
    return fetch(url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.json().then(function (data) {
        return { ok: response.ok, data: data };
      }, function () {
        return { ok: false, data: { error: root.dataset.msgFailed } };
      });
    }, function () {
      if (attempt >= RETRIES) {
        return { ok: false, data: { error: root.dataset.msgFailed } };
      }
      say(root.dataset.msgOffline, true);
      return wait(1000 * Math.pow(2, attempt)).then(function () {
        return send(url, body, attempt + 1);
      });
    });
  }

  function submit(form, extra) {
    var body = new FormData(form);
    if (extra) {
      Object.keys(extra).forEach(function (key) { body.set(key, extra[key]); });
    }
    var buttons = form.querySelectorAll("button");
    buttons.forEach(function (button) { button.disabled = true; });
    return send(form.action, body).then(function (result) {
      buttons.forEach(function (button) { button.disabled = false; });
      var data = result.data || {};
      if (data.counts) {
        showCounts(data.counts);
      }
      if (!result.ok) {
        say(data.error || root.dataset.msgFailed, true);
        return result;
      }
      say(data.message, false);
      showRow(data.registration, data.arrived);
      return result;
    });
  }

  root.querySelectorAll("form.checkin-action").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      submit(form).then(function (result) {
        if (result.ok && form.dataset.kind === "code") {
          form.reset();
        }
      });
    });
  });

  // Live counts, while the page is visible.
  setInterval(function () {
    if (document.hidden) {
      return;
    }
    fetch(root.dataset.countsUrl, {
      credentials: "same-origin",
      headers: { "Accept": "application/json" }
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(showCounts, function () { /* offline: try again at the next tick */ });
  }, POLL_MS);

  // Camera scan, where the browser can read QR codes itself.
  var startButton = root.querySelector(".checkin-scan__start");
  var camera = root.querySelector(".checkin-camera");
  var video = root.querySelector(".checkin-camera__video");
  var stopButton = root.querySelector(".checkin-camera__stop");
  var codeForm = root.querySelector("form.checkin-code");
  var canScan = "BarcodeDetector" in window && navigator.mediaDevices &&
    typeof navigator.mediaDevices.getUserMedia === "function";
  if (!canScan || !startButton) {
    return;
  }
  startButton.hidden = false;
  var stream = null;
  var detector = null;
  var timer = null;
  var lastCode = null;

  function stop() {
    if (timer) {
      clearTimeout(timer);
      timer = null;
    }
    if (stream) {
      stream.getTracks().forEach(function (track) { track.stop(); });
      stream = null;
    }
    video.srcObject = null;
    camera.hidden = true;
    startButton.hidden = false;
  }

  function look() {
    if (!stream) {
      return;
    }
    detector.detect(video).then(function (codes) {
      var found = codes.length ? codes[0].rawValue : null;
      if (found && found !== lastCode) {
        lastCode = found;
        submit(codeForm, { code: found });
        // Forget the code after a while, so the same badge can be scanned again later.
        setTimeout(function () { if (lastCode === found) { lastCode = null; } }, 5000);
      }
    }, function () { /* a frame that cannot be read: try the next */ }).then(function () {
      if (stream) {
        timer = setTimeout(look, 250);
      }
    });
  }

  startButton.addEventListener("click", function () {
    try {
      detector = detector || new window.BarcodeDetector({ formats: ["qr_code"] });
    } catch (error) {
      say(root.dataset.msgCamera, true);
      return;
    }
    navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" }, audio: false })
      .then(function (mediaStream) {
        stream = mediaStream;
        video.srcObject = mediaStream;
        camera.hidden = false;
        startButton.hidden = true;
        say(root.dataset.msgPointing, false);
        return video.play().then(function () {
          stopButton.focus();
          look();
        });
      })
      .catch(function () {
        stop();
        say(root.dataset.msgCamera, true);
      });
  });
  stopButton.addEventListener("click", function () {
    stop();
    say("", false);
    startButton.focus();
  });
  document.addEventListener("visibilitychange", function () {
    if (document.hidden && stream) {
      stop();
    }
  });
}());
