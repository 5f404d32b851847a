// The therapist finder: narrows the cards on /therapists/ by the choices in the form, at once,
// and keeps them in the address (?service=…&sees=…) so a narrowed list can be shared. Without
// JavaScript the form stays hidden and the full list shows.
(function () {
  var form = document.getElementById("finder");
  var list = document.getElementById("therapist-list");
  if (!form || !list || !window.URLSearchParams) return;
  var count = document.getElementById("finder-count");
  var none = document.getElementById("finder-none");
  var cards = Array.prototype.slice.call(list.children);
  // form field -> the card's data- attribute (a space-separated list of values)
  var fields = { service: "services", sees: "sees", where: "where", language: "languages", accepting: "accepting" };

  function matches(card, params) {
    return Object.keys(fields).every(function (name) {
      var wanted = params.get(name);
      return !wanted || (card.dataset[fields[name]] || "").split(" ").indexOf(wanted) >= 0;
    });
  }

  function apply(keep) {
    var params = new URLSearchParams();
    Object.keys(fields).forEach(function (name) {
      var field = form.elements[name];
      if (field && field.value) params.set(name, field.value);
    });
    var shown = 0;
    cards.forEach(function (card) {
      card.hidden = !matches(card, params);
      if (!card.hidden) shown += 1;
    });
    count.textContent = params.toString() ? "Showing " + shown + " of " + cards.length + " therapists." : "";
    none.hidden = shown > 0;
    if (keep) {
      var query = params.toString();
      history.replaceState(null, "", query ? "?" + query : location.pathname);
    }
  }

  var asked = new URLSearchParams(location.search);
  Object.keys(fields).forEach(function (name) {
    var field = form.elements[name];
    if (!field || !asked.get(name)) return;
    field.value = asked.get(name);
    if (field.value !== asked.get(name)) field.value = "";  // a value the list does not offer
  });
  form.hidden = false;
  form.addEventListener("change", function () { apply(true); });
  form.addEventListener("submit", function (event) { event.preventDefault(); apply(true); });
  form.addEventListener("reset", function () { setTimeout(function () { apply(true); }, 0); });
  apply(false);
})();
