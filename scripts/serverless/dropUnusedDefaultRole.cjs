// Serverless plugin: removes the default execution role (IamRoleLambdaExecution) when no resource uses it.
// osls creates it unless every function names a `role`; serverless-iam-roles-per-function needs it as the
// template of each function's own role (`iamRoleStatements`), then points every function at its own role
// and leaves the default one behind: an IAM role nobody assumes, with the stack's log permissions.
// List it after serverless-iam-roles-per-function: hooks on one event run in plugin order.
'use strict';

class DropUnusedDefaultRole {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.drop() };
  }

  drop() {
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

module.exports = DropUnusedDefaultRole;
