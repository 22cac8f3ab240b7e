// Live queues: an element with data-live="<stream url>" listens to the server's queue-changed events and
// passes each on as a "queue-changed" DOM event on <body>, which the page's htmx triggers reload on.
// The browser's EventSource reconnects by itself after a network or server restart.
document.addEventListener('DOMContentLoaded', function () {
  var source = document.querySelector('[data-live]');
  if (!source || !window.EventSource) {
    return;
  }
  var events = new EventSource(source.getAttribute('data-live'));
  events.addEventListener('queue-changed', function () {
    document.body.dispatchEvent(new CustomEvent('queue-changed'));
  });
});
