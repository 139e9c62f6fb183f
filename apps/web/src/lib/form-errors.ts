import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { isApiError } from './api-client';

/**
 * Splits server field errors into those a form can show under a field and the rest.
 * Paths arrive dotted (`labels.2`); a nested path belongs to its top-level field.
 */
export function partitionFieldErrors<F extends string>(
  errors: readonly { path: string; message: string }[],
  fields: readonly F[],
): { placed: { field: F; message: string }[]; unplaced: string[] } {
  const placed: { field: F; message: string }[] = [];
  const unplaced: string[] = [];
  for (const { path, message } of errors) {
    const head = path.split('.')[0] ?? '';
    const field = fields.find((f) => f === head);
    if (field && !placed.some((p) => p.field === field)) placed.push({ field, message });
    else if (!field) unplaced.push(path === '(body)' ? message : `${path}: ${message}`);
  }
  return { placed, unplaced };
}

/**
 * Puts a 400's `errors[]` under the form's fields; returns the message for anything that
 * has no field (or the error's own message), for an alert above the form. `codeFields`
 * places errors that carry no path but clearly concern one field (409 `name_taken`).
 */
export function applyServerErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
  codeFields: Partial<Record<string, Path<T>>> = {},
): string | null {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  const codeField = codeFields[error.code];
  const fieldErrors =
    error.fieldErrors.length === 0 && codeField
      ? [{ path: codeField, message: error.message }]
      : error.fieldErrors;
  const { placed, unplaced } = partitionFieldErrors(fieldErrors, fields);
  placed.forEach(({ field, message }, index) =>
    setError(field, { type: 'server', message }, { shouldFocus: index === 0 }),
  );
  if (placed.length > 0 && unplaced.length === 0) return null;
  return [error.message, ...unplaced].join(' ');
}
