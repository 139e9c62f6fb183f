import { useId, type ComponentProps, type ReactNode } from 'react';

type Messages = { id: string; hint?: ReactNode; error?: string | undefined };

/** The hint and error under a control, with the ids `describedBy` points at. */
function FieldMessages({ id, hint, error }: Messages) {
  return (
    <>
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </>
  );
}

type FieldFrameProps = Messages & {
  label: ReactNode;
  optional?: boolean;
  children: ReactNode;
};

export function FieldFrame({ id, label, hint, error, optional, children }: FieldFrameProps) {
  return (
    <div className={`field${error ? ' field-invalid' : ''}`}>
      <label className="field-label" htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> (optional)</span>}
      </label>
      {children}
      <FieldMessages id={id} hint={hint} error={error} />
    </div>
  );
}

export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** The id (given or generated) and ARIA state a field's control carries. */
function useControlProps(id: string | undefined, hint: unknown, error: unknown) {
  const generated = useId();
  const controlId = id ?? generated;
  return {
    id: controlId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(controlId, hint, error),
  };
}

type Common = {
  label: ReactNode;
  hint?: ReactNode;
  error?: string | undefined;
  optional?: boolean;
};

export function TextField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  ...rest
}: Common & ComponentProps<'input'>) {
  const control = useControlProps(id, hint, error);
  return (
    <FieldFrame
      id={control.id}
      label={label}
      hint={hint}
      error={error}
      optional={optional ?? false}
    >
      <input {...control} className={`input ${className ?? ''}`} {...rest} />
    </FieldFrame>
  );
}

export function SelectField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  children,
  ...rest
}: Common & ComponentProps<'select'>) {
  const control = useControlProps(id, hint, error);
  return (
    <FieldFrame
      id={control.id}
      label={label}
      hint={hint}
      error={error}
      optional={optional ?? false}
    >
      <select {...control} className={`input select ${className ?? ''}`} {...rest}>
        {children}
      </select>
    </FieldFrame>
  );
}

export function CheckboxField({
  label,
  hint,
  error,
  id,
  ...rest
}: Common & ComponentProps<'input'>) {
  const control = useControlProps(id, hint, error);
  return (
    <div className={`field field-checkbox${error ? ' field-invalid' : ''}`}>
      <input {...control} type="checkbox" className="checkbox" {...rest} />
      <div>
        <label className="field-label" htmlFor={control.id}>
          {label}
        </label>
        <FieldMessages id={control.id} hint={hint} error={error} />
      </div>
    </div>
  );
}

export function TextareaField({
  label,
  hint,
  error,
  optional,
  id,
  className,
  ...rest
}: Common & ComponentProps<'textarea'>) {
  const control = useControlProps(id, hint, error);
  return (
    <FieldFrame
      id={control.id}
      label={label}
      hint={hint}
      error={error}
      optional={optional ?? false}
    >
      <textarea {...control} className={`input textarea ${className ?? ''}`} {...rest} />
    </FieldFrame>
  );
}
