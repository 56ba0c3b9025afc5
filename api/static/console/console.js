/* Konsol Verifikasi: keyboard shortcuts and the searchable agency list. No framework, no build step.
   Every action also works without JavaScript (plain forms and <details> panels). */
(function () {
  "use strict";
  var body = document.body;
  var page = body.getAttribute("data-page");

  function typing(ev) {
    var t = ev.target;
    return t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName));
  }
  function go(url) { if (url) { window.location.href = url; } }
  function openPanel(id, focusSelector) {
    var panel = document.getElementById(id);
    if (!panel) { return false; }
    document.querySelectorAll("details.panel[open]").forEach(function (d) { if (d !== panel) { d.open = false; } });
    panel.open = true;
    var field = panel.querySelector(focusSelector || "input:not([type=hidden]), textarea");
    if (field) { field.focus(); }
    panel.scrollIntoView({ block: "nearest" });
    return true;
  }

  /* ---- searchable agency list ---------------------------------------------------------------- */
  function setupAgencySearch() {
    var input = document.getElementById("agency-search");
    var list = document.getElementById("agency-list");
    if (!input || !list) { return; }
    var options = Array.prototype.slice.call(list.querySelectorAll(".agency-option"));
    var current = -1;
    function visible() { return options.filter(function (o) { return !o.classList.contains("hidden"); }); }
    function highlight(i) {
      var vis = visible();
      options.forEach(function (o) { o.classList.remove("highlight"); });
      if (!vis.length) { current = -1; return; }
      current = Math.max(0, Math.min(i, vis.length - 1));
      vis[current].classList.add("highlight");
      vis[current].scrollIntoView({ block: "nearest" });
    }
    input.addEventListener("input", function () {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      options.forEach(function (o) {
        var hay = o.getAttribute("data-search");
        var ok = words.every(function (w) { return hay.indexOf(w) !== -1; });
        o.classList.toggle("hidden", !ok);
      });
      highlight(0);
    });
    input.addEventListener("keydown", function (ev) {
      if (ev.key === "ArrowDown") { ev.preventDefault(); highlight(current + 1); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight(current - 1); }
      else if (ev.key === "Enter") {
        ev.preventDefault();
        var vis = visible();
        var chosen = vis[current < 0 ? 0 : current];
        if (chosen) {
          chosen.querySelector("input[type=radio]").checked = true;
          input.form.requestSubmit ? input.form.requestSubmit() : input.form.submit();
        }
      } else if (ev.key === "Escape") { input.blur(); }
    });
  }

  /* ---- complaint page ------------------------------------------------------------------------ */
  function complaintKeys(ev) {
    if (ev.key === "Escape") {
      document.querySelectorAll("details.panel[open]").forEach(function (d) { d.open = false; });
      if (document.activeElement) { document.activeElement.blur(); }
      return;
    }
    if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var canDecide = body.getAttribute("data-can-decide") === "yes";
    var key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
    var handled = true;
    if (key === "Enter" && canDecide && document.getElementById("form-confirm")
        && !(ev.target && /^(A|BUTTON|SUMMARY)$/.test(ev.target.tagName))) {
      document.getElementById("btn-confirm").click();
    } else if (key === "/" && canDecide) { openPanel("panel-reassign", "#agency-search"); }
    else if (key === "a" && canDecide) { openPanel("panel-archive"); }
    else if (key === "h" && canDecide) { openPanel("panel-hoax"); }
    else if (key === "i" && canDecide) { openPanel("panel-info"); }
    else if (key === "r") {
      var radio = document.querySelector("#form-confidentiality input:checked");
      if (radio) { radio.focus(); } else { handled = false; }
    }
    else if (key === "j") { go(body.getAttribute("data-next-url")); }
    else if (key === "k") { go(body.getAttribute("data-prev-url")); }
    else if (key === "q") { go(body.getAttribute("data-queue-url")); }
    else { handled = false; }
    if (handled) { ev.preventDefault(); }
  }

  /* ---- queue page ---------------------------------------------------------------------------- */
  function setupQueue() {
    var rows = Array.prototype.slice.call(document.querySelectorAll("table.queue tbody tr[data-href]"));
    var current = -1;
    function select(i) {
      if (!rows.length) { return; }
      rows.forEach(function (r) { r.classList.remove("selected"); });
      current = Math.max(0, Math.min(i, rows.length - 1));
      rows[current].classList.add("selected");
      rows[current].scrollIntoView({ block: "nearest" });
    }
    rows.forEach(function (r) {
      r.addEventListener("click", function (ev) { if (!ev.target.closest("a")) { go(r.getAttribute("data-href")); } });
    });
    document.addEventListener("keydown", function (ev) {
      if (typing(ev) || ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
      var key = ev.key.length === 1 ? ev.key.toLowerCase() : ev.key;
      if (key === "j") { select(current + 1); }
      else if (key === "k") { select(current - 1); }
      else if ((key === "Enter" || key === "o") && current >= 0) { go(rows[current].getAttribute("data-href")); }
      else if (key === "/") { var f = document.getElementById("filter-agency"); if (f) { f.focus(); } }
      else { return; }
      ev.preventDefault();
    });
  }

  if (page === "complaint") {
    setupAgencySearch();
    document.addEventListener("keydown", complaintKeys);
  } else if (page === "queue") {
    setupQueue();
  }
}());
