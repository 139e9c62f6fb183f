import { CopyButton } from './copy-button';

type Props = {
  code: string;
  /** Names the copy button ("Copy trust policy"), so several blocks on a page stay distinct. */
  copyLabel: string;
  title?: string;
};

/** Generated text the user pastes elsewhere; focusable so keyboard users can scroll it. */
export function CodeBlock({ code, copyLabel, title }: Props) {
  return (
    <div className="code-panel">
      <div className="code-panel-head">
        <span className="code-panel-title">{title}</span>
        <CopyButton value={code} label={copyLabel} />
      </div>
      <pre className="code-block code-block-flush" tabIndex={0} aria-label={title ?? copyLabel}>
        {code}
      </pre>
    </div>
  );
}
