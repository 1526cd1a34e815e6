import React from 'react';
import DOMPurify from 'dompurify';
import { marked } from 'marked';

export function Profile({ user }) {
  return (
    <section>
      <div
        className="bio"
        // ruleid: js-react-dangerously-set-inner-html
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(user.bio) }}
      />
      <div
        className="readme"
        // ruleid: js-react-dangerously-set-inner-html
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(marked.parse(user.readme)) }}
      />
      <div
        // ok: js-react-dangerously-set-inner-html
        dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(user.signature) }}
      />
      <div
        // ok: js-react-dangerously-set-inner-html
        dangerouslySetInnerHTML={{ __html: '<hr class="divider" />' }}
      />
      <div
        // ok: js-react-dangerously-set-inner-html
        title={user.bio}
      >
        {user.bio}
      </div>
    </section>
  );
}

export function Legacy({ html }) {
  // ruleid: js-react-dangerously-set-inner-html
  return React.createElement('div', { dangerouslySetInnerHTML: { __html: DOMPurify.sanitize(html) } });
}

export function Shorthand({ content }) {
  const __html = content;
  // ruleid: js-react-dangerously-set-inner-html
  return <div dangerouslySetInnerHTML={{ __html }} />;
}

// ok: js-react-dangerously-set-inner-html
const emptyMarkup = { __html: '' };
