// Pagefind's default search UI, on the search page only. Everything is served from this site.
window.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("search");
  if (!box || typeof PagefindUI === "undefined") return;
  new PagefindUI({ element: "#search", bundlePath: box.dataset.bundle, baseUrl: box.dataset.base, showImages: false, resetStyles: false });
});
