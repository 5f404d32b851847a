// Only in `make serve`: the server pushes the state of each build (server-sent events, this
// site's own origin). A new build reloads the page; a failed one shows its error over the
// page, exactly as the terminal prints it, until a build succeeds again.
(function () {
  var shown = null;
  var panel = null;
  function showError(text) {
    if (!panel) {
      panel = document.createElement("div");
      panel.className = "live-error";
      panel.setAttribute("role", "alert");
      var title = document.createElement("p");
      title.className = "live-error-title";
      title.textContent = "This page could not be rebuilt. The last good version is shown below.";
      panel.appendChild(title);
      panel.appendChild(document.createElement("pre"));
      document.body.insertBefore(panel, document.body.firstChild);
    }
    panel.lastChild.textContent = text;
  }
  var events = new EventSource("/__events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (shown === null) {
      shown = state.generation;
    } else if (state.generation !== shown) {
      location.reload();
      return;
    }
    if (state.error) showError(state.error);
    else if (panel) { panel.remove(); panel = null; }
  });
})();
