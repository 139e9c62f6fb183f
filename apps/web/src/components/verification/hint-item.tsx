import type { Hint } from '@rolebridge/contracts';
import { CodeBlock } from '../ui/code-block';

/** One piece of advice; `context` keeps copy-button names unique when hints repeat. */
export function HintItem({ hint, context }: { hint: Hint; context?: string }) {
  const severity = hint.severity ?? 'error';
  return (
    <div className={`hint hint-${severity}`}>
      <p className="hint-title">{hint.title}</p>
      <p>{hint.detail}</p>
      {hint.fix && (
        <CodeBlock
          code={hint.fix}
          title="Fix"
          copyLabel={`Copy fix: ${hint.title}${context ? ` (${context})` : ''}`}
        />
      )}
    </div>
  );
}
