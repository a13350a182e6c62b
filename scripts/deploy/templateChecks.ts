// Checks on a CloudFormation template that AWS or our rules would enforce: shared by the packaging
// tests (on `serverless package` output) and the emulated deploy (on the templates deployed).

// CloudFormation templates are read as untyped JSON.
export type Template = { Resources: Record<string, any>; [section: string]: any };

/** IAM actions granted anywhere in a template's roles and policies that are wildcards (`*` or `service:*`). */
export function wildcardActions(template: Template): string[] {
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(visit);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if (k === 'Action') for (const a of [v].flat()) if (typeof a === 'string' && (a === '*' || a.endsWith(':*'))) found.push(a);
        visit(v);
      }
    }
  };
  for (const r of Object.values(template.Resources)) if (r.Type === 'AWS::IAM::Role' || r.Type === 'AWS::IAM::Policy') visit(r.Properties);
  return found;
}

/**
 * What is wrong with a template's S3 buckets, by logical id: every bucket must be retained on remove
 * (CloudFormation cannot delete one holding objects), encrypted, versioned with old versions expiring,
 * public access blocked, named from the stack's id, and have a bucket policy that denies plain HTTP.
 */
export function bucketProblems(template: Template): string[] {
  const resources = template.Resources;
  const policies = Object.values(resources).filter((r) => r.Type === 'AWS::S3::BucketPolicy');
  const problems: string[] = [];
  for (const [id, r] of Object.entries(resources)) {
    if (r.Type !== 'AWS::S3::Bucket' || id === 'ServerlessDeploymentBucket') continue; // osls empties and deletes its own
    const p = r.Properties ?? {};
    if (r.DeletionPolicy !== 'Retain' || r.UpdateReplacePolicy !== 'Retain') problems.push(`${id}: not retained`);
    if (!p.BucketEncryption) problems.push(`${id}: not encrypted`);
    if (p.VersioningConfiguration?.Status !== 'Enabled') problems.push(`${id}: not versioned`);
    if (!JSON.stringify(p.LifecycleConfiguration ?? {}).includes('NoncurrentVersionExpiration')) problems.push(`${id}: old versions never expire`);
    if (!p.PublicAccessBlockConfiguration?.RestrictPublicBuckets) problems.push(`${id}: public access not blocked`);
    if (!JSON.stringify(p.BucketName ?? '').includes('AWS::StackId')) problems.push(`${id}: name not unique to the stack`);
    const tlsOnly = policies.some((pol) => pol.Properties?.Bucket?.Ref === id && JSON.stringify(pol.Properties).includes('"aws:SecureTransport":"false"'));
    if (!tlsOnly) problems.push(`${id}: no TLS-only bucket policy`);
  }
  return problems;
}

/** Logical ids of a template's resources of one type. */
/**
 * `action on *` for every IAM statement that grants an action matching `prefix` (e.g. `kafka:`) on
 * Resource "*": the actions that can be scoped to a resource must be.
 */
export function actionsOnAnyResource(template: Template, prefix: string): string[] {
  const found: string[] = [];
  for (const r of Object.values(template.Resources)) {
    if (r.Type !== 'AWS::IAM::Role' && r.Type !== 'AWS::IAM::Policy') continue;
    const documents = r.Type === 'AWS::IAM::Role' ? (r.Properties.Policies ?? []).map((p: any) => p.PolicyDocument) : [r.Properties.PolicyDocument];
    for (const statement of documents.flatMap((d: any) => [d.Statement].flat())) {
      if (![statement.Resource].flat().includes('*')) continue;
      for (const a of [statement.Action].flat()) if (typeof a === 'string' && a.startsWith(prefix)) found.push(`${a} on *`);
    }
  }
  return found;
}

/** IAM roles of the template that no Lambda function runs with (a Ref, GetAtt or DependsOn elsewhere keeps one). */
export function unusedRoles(template: Template): string[] {
  return resourcesOfType(template, 'AWS::IAM::Role').filter((id) => {
    const { [id]: _role, ...others } = template.Resources;
    return !JSON.stringify({ others, outputs: template.Outputs }).includes(JSON.stringify(id));
  });
}

export const resourcesOfType = (template: Template, type: string): string[] => Object.entries(template.Resources).filter(([, r]) => r.Type === type).map(([id]) => id).sort();
