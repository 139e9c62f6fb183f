import type { TypedRef } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { paths } from '../config/paths';

/** Pages a reference can open; other kinds (tokens, users, roles) read as plain names. */
const HREF: Partial<Record<string, (id: string) => string>> = {
  aws_integration: paths.awsIntegration,
  stack: paths.stack,
};

/**
 * A record's reference by the name a person reads, linked to its page when it has one. A
 * thing deleted since keeps its id, marked "(deleted)", rather than an empty cell.
 */
export function RefLink({ value }: { value: Pick<TypedRef, 'id' | 'name'> & { type?: string } }) {
  if (value.name === null)
    return (
      <span>
        <span className="mono">{value.id}</span> <span className="muted">(deleted)</span>
      </span>
    );
  const href = value.type === undefined ? undefined : HREF[value.type];
  return href ? <Link to={href(value.id)}>{value.name}</Link> : <span>{value.name}</span>;
}
