type Props = { value: string; problem: string | null };

/** Live feedback while typing: a near miss gets its specific advice before the user submits. */
export function RoleArnFeedback({ value, problem }: Props) {
  return (
    <span
      aria-live="polite"
      className={value && problem ? 'feedback-warning' : value ? 'feedback-ok' : undefined}
    >
      {!value && "Copy it from the role's summary page in the IAM console."}
      {value && problem}
      {value && !problem && '✓ This is a valid role ARN.'}
    </span>
  );
}
