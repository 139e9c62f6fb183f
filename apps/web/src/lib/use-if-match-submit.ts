import { useState } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { isApiError } from './api-client';
import { applyServerErrors } from './form-errors';

export type FormAlert = { title: string; detail: string };

type Options<V extends FieldValues, O> = {
  form: UseFormReturn<V, unknown, O>;
  /** Lower case, as in "Someone else changed this stack". */
  noun: string;
  /** Sends the change with the If-Match of the version the form was loaded from. */
  save: (values: O) => Promise<unknown>;
  /** The latest version, fetched past the cache, as form values. */
  latest: () => Promise<V>;
  onSaved: () => void;
  fields: readonly Path<V>[];
  codeFields?: Partial<Record<string, Path<V>>>;
};

/** Submits an edit form whose save may meet a newer version (412) or field errors (400). */
export function useIfMatchSubmit<V extends FieldValues, O>({
  form,
  noun,
  save,
  latest,
  onSaved,
  fields,
  codeFields,
}: Options<V, O>) {
  const [formError, setFormError] = useState<FormAlert | null>(null);
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    try {
      await save(values);
      onSaved();
    } catch (error) {
      if (isApiError(error, 412)) {
        // Someone saved in between; show their version rather than overwrite it blindly.
        form.reset(await latest());
        setFormError({
          title: `Someone else changed this ${noun}`,
          detail:
            'Your changes were not saved. The form now shows the latest version; make your changes again and save.',
        });
        return;
      }
      const message = applyServerErrors(error, fields, form.setError, codeFields);
      if (message) setFormError({ title: 'The changes were not saved', detail: message });
    }
  });
  return { onSubmit, formError };
}
