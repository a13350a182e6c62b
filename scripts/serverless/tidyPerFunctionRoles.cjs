// Serverless plugin: tidies what serverless-iam-roles-per-function leaves in the template.
// - The default execution role (IamRoleLambdaExecution): osls creates it unless every function names a
//   `role`; the plugin needs it as the template of each function's own role (`iamRoleStatements`), then
//   points every function at its own role and leaves the default one behind: an IAM role nobody
//   assumes, with the stack's log permissions. Removed when nothing references it.
// - Each function's `DependsOn` on its own role: the `Role` GetAtt already implies it, and cfn-lint
//   (W3005), which moto's ValidateTemplate runs, rejects the duplicate. Removed, so a new function
//   needs no per-resource lint exception.
// List it after serverless-iam-roles-per-function: hooks on one event run in plugin order.
'use strict';

class TidyPerFunctionRoles {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.tidy() };
  }

  tidy() {
    const { Resources: resources } = this.serverless.service.provider.compiledCloudFormationTemplate;
    this.dropRedundantDependsOn(resources);
    this.dropUnusedDefaultRole();
  }

  dropRedundantDependsOn(resources) {
    for (const resource of Object.values(resources)) {
      if (resource.Type !== 'AWS::Lambda::Function' || !Array.isArray(resource.DependsOn)) continue;
      const role = resource.Properties?.Role?.['Fn::GetAtt']?.[0];
      if (!role) continue;
      resource.DependsOn = resource.DependsOn.filter((id) => id !== role);
      if (resource.DependsOn.length === 0) delete resource.DependsOn;
    }
  }

  dropUnusedDefaultRole() {
    const aws = this.serverless.getProvider('aws');
    const id = aws.naming.getRoleLogicalId();
    const { Resources: resources, Outputs: outputs } = this.serverless.service.provider.compiledCloudFormationTemplate;
    if (!resources[id]) return;
    const { [id]: role, ...others } = resources;
    // A Ref, a GetAtt or a DependsOn names the role by its logical id, as a whole JSON string.
    if (JSON.stringify({ others, outputs, extra: this.serverless.service.resources }).includes(JSON.stringify(id))) return;
    delete resources[id];
    this.serverless.cli.log?.(`${id}: no function uses the default role; removed`);
  }
}

module.exports = TidyPerFunctionRoles;
