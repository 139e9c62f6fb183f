/** Spec: in sandbox mode the console says so plainly, on every page. */
export function SandboxBanner() {
  return (
    <div className="sandbox-banner" role="region" aria-label="Sandbox mode">
      <strong>Sandbox mode</strong> — AWS calls go to the local sandbox, not to real AWS. Roles and
      credentials here are for trying Rolebridge out.
    </div>
  );
}
