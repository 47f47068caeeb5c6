// Injected by ReportInBrowserTests into a copy of report.html: measures the laid-out page in a
// real browser and writes what it found, as base64 of UTF-8 JSON (so no HTML escaping can change
// it), into <pre id="earshot-probe">.
(function () {
  var out = {
    width: window.innerWidth,
    scrollWidth: document.documentElement.scrollWidth,
    svgs: [], labels: 0, clipped: [], overflowing: [], text: document.body.innerText
  };
  function scrolls(element) {
    for (var p = element.parentElement; p; p = p.parentElement) {
      var x = getComputedStyle(p).overflowX;
      if (x === 'auto' || x === 'scroll' || x === 'hidden') return true;
    }
    return false;
  }
  document.querySelectorAll('svg').forEach(function (svg, i) {
    var r = svg.getBoundingClientRect();
    out.svgs.push([Math.round(r.width), Math.round(r.height)]);
    svg.querySelectorAll('text').forEach(function (t) {
      var b = t.getBoundingClientRect();
      if (b.width === 0) return;
      out.labels += 1;
      if (b.left < r.left - 1 || b.right > r.right + 1 || b.top < r.top - 1 || b.bottom > r.bottom + 1)
        out.clipped.push('chart ' + i + ': ' + t.textContent);
    });
  });
  document.querySelectorAll('body *').forEach(function (e) {
    var b = e.getBoundingClientRect();
    if (b.right > window.innerWidth + 1 && !scrolls(e))
      out.overflowing.push(e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' to ' + Math.round(b.right) + 'px');
  });
  var pre = document.createElement('pre');
  pre.id = 'earshot-probe';
  pre.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(out))));
  document.body.appendChild(pre);
})();
