import type { Space } from '@rolebridge/contracts';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { CodeBlock } from '../../../components/ui/code-block';
import { SelectField } from '../../../components/ui/field';
import { Spinner } from '../../../components/ui/spinner';
import { accountQueryOptions } from '../../../lib/queries/account';
import { spaceName, spacesQueryOptions } from '../../../lib/queries/spaces';
import { stacksQueryOptions } from '../../../lib/queries/stacks';

/** The token's space and every space below it: the stacks a worker token may run. */
function subtree(spaces: readonly Space[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (let grew = true; grew;) {
    grew = false;
    for (const s of spaces)
      if (s.parentId !== null && ids.has(s.parentId) && !ids.has(s.id)) {
        ids.add(s.id);
        grew = true;
      }
  }
  return ids;
}

type Props = { token: string; spaceId: string };

/**
 * The worker's command, ready to paste: the stack is picked here rather than left as a
 * placeholder, and in sandbox mode the command after `--` is an AWS CLI call that works
 * against the sandbox (Terraform would need real AWS).
 */
export function WorkerCommand({ token, spaceId }: Props) {
  const account = useQuery(accountQueryOptions());
  const spaces = useQuery(spacesQueryOptions());
  const stacks = useInfiniteQuery(stacksQueryOptions({ q: '' }));
  const [picked, setPicked] = useState<string | null>(null);

  if (stacks.isPending || spaces.isPending || account.isPending)
    return <Spinner label="Loading stacks" />;
  const usable = subtree(spaces.data ?? [], spaceId);
  const options = (stacks.data?.pages.flatMap((p) => p.items) ?? []).filter((s) =>
    usable.has(s.spaceId),
  );
  const slug = picked ?? options[0]?.slug;
  if (slug === undefined)
    return (
      <p className="muted">
        No stack in {spaceName(spaces.data, spaceId)} yet. Create one on the Stacks page; this token
        can then run it with <code className="mono">npx --no rolebridge run</code>.
      </p>
    );

  const sandbox = account.data?.sandboxEndpoint;
  const payload = sandbox
    ? `aws --endpoint-url ${sandbox} sts get-caller-identity`
    : 'terraform plan';
  return (
    <div className="stack-md">
      <SelectField
        label="Stack to run"
        value={slug}
        onChange={(e) => setPicked(e.target.value)}
        hint="Stacks of the token's space and the spaces below it."
      >
        {options.map((s) => (
          <option key={s.slug} value={s.slug}>
            {s.name} ({s.slug})
          </option>
        ))}
      </SelectField>
      <CodeBlock
        code={`ROLEBRIDGE_URL=${window.location.origin} ROLEBRIDGE_TOKEN=${token} npx --no rolebridge run --stack ${slug} --phase plan -- ${payload}`}
        copyLabel="Copy CLI command"
        title="CLI on the worker"
      />
    </div>
  );
}
