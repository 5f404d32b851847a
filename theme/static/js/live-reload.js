// Only in `make serve`: reload the page when a new build is ready.
(function () {
  var seen = null;
  setInterval(function () {
    fetch("/__live_reload", { cache: "no-store" }).then(function (r) { return r.text(); }).then(function (build) {
      if (seen !== null && build !== seen) location.reload();
      seen = build;
    }).catch(function () {});
  }, 1000);
})();
