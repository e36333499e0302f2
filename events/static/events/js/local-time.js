// Progressive enhancement: where JavaScript runs, also show an event's time in the
// visitor's own time zone. The server-rendered time (in the event's zone, with its UTC
// offset) is complete without this file. Loaded with `defer`: the CSP allows no inline
// script.
(function () {
  "use strict";
  var target = document.querySelector("[data-visitor-time]");
  if (!target || !window.Intl || !Intl.DateTimeFormat) return;
  var times = target.parentNode.querySelectorAll("time[data-local-time]");
  if (times.length < 2) return;
  var start = new Date(times[0].getAttribute("datetime"));
  var end = new Date(times[1].getAttribute("datetime"));
  if (isNaN(start) || isNaN(end)) return;
  var lang = document.documentElement.lang || undefined;
  var visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // Nothing to add when the visitor's clock already shows the event's time.
  var offset = times[0].getAttribute("datetime").slice(-6);
  var minutes = -start.getTimezoneOffset();
  var sign = minutes >= 0 ? "+" : "-";
  var abs = Math.abs(minutes);
  var own = sign + String(Math.floor(abs / 60)).padStart(2, "0") + ":" + String(abs % 60).padStart(2, "0");
  if (own === offset) return;
  var full = new Intl.DateTimeFormat(lang, {
    dateStyle: "long", timeStyle: "short", timeZone: visitorZone
  });
  // timeStyle cannot be combined with timeZoneName: the zone is named at the end.
  var timeOnly = new Intl.DateTimeFormat(lang, { timeStyle: "short", timeZone: visitorZone });
  var day = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: visitorZone });
  var sameDay = day.format(start) === day.format(end);
  target.textContent = target.getAttribute("data-label") + " " + full.format(start) + "–" +
    (sameDay ? timeOnly.format(end) : full.format(end)) + " (" + visitorZone + ")";
  target.hidden = false;
})();
