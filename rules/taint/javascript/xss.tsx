import React from "react";
import DOMPurify from "dompurify";

export function Preview(): JSX.Element {
  const html: string = window.location.hash.slice(1);
  // ruleid: js-flow-xss
  const raw = <section dangerouslySetInnerHTML={{ __html: html }} />;
  // ok: js-flow-xss
  const clean = <section dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(html) }} />;
  // ok: js-flow-xss
  const text = <p title={html}>{html}</p>;
  return (
    <div>
      {raw}
      {clean}
      {text}
    </div>
  );
}
