// Agent console: the live screen pop, and one-click choices that fill the form without a round trip.
// Everything here has a plain-form fallback except the screen pop itself, which needs the live feed.
(function () {
  'use strict';

  function showScreenPop(panel, pop) {
    var zone = panel.getAttribute('data-zone') || undefined;
    document.getElementById('pop-caller').textContent = pop.callerNumber || '';
    var rows = document.getElementById('pop-cases');
    while (rows.firstChild) {
      rows.removeChild(rows.firstChild);
    }
    (pop.earlierCases || []).forEach(function (c) {
      var tr = document.createElement('tr');
      var received = c.receivedAt ? new Date(c.receivedAt).toLocaleDateString('sv-SE', { timeZone: zone }) : '';
      [c.caseNumber, c.subject, c.statusText, received].forEach(function (value) {
        var td = document.createElement('td');
        td.textContent = value || '';
        tr.appendChild(td);
      });
      rows.appendChild(tr);
    });
    var none = !pop.earlierCases || pop.earlierCases.length === 0;
    document.getElementById('pop-table').hidden = none;
    document.getElementById('pop-none').hidden = !none;
    panel.hidden = false;
    var phone = document.getElementById('phone');
    if (phone && pop.callerNumber) {
      phone.value = pop.callerNumber;
      // Similar open cases follow the phone field (htmx listens for this).
      document.body.dispatchEvent(new CustomEvent('screen-pop'));
    }
  }

  function connect(panel) {
    if (!window.EventSource) {
      return;
    }
    var stream = new EventSource(panel.getAttribute('data-stream'));
    // Marks the console as reachable by a ringing phone (tests and people can tell it is live).
    stream.addEventListener('open', function () {
      panel.setAttribute('data-live', 'true');
    });
    stream.addEventListener('error', function () {
      panel.setAttribute('data-live', 'false');
    });
    stream.addEventListener('screen-pop', function (event) {
      showScreenPop(panel, JSON.parse(event.data));
    });
  }

  function useAnswer(button) {
    document.getElementById('answer').value = button.getAttribute('data-answer');
    document.getElementById('articleId').value = button.getAttribute('data-article');
    var answer = document.querySelector('input[name="decision"][value="ANSWER"]');
    if (answer) {
      answer.checked = true;
    }
    document.getElementById('answer-source').hidden = false;
    document.getElementById('answer').focus();
  }

  function pick(button) {
    var field = document.getElementById(button.getAttribute('data-field'));
    if (field) {
      field.value = button.getAttribute('data-code');
      field.focus();
    }
  }

  document.addEventListener('click', function (event) {
    var use = event.target.closest('button.use-answer');
    if (use) {
      event.preventDefault();
      useAnswer(use);
      return;
    }
    var choice = event.target.closest('button.pick');
    if (choice) {
      event.preventDefault();
      pick(choice);
    }
  });

  document.addEventListener('DOMContentLoaded', function () {
    var panel = document.getElementById('screen-pop');
    if (panel) {
      connect(panel);
    }
  });
})();
