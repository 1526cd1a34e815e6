type AuthMessage = { type: 'auth'; token: string };

export function notifyParent(token: string): void {
  const msg: AuthMessage = { type: 'auth', token };
  // ruleid: js-postmessage-wildcard-origin
  window.parent.postMessage(msg, '*');
  // ok: js-postmessage-wildcard-origin
  window.parent.postMessage(msg, window.location.origin);
}

// ruleid: js-message-listener-no-origin-check
window.addEventListener('message', (event: MessageEvent<AuthMessage>) => {
  sessionStorage.setItem('token', event.data.token);
});

// ok: js-message-listener-no-origin-check
window.addEventListener('message', (event: MessageEvent<AuthMessage>) => {
  if (event.source !== window.parent) return;
  sessionStorage.setItem('token', event.data.token);
});
