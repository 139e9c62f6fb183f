/** The external ID Rolebridge sends, spelled out with this account's real name. */
export function ExternalIdFormat({ accountName }: { accountName: string }) {
  return (
    <div className="explainer">
      <p className="explainer-title">How the external ID is built</p>
      <p>
        Every time Rolebridge assumes the role it sends an external ID of the form{' '}
        <code className="mono">
          {accountName}@&lt;integration-id&gt;@&lt;stack-slug&gt;@&lt;read|write&gt;
        </code>
        .
      </p>
      <ul className="explainer-list">
        <li>
          <code className="mono">{accountName}</code> is this account&apos;s name (renaming it
          breaks policies that name it);
        </li>
        <li>
          the integration ID is assigned when you click <b>Set up</b> in step 5;
        </li>
        <li>the stack slug is the stack whose run needs credentials;</li>
        <li>
          <code className="mono">read</code> is sent while planning,{' '}
          <code className="mono">write</code> while applying.
        </li>
      </ul>
      <p className="muted">
        The <code className="mono">sts:ExternalId</code> condition stops anyone else&apos;s
        Rolebridge account from using your role (the confused-deputy problem).
      </p>
    </div>
  );
}
