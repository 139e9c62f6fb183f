import type { AnalyzeTrustPolicyResponse } from '@rolebridge/contracts';
import { Badge, type BadgeTone } from '../../../../components/ui/badge';
import { CodeBlock } from '../../../../components/ui/code-block';

const decisions: Record<string, { tone: BadgeTone; text: string }> = {
  allow: { tone: 'success', text: 'Allowed' },
  'implicit-deny': { tone: 'danger', text: 'Denied: no statement allows it' },
  'explicit-deny': { tone: 'danger', text: 'Denied by a Deny statement' },
};
const severities = ['error', 'warning', 'info'] as const;
const severityTone = { error: 'danger', warning: 'warning', info: 'info' } as const;

type Props = { analysis: AnalyzeTrustPolicyResponse; stale: boolean };

export function AnalysisResult({ analysis, stale }: Props) {
  const findings = [...analysis.findings].sort(
    (a, b) => severities.indexOf(a.severity) - severities.indexOf(b.severity),
  );
  const fix = analysis.suggestedPolicy ?? findings.find((f) => f.fix)?.fix;
  return (
    <div className={`stack-md analysis${stale ? ' is-stale' : ''}`}>
      <h4 className="subsection-title">Verdict per external ID</h4>
      <ul className="results">
        {analysis.results.map((r) => {
          const decision = decisions[r.decision] ?? { tone: 'neutral', text: r.decision };
          const failing = r.statements.flatMap((s) =>
            s.conditions.filter((c) => !c.matched).map((c) => ({ s, c })),
          );
          return (
            <li key={r.externalId} className="result">
              <div className="result-head">
                <Badge tone={decision.tone}>{decision.text}</Badge>
                <code className="mono break">{r.externalId}</code>
              </div>
              {r.decision !== 'allow' &&
                failing.slice(0, 3).map(({ s, c }) => (
                  <p key={`${s.index}-${c.operator}-${c.key}`} className="muted">
                    Statement {s.sid ?? s.index + 1}: {c.operator} {c.key} expects{' '}
                    <code className="mono">{c.values.join(', ')}</code>
                  </p>
                ))}
              {r.notes?.map((n) => (
                <p key={n} className="muted">
                  {n}
                </p>
              ))}
            </li>
          );
        })}
      </ul>
      {findings.length > 0 && (
        <>
          <h4 className="subsection-title">Findings</h4>
          <ul className="findings">
            {findings.map((f, i) => (
              <li key={`${f.code}-${i}`} className="finding">
                <Badge tone={severityTone[f.severity]}>{f.severity}</Badge>
                <span>
                  {f.message}
                  {f.line !== undefined && (
                    <span className="muted">
                      {' '}
                      (line {f.line}
                      {f.column !== undefined && `, column ${f.column}`})
                    </span>
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      )}
      {fix && <CodeBlock code={fix} title="Suggested policy" copyLabel="Copy suggested policy" />}
    </div>
  );
}
