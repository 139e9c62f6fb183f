import type { Space, Stack } from '@rolebridge/contracts';
import { Link } from 'react-router';
import { Chip } from '../../../components/ui/chip';
import { paths } from '../../../config/paths';
import { spaceName } from '../../../lib/queries/spaces';

type Props = { stacks: Stack[]; spaces: Space[] | undefined };

export function StacksTable({ stacks, spaces }: Props) {
  return (
    <div className="table-wrap">
      <table className="table table-plain">
        <caption className="visually-hidden">Stacks</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Slug</th>
            <th scope="col">Space</th>
            <th scope="col">Labels</th>
          </tr>
        </thead>
        <tbody>
          {stacks.map((stack) => (
            <tr key={stack.slug}>
              <th scope="row" className="cell-name">
                <Link to={paths.stack(stack.slug)}>{stack.name}</Link>
              </th>
              <td>
                <code className="mono truncate">{stack.slug}</code>
              </td>
              <td>{spaceName(spaces, stack.spaceId)}</td>
              <td>
                <div className="chip-list">
                  {stack.labels.length === 0 && <span className="muted">—</span>}
                  {stack.labels.map((l) => (
                    <Chip key={l}>{l}</Chip>
                  ))}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
