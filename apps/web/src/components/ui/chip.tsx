import type { ComponentProps, ReactNode } from 'react';

type ChipProps = {
  children: ReactNode;
  /** When set, the chip gets a remove button with this accessible name. */
  onRemove?: () => void;
  removeLabel?: string;
  tone?: 'neutral' | 'accent';
};

export function Chip({ children, onRemove, removeLabel, tone = 'neutral' }: ChipProps) {
  return (
    <span className={`chip chip-${tone}`}>
      <span className="chip-text">{children}</span>
      {onRemove && (
        <button type="button" className="chip-remove" aria-label={removeLabel} onClick={onRemove}>
          <span aria-hidden="true">×</span>
        </button>
      )}
    </span>
  );
}

export function ChipButton({ className, ...rest }: ComponentProps<'button'>) {
  return <button type="button" className={`chip chip-button ${className ?? ''}`} {...rest} />;
}
