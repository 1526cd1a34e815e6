import DOMPurify from 'dompurify';

const params = new URLSearchParams(window.location.search);

export function renderComments(list, comments) {
  for (const comment of comments) {
    // ruleid: js-dom-inner-html
    list.innerHTML += `<li>${comment.author}: ${comment.body}</li>`;
  }
  // ruleid: js-dom-inner-html
  document.getElementById('title').innerHTML = params.get('title');
  // ok: js-dom-inner-html
  list.innerHTML = '';
  // ok: js-dom-inner-html
  list.innerHTML = '<li class="empty">No comments yet</li>';
  // ok: js-dom-inner-html
  list.innerHTML = `<li class="loading">Loading…</li>`;
  // ok: js-dom-inner-html
  list.innerHTML = DOMPurify.sanitize(comments[0].html);
  // ok: js-dom-inner-html
  list.textContent = params.get('title');
  // ok: js-dom-inner-html
  list.innerHTML = '<li class="hint">Comments are \
moderated</li>';
  // ok: js-dom-inner-html
  list.innerHTML = document.getElementById('comment-template').innerHTML;
  // ok: js-dom-inner-html
  const previous = list.innerHTML;
  return previous;
}

export function replaceBadge(badge, user) {
  // ruleid: js-dom-outer-html
  badge.outerHTML = `<span class="badge">${user.nickname}</span>`;
  // ok: js-dom-outer-html
  badge.outerHTML = '<span class="badge">guest</span>';
}

export function appendMessage(feed, msg) {
  // ruleid: js-dom-insert-adjacent-html
  feed.insertAdjacentHTML('beforeend', `<p>${msg.text}</p>`);
  // ruleid: js-dom-insert-adjacent-html
  feed.insertAdjacentHTML('afterbegin', msg.html);
  // ok: js-dom-insert-adjacent-html
  feed.insertAdjacentHTML('beforeend', '<hr class="separator">');
  // ok: js-dom-insert-adjacent-html
  feed.insertAdjacentHTML('beforeend', DOMPurify.sanitize(msg.html));
  // ok: js-dom-insert-adjacent-html
  feed.insertAdjacentText('beforeend', msg.text);
}

export function legacyBanner() {
  // ruleid: js-document-write
  document.write('<h1>Hello ' + params.get('name') + '</h1>');
  // ruleid: js-document-write
  window.document.writeln(localStorage.getItem('banner'));
  // ok: js-document-write
  document.write('<p>Please enable cookies.</p>');
  // ok: js-document-write
  stream.write(params.get('name'));
}
