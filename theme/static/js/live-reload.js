// Only in `make serve`: the server pushes the state of each build (server-sent events, this
// site's own origin). A build that changed this page, a stylesheet or a script reloads it;
// a failed one shows its error over the page, exactly as the terminal prints it, until a
// build succeeds again.
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
  function concernsThisPage(changed) {
    if (!changed) return true; // the server could not tell: any page may have changed
    var here = decodeURI(location.pathname);
    return changed.some(function (url) {
      return url === here || /\.(css|js)$/.test(url);
    });
  }
  var events = new EventSource("/__events");
  events.addEventListener("state", function (event) {
    var state = JSON.parse(event.data);
    if (shown !== null && state.generation !== shown && concernsThisPage(state.changed)) {
      location.reload();
      return;
    }
    shown = state.generation;
    if (state.error) showError(state.error);
    else if (panel) { panel.remove(); panel = null; }
  });
})();
