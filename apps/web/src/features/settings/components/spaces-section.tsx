import { useQuery } from '@tanstack/react-query';
import { Card } from '../../../components/ui/card';
import { Spinner } from '../../../components/ui/spinner';
import { useAccess } from '../../../lib/access/use-access';
import { spaceName, spaceTree, spacesQueryOptions } from '../../../lib/queries/spaces';
import { CreateSpaceForm } from './create-space-form';
import { SpaceRow } from './space-row';

/** The space tree: everyone sees the spaces they may read; admins change what they administer. */
export function SpacesSection() {
  const spaces = useQuery(spacesQueryOptions());
  const access = useAccess();
  const tree = spaceTree(spaces.data ?? []);
  const adminOf = tree.filter((s) => access.can('admin', s.id));

  return (
    <Card title="Spaces" id="spaces">
      <div className="stack-lg">
        <p className="muted">
          Spaces group integrations and stacks. A stack may use integrations of its own space and,
          when its space inherits, of the spaces above it.
        </p>
        {spaces.isPending && <Spinner label="Loading spaces" />}
        {tree.length > 0 && (
          <div className="table-wrap">
            <table className="table table-plain table-spaces">
              <caption className="visually-hidden">Spaces</caption>
              <thead>
                <tr>
                  <th scope="col">Name</th>
                  <th scope="col">Parent</th>
                  <th scope="col">Inherits integrations</th>
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {tree.map(({ id, depth }) => {
                  const space = spaces.data?.find((s) => s.id === id);
                  if (!space) return null;
                  const parent = space.parentId;
                  return (
                    <SpaceRow
                      key={id}
                      space={space}
                      depth={depth}
                      parentName={parent === null ? null : spaceName(spaces.data, parent)}
                      canRename={access.can('admin', id)}
                      canToggleInherit={parent !== null && access.can('admin', parent)}
                    />
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
        {adminOf.length > 0 && (
          <div className="stack-md">
            <h3 className="section-title">New space</h3>
            <CreateSpaceForm parents={adminOf} />
          </div>
        )}
      </div>
    </Card>
  );
}
