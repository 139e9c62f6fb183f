/** A non-admin's view of an admin-only section: a fact about access, not an error. */
export function AdminOnlyNote({ what }: { what: string }) {
  return (
    <p className="admin-only-note">
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none">
        <rect x="3" y="7" width="10" height="7" rx="1.5" stroke="currentColor" strokeWidth="1.5" />
        <path d="M5.5 7V5a2.5 2.5 0 0 1 5 0v2" stroke="currentColor" strokeWidth="1.5" />
      </svg>
      <span>Only account admins can see {what}. Ask one if you need access.</span>
    </p>
  );
}
