// Pagefind's default search UI, on the search page only. Everything is served from this site.
// A large site is indexed in several bundles, listed in bundles.json; they are searched together.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  var base = box.dataset.base.replace(/\/$/, "") + "/";
  function start(bundles) {
    new PagefindUI({
      element: "#search",
      bundlePath: base + bundles[0],
      mergeIndex: bundles.slice(1).map(function (b) { return { bundlePath: base + b }; }),
      baseUrl: base,
      showImages: false,
      resetStyles: false
    });
    label(box.querySelector("input"));
  }
  // Pagefind's field is named only by its title; a visible label names it for everyone.
  function label(input) {
    if (!input) return;
    input.id = "search-field";
    var text = document.createElement("label");
    text.htmlFor = input.id;
    text.className = "search-label";
    text.textContent = "Search articles, therapists and pages";
    box.insertBefore(text, box.firstChild);
  }
  fetch(box.dataset.bundle + "bundles.json")
    .then(function (r) { return r.json(); })
    .then(function (m) { start(m.bundles); })
    .catch(function () { start(["pagefind/"]); });
});
