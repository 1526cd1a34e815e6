export function showError(container: HTMLElement, error: { message: string }): void {
  // ruleid: js-dom-inner-html
  container.innerHTML = `<div class="error">${error.message}</div>`;
  // ok: js-dom-inner-html
  container.innerHTML = '<div class="error">Something went wrong</div>';
  const policy = window.trustedTypes!.createPolicy('app', { createHTML: (s: string) => s });
  // ok: js-dom-inner-html
  container.innerHTML = policy.createHTML(error.message) as unknown as string;
  // ruleid: js-dom-insert-adjacent-html
  container.insertAdjacentHTML('beforeend', error.message);
}
