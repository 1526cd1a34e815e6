import DOMPurify from 'dompurify';

interface Props {
  title: string;
  bodyHtml: string;
}

export function Article({ title, bodyHtml }: Props): JSX.Element {
  // ruleid: js-react-dangerously-set-inner-html
  const body = <div dangerouslySetInnerHTML={{ __html: bodyHtml }} />;
  // ok: js-react-dangerously-set-inner-html
  const clean = <div dangerouslySetInnerHTML={{ __html: DOMPurify.sanitize(bodyHtml) }} />;
  // ok: js-react-dangerously-set-inner-html
  const note = <div dangerouslySetInnerHTML={{ __html: `<p class="note">Draft</p>` }} />;
  return (
    <article>
      <h1>{title}</h1>
      {body}
      {clean}
      {note}
    </article>
  );
}
