import type { Space } from '@rolebridge/contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { useUpdateSpace } from '../api/spaces';

type Props = {
  space: Space;
  depth: number;
  parentName: string | null;
  /** Admins of the space may rename it. */
  canRename: boolean;
  /** Only admins of the parent decide whether the space inherits its integrations. */
  canToggleInherit: boolean;
};

export function SpaceRow({ space, depth, parentName, canRename, canToggleInherit }: Props) {
  const update = useUpdateSpace();
  const [renaming, setRenaming] = useState(false);
  const [name, setName] = useState(space.name);
  const inputId = `space-name-${space.id}`;
  // While the switch is being saved it shows what was asked, not the value before the click.
  // Local state, set in the click's own render: the mutation's pending state arrives a tick
  // later, and a controlled checkbox would snap back to the old value in between.
  const [asked, setAsked] = useState<boolean | null>(null);

  const save = (event: FormEvent) => {
    event.preventDefault();
    update.mutate(
      { id: space.id, body: { name: name.trim() } },
      { onSuccess: () => setRenaming(false) },
    );
  };

  return (
    <tr>
      <th scope="row" className="cell-name" style={{ paddingLeft: `${16 + depth * 20}px` }}>
        {renaming ? (
          <form className="space-rename" onSubmit={save} aria-label={`Rename ${space.name}`}>
            <label className="visually-hidden" htmlFor={inputId}>
              New name for {space.name}
            </label>
            <input
              id={inputId}
              className="input"
              value={name}
              onChange={(e) => setName(e.target.value)}
              // The person just pressed Rename: the cursor belongs in the name.
              autoFocus
            />
            <Button type="submit" size="sm" variant="primary" pending={update.isPending}>
              Save
            </Button>
            <Button size="sm" onClick={() => setRenaming(false)}>
              Cancel
            </Button>
          </form>
        ) : (
          space.name
        )}
        {update.isError && (
          <p className="field-error" role="alert">
            {update.error.message}
          </p>
        )}
      </th>
      <td>{parentName ?? <span className="muted">—</span>}</td>
      <td>
        {space.parentId === null ? (
          <span className="muted">Top space</span>
        ) : canToggleInherit ? (
          <input
            type="checkbox"
            className="checkbox"
            aria-label={`${space.name} inherits integrations from ${parentName ?? 'its parent'}`}
            checked={asked ?? space.inheritEntities}
            disabled={update.isPending}
            onChange={(e) => {
              const inheritEntities = e.target.checked;
              setAsked(inheritEntities);
              update.mutate(
                { id: space.id, body: { inheritEntities } },
                // Settled after the list is fetched again (the hook waits for it): no flicker.
                { onSettled: () => setAsked(null) },
              );
            }}
          />
        ) : space.inheritEntities ? (
          'Yes'
        ) : (
          'No'
        )}
      </td>
      <td className="cell-actions">
        {canRename && space.id !== 'root' && !renaming && (
          <Button
            size="sm"
            variant="ghost"
            aria-label={`Rename ${space.name}`}
            onClick={() => {
              setName(space.name);
              update.reset();
              setRenaming(true);
            }}
          >
            Rename
          </Button>
        )}
      </td>
    </tr>
  );
}
