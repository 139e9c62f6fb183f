type Props = { size?: 'sm' | 'md'; label?: string };

/** Decorative unless given a label; pair it with text or an aria-live region. */
export function Spinner({ size = 'md', label }: Props) {
  return (
    <span
      className={`spinner spinner-${size}`}
      role={label ? 'status' : undefined}
      aria-label={label}
      aria-hidden={label ? undefined : true}
    />
  );
}

export function PageSpinner({ label = 'Loading' }: { label?: string }) {
  return (
    <div className="page-spinner">
      <Spinner label={label} />
    </div>
  );
}
