const APP_ORIGIN = 'https://app.example.com';

export function sendToken(token) {
  // ruleid: js-postmessage-wildcard-origin
  window.opener.postMessage({ type: 'auth', token }, '*');
  // ruleid: js-postmessage-wildcard-origin
  parent.postMessage({ token }, { targetOrigin: "*" });
  // ok: js-postmessage-wildcard-origin
  window.opener.postMessage({ type: 'auth', token }, APP_ORIGIN);
  // ok: js-postmessage-wildcard-origin
  iframe.contentWindow.postMessage({ token }, 'https://widgets.example.com');
  // ok: js-postmessage-wildcard-origin
  worker.postMessage({ token }, [buffer]);
  // ok: js-postmessage-wildcard-origin
  channel.port1.postMessage('*');
  // ok: js-postmessage-wildcard-origin
  window.postMessage('zero-timeout', '*');
}

// ruleid: js-message-listener-no-origin-check
window.addEventListener('message', (event) => {
  document.getElementById('out').innerHTML = event.data.html;
});

// ruleid: js-message-listener-no-origin-check
window.onmessage = function (e) {
  localStorage.setItem('settings', JSON.stringify(e.data));
};

// ok: js-message-listener-no-origin-check
window.addEventListener('message', (event) => {
  if (event.origin !== APP_ORIGIN) return;
  document.getElementById('out').textContent = event.data.text;
});

// ok: js-message-listener-no-origin-check
window.addEventListener('message', ({ origin, data }) => {
  if (!ALLOWED.has(origin)) return;
  render(data);
});

// ok: js-message-listener-no-origin-check
worker.addEventListener('message', (event) => render(event.data));

// ok: js-message-listener-no-origin-check
window.addEventListener('resize', () => layout({ data: true }));
