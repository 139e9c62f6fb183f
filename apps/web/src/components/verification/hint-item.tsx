import type { Hint } from '@rolebridge/contracts';
import { CodeBlock } from '../ui/code-block';

/** One piece of advice; `context` keeps copy-button names unique when hints repeat. */
export function HintItem({ hint, context }: { hint: Hint; context?: string }) {
  const severity = hint.severity ?? 'error';
  const where = context ? ` (${context})` : '';
  return (
    <div className={`hint hint-${severity}`}>
      <p className="hint-title">{hint.title}</p>
      <p>{hint.detail}</p>
      {hint.fixes ? (
        // The statement alone is not a policy: offer the whole document and the command too.
        hint.fixes.map((f) => (
          <CodeBlock
            key={f.kind}
            code={f.value}
            title={f.label}
            copyLabel={`Copy ${f.kind === 'statement' ? 'fix' : f.kind}: ${hint.title}${where}`}
          />
        ))
      ) : hint.fix ? (
        <CodeBlock code={hint.fix} title="Fix" copyLabel={`Copy fix: ${hint.title}${where}`} />
      ) : null}
    </div>
  );
}
