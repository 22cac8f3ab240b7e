// Draws each chart of the public dashboard from the figures the server put in its canvas's
// data-chart attribute. Nothing is computed here: the table beside each chart holds the same numbers.
(function () {
  'use strict';
  function draw() {
    if (typeof Chart === 'undefined') {
      return; // without Chart.js the tables alone carry the figures
    }
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var spec = JSON.parse(canvas.getAttribute('data-chart'));
      new Chart(canvas, {
        type: spec.type,
        data: { labels: spec.labels, datasets: spec.datasets },
        options: {
          responsive: true,
          maintainAspectRatio: false,
          spanGaps: true,
          scales: { y: { beginAtZero: true, suggestedMax: 100, ticks: { callback: function (v) { return v + '%'; } } } }
        }
      });
    });
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', draw);
  } else {
    draw();
  }
})();
