import { useQuery } from '@tanstack/react-query';
import type { ComponentProps } from 'react';
import { spaceTree, spacesQueryOptions } from '../lib/queries/spaces';
import { SelectField } from './ui/field';

/** A form's space picker, indented by depth; offers root while the list loads. */
export function SpaceSelectField(props: Omit<ComponentProps<typeof SelectField>, 'children'>) {
  const spaces = useQuery(spacesQueryOptions());
  return (
    <SelectField {...props}>
      {spaces.isPending && <option value="root">Loading spaces…</option>}
      {spaceTree(spaces.data ?? []).map((s) => (
        <option key={s.id} value={s.id}>
          {'\u00a0\u00a0'.repeat(s.depth)}
          {s.name}
        </option>
      ))}
    </SelectField>
  );
}
