"""moto server, plus what an emulated deploy of this project needs and moto 5.2 lacks.

Started by scripts/deploy/emulated/emulator.ts (`npm run deploy:emulated`); nothing here runs in AWS.

- Lambda without Docker: moto runs functions in Docker containers, and no Docker engine runs here.
  Invocations (the Invoke API, and the custom resources CloudFormation calls) run the function's own
  code instead: the zip moto stored, unpacked, or for an image function the image's /var/task
  assembled from docker/cs.Dockerfile (the JSON file SFC_EMULATOR_IMAGES maps image URIs to it), on a real Node.js 22 binary through
  scripts/lambda/run.mjs. The environment is the deployed function's, plus the endpoint of this
  server and dummy credentials, plus SFC_EMULATOR_ENV_OVERRIDES (the local broker has no IAM auth).
- MSK: moto's cluster ARNs lack the cluster name (real ones read cluster/NAME/UUID-N), and moto
  refuses event source mappings on a Kafka cluster. Both are fixed; the mappings are stored, not
  run: the emulated deploy reads them back and drives them against the local broker.
- Outputs and exports: moto keeps a stack's outputs from before a change set and registers exports
  only on CreateStack; osls creates a stack with its deployment bucket only and adds everything with a
  change set. Outputs are recomputed and exports registered after change sets and updates, and a
  stack created by a change set sees the account's exports (for Fn::ImportValue).
- Security group ingress rules of a deleted stack are revoked (moto keeps them).
- What AWS refuses and moto lets pass: deleting a stack whose export another stack imports, and
  CloudFormation deleting a bucket that still holds objects (moto keeps the bucket and reports the
  stack deleted; AWS ends in DELETE_FAILED). Both are refused here.
- AWS::SecretsManager::Secret in CloudFormation (moto 5.2 skips it, and a Ref to it would be null):
  created in moto's Secrets Manager, GenerateSecretString included, Ref being the ARN as in AWS.
- The review page's resources, which moto 5.2's CloudFormation skips (a Ref to them would be null):
  AWS::Cognito::UserPool, UserPoolGroup, UserPoolClient and UserPoolDomain (created in moto's Cognito
  user pools), AWS::ApiGateway::Authorizer (in moto's API Gateway; moto's AWS::ApiGateway::Method also
  drops AuthorizerId, kept here), AWS::CloudFront::OriginAccessControl and Distribution (in moto's
  CloudFront, the distribution's origins and behaviours as given), CachePolicy and
  ResponseHeadersPolicy (moto has no API for them: an id, kept here only). And for every bucket:
  AWS::S3::BucketPolicy (skipped by moto) and a bucket's PublicAccessBlockConfiguration (ignored by
  moto), so GetBucketPolicy and GetPublicAccessBlock answer as in AWS. moto evaluates a bucket policy's
  principal-* statements without their conditions: the TLS-only Deny (aws:SecureTransport false) is
  left out of that evaluation, as every request here stands for an HTTPS one.
- Every invocation and every custom-resource answer is appended to SFC_EMULATOR_LOG (JSON lines).
"""

import hashlib
import io
import json
import secrets
import string
import os
import subprocess
import sys
import tempfile
import threading
import time
import zipfile

from moto import settings as moto_settings
from moto.awslambda import models as lambda_models
from moto.cloudformation import models as cfn_models
from moto.cloudformation.exceptions import ValidationError
from moto.cloudformation.responses import CloudFormationResponse
from moto.ec2.models import ec2_backends
from moto.ec2.models.security_groups import SecurityGroupIngress
from moto.core.exceptions import JsonRESTError as RESTError
from moto.kafka import models as kafka_models
from moto.s3 import models as s3_models
from moto.server import main
from moto.core.common_models import CloudFormationModel
from moto.secretsmanager.models import secretsmanager_backends
from moto.apigateway import models as apigw_models
from moto.cloudfront.models import cloudfront_backends
from moto.cognitoidp.models import cognitoidp_backends

NODE = os.environ["SFC_NODE22"]
RUNNER = os.environ["SFC_LAMBDA_RUNNER"]
IMAGES_FILE = os.environ.get("SFC_EMULATOR_IMAGES")
OVERRIDES = json.loads(os.environ.get("SFC_EMULATOR_ENV_OVERRIDES", "{}"))
LOG = os.environ.get("SFC_EMULATOR_LOG")
CODE_DIR = os.environ.get("SFC_EMULATOR_CODE_DIR") or tempfile.mkdtemp(prefix="sfc-emulator-code-")
_log_lock = threading.Lock()
_unzip_lock = threading.Lock()


def record(entry):
    if not LOG:
        return
    with _log_lock, open(LOG, "a", encoding="utf8") as f:
        f.write(json.dumps({"at": time.time(), **entry}) + "\n")


def task_root(fn):
    """Where the function's code lies: its zip unpacked once per digest, or the assembled image."""
    if fn.package_type == "Image" or "ImageUri" in (fn.code or {}):
        uri = fn.code.get("ImageUri", "")
        images = {}
        if IMAGES_FILE and os.path.exists(IMAGES_FILE):
            with open(IMAGES_FILE, encoding="utf8") as f:
                images = json.load(f)
        if uri not in images:
            raise RuntimeError(f"no assembled image for {uri} (SFC_EMULATOR_IMAGES)")
        return images[uri]["taskRoot"], images[uri]["handler"], images[uri].get("env", {})
    digest = hashlib.sha256(fn.code_bytes).hexdigest()
    target = os.path.join(CODE_DIR, digest)
    with _unzip_lock:
        if not os.path.isdir(target):
            partial = target + ".partial"
            with zipfile.ZipFile(io.BytesIO(fn.code_bytes)) as z:
                z.extractall(partial)
            os.rename(partial, target)
    return target, fn.handler, {}


def invoke_with_node(self, event=None):
    """Replaces LambdaFunction._invoke_lambda: (payload, errored, logs), as moto expects."""
    root, handler, image_env = task_root(self)
    port = os.environ["MOTO_PORT"]
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "AWS_LAMBDA_FUNCTION_NAME": self.function_name,
        "AWS_LAMBDA_FUNCTION_TIMEOUT": str(self.timeout),
        "AWS_LAMBDA_FUNCTION_MEMORY_SIZE": str(self.memory_size),
        "AWS_REGION": self.region,
        "AWS_DEFAULT_REGION": self.region,
        **image_env,
        **{k: str(v) for k, v in self.environment_vars.items()},
        "AWS_ACCESS_KEY_ID": "testing",
        "AWS_SECRET_ACCESS_KEY": "testing",
        "AWS_SESSION_TOKEN": "testing",
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        **OVERRIDES,
    }
    with tempfile.TemporaryDirectory(prefix="sfc-invoke-") as tmp:
        event_file = os.path.join(tmp, "event.json")
        result_file = os.path.join(tmp, "result.json")
        with open(event_file, "w", encoding="utf8") as f:
            f.write(event if isinstance(event, str) else json.dumps(event or {}))
        started = time.time()
        try:
            proc = subprocess.run([NODE, RUNNER, root, handler, event_file, result_file], cwd=root, env=env,
                                  capture_output=True, text=True, timeout=int(self.timeout) + 30)
            logs = proc.stdout + proc.stderr
            with open(result_file, encoding="utf8") as f:
                outcome = json.load(f)
        except Exception as err:  # the runner died or timed out: an error result, as Lambda reports it
            logs = getattr(err, "stdout", "") or ""
            outcome = {"error": {"errorType": type(err).__name__, "errorMessage": str(err)}}
    errored = "error" in outcome
    payload = json.dumps(outcome["error"] if errored else outcome["result"])
    record({"kind": "invoke", "function": self.function_name, "ms": round((time.time() - started) * 1000),
            "errored": errored, "error": outcome.get("error", {}).get("errorMessage"), "logs": logs[-4000:]})
    return payload, errored, logs


lambda_models.LambdaFunction._invoke_lambda = invoke_with_node
# Custom resources answer CloudFormation at this server; moto would send them to Docker's host name.
moto_settings.moto_server_host = lambda: "http://127.0.0.1"


def real_cluster_arn(self):
    # arn:aws:kafka:REGION:ACCOUNT:cluster/NAME/UUID-N, as MSK writes them
    return f"arn:aws:kafka:{self.region_name}:{self.account_id}:cluster/{self.cluster_name}/{self.cluster_id}-1"


kafka_models.FakeKafkaCluster._generate_arn = real_cluster_arn

_source_arn = lambda_models.EventSourceMapping.event_source_arn
_batch_size = lambda_models.EventSourceMapping.batch_size


def _set_source_arn(self, arn):
    if arn.split(":")[2] == "kafka":
        self._event_source_arn = arn
    else:
        _source_arn.fset(self, arn)


def _set_batch_size(self, size):
    if self.event_source_arn.split(":")[2] != "kafka":
        return _batch_size.fset(self, size)
    if size is not None and not 1 <= int(size) <= 10000:
        raise ValueError("InvalidParameterValueException", f"BatchSize {size} is outside 1-10000")
    self._batch_size = int(size) if size is not None else 100


lambda_models.EventSourceMapping.event_source_arn = property(_source_arn.fget, _set_source_arn)
lambda_models.EventSourceMapping.batch_size = property(_batch_size.fget, _set_batch_size)
_create_mapping = lambda_models.LambdaBackend.create_event_source_mapping


def create_event_source_mapping(self, spec):
    arn = spec.get("EventSourceArn", "")
    if arn.split(":")[2:3] != ["kafka"]:
        return _create_mapping(self, spec)
    clusters = kafka_models.kafka_backends[self.account_id][self.region_name].clusters
    if arn not in clusters:
        raise RESTError("InvalidParameterValueException", f"no MSK cluster {arn}")
    if not spec.get("Topics"):
        raise RESTError("InvalidParameterValueException", "Topics is required for an MSK event source")
    func = self._lambdas.get_function_by_name_or_arn_with_qualifier(spec.get("FunctionName", ""))
    spec.update({"RegionName": self.region_name, "AccountId": self.account_id, "FunctionArn": func.function_arn})
    esm = lambda_models.EventSourceMapping(spec)
    self._event_source_mappings[esm.uuid] = esm
    return esm


lambda_models.LambdaBackend.create_event_source_mapping = create_event_source_mapping
_cfn_response = CloudFormationResponse.process_cfn_response


def process_cfn_response(self):
    record({"kind": "custom-resource-response", "status": self._get_param("Status"),
            "logicalId": self._get_param("LogicalResourceId"), "reason": self._get_param("Reason"),
            "data": self._get_param("Data")})
    return _cfn_response(self)


CloudFormationResponse.process_cfn_response = process_cfn_response
_delete_stack = cfn_models.CloudFormationBackend.delete_stack


def delete_stack(self, name_or_stack_id):
    doomed = [s for s in self.stacks.values() if name_or_stack_id in (s.stack_id, s.name)]
    for stack in doomed:
        for export in stack.exports:
            users = [other.name for other in self.stacks.values()
                     if other is not stack and export.name in json.dumps(other.template_dict)]
            if users:
                record({"kind": "refused", "what": f"delete {stack.name}", "reason": f"export {export.name} imported by {users}"})
                raise ValidationError(message=f"Export {export.name} cannot be deleted as it is in use by {', '.join(users)}")
    return _delete_stack(self, name_or_stack_id)


cfn_models.CloudFormationBackend.delete_stack = delete_stack
_update_stack = cfn_models.CloudFormationBackend.update_stack
_execute_change_set = cfn_models.CloudFormationBackend.execute_change_set


def sync_exports(backend):
    """moto registers a stack's exports only when it is created; osls creates an empty stack, then updates it."""
    for stack in backend.stacks.values():
        for name in [n for n, e in backend.exports.items() if e.exporting_stack_id == stack.stack_id]:
            backend.exports.pop(name)
        for export in stack.exports:
            backend.exports[export.name] = export


def update_stack(self, *args, **kwargs):
    stack = _update_stack(self, *args, **kwargs)
    sync_exports(self)
    return stack


def execute_change_set(self, change_set_name, stack_name=None):
    """moto applies a change set's resources but keeps the stack's old outputs (and so its exports)."""
    result = _execute_change_set(self, change_set_name, stack_name)
    change_set = self.change_sets.get(change_set_name) or next(
        (c for c in self.change_sets.values() if c.change_set_name == change_set_name), None)
    stack = self.stacks.get(change_set.stack_id) if change_set else None
    if stack is not None:
        stack._parse_template()
        stack.output_map = stack._create_output_map()
    sync_exports(self)
    return result


_create_change_set = cfn_models.CloudFormationBackend.create_change_set


def create_change_set(self, stack_name, *args, **kwargs):
    """moto builds a stack created by a change set without the account's exports: Fn::ImportValue fails."""
    result = _create_change_set(self, stack_name, *args, **kwargs)
    for stack in self.stacks.values():
        if stack.name == stack_name:
            stack.cross_stack_resources = self.exports
            stack.resource_map.cross_stack_resources = self.exports
    return result


cfn_models.CloudFormationBackend.update_stack = update_stack
cfn_models.CloudFormationBackend.execute_change_set = execute_change_set
cfn_models.CloudFormationBackend.create_change_set = create_change_set


@classmethod
def delete_bucket_from_stack(cls, resource_name, cloudformation_json, account_id, region_name):
    backend = s3_models.s3_backends[account_id][s3_models.get_partition(region_name)]
    bucket = backend.get_bucket(resource_name)
    if len(bucket.keys) > 0:
        record({"kind": "refused", "what": f"delete bucket {resource_name}", "reason": "not empty"})
        raise RuntimeError(f"The bucket you tried to delete is not empty: {resource_name}")
    backend.delete_bucket(resource_name)


s3_models.FakeBucket.delete_from_cloudformation_json = delete_bucket_from_stack


def revoke_ingress(self, account_id, region_name):
    """moto keeps an AWS::EC2::SecurityGroupIngress rule after its stack is deleted (a redeploy then fails)."""
    p = self.properties
    source = {"GroupId": p["SourceSecurityGroupId"]} if p.get("SourceSecurityGroupId") else None
    ec2_backends[account_id][region_name].revoke_security_group_ingress(
        group_name_or_id=self.security_group.id, ip_protocol=p["IpProtocol"], from_port=p.get("FromPort"),
        to_port=p.get("ToPort"), ip_ranges=[{"CidrIp": p["CidrIp"]}] if p.get("CidrIp") else [],
        source_groups=[source] if source else [])


SecurityGroupIngress.delete = revoke_ingress



class CfnSecret(CloudFormationModel):
    """AWS::SecretsManager::Secret: SecretString, or GenerateSecretString (with a template and key)."""

    # moto's model registry names a model's service from its module path (moto.<service>....).
    __module__ = "moto.secretsmanager.sfc_cloudformation"

    def __init__(self, arn, name):
        self.arn = arn
        self.name = name

    @staticmethod
    def cloudformation_type():
        return "AWS::SecretsManager::Secret"

    @staticmethod
    def cloudformation_name_type():
        return "Name"

    @property
    def physical_resource_id(self):
        return self.arn

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr == "Id"

    def get_cfn_attribute(self, attribute_name):
        return self.arn

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        props = cloudformation_json.get("Properties", {})
        value = props.get("SecretString")
        gen = props.get("GenerateSecretString")
        if value is None and gen is not None:
            alphabet = string.ascii_letters + string.digits + ("" if gen.get("ExcludePunctuation") else string.punctuation)
            generated = "".join(secrets.choice(alphabet) for _ in range(int(gen.get("PasswordLength", 32))))
            if gen.get("SecretStringTemplate"):
                doc = json.loads(gen["SecretStringTemplate"])
                doc[gen["GenerateStringKey"]] = generated
                value = json.dumps(doc)
            else:
                value = generated
        created = secretsmanager_backends[account_id][region_name].create_secret(
            name=props.get("Name") or resource_name, secret_string=value, secret_binary=None,
            description=props.get("Description"), tags=props.get("Tags"), kms_key_id=props.get("KmsKeyId"),
            client_request_token=None, replica_regions=[], force_overwrite=False)
        short = json.loads(created)
        return cls(short["ARN"], short["Name"])

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        return original_resource

    @classmethod
    def delete_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name):
        pass  # the template retains the secret (DeletionPolicy: Retain), as AWS then does

    def is_created(self):
        return True


class _Cfn:
    """What the review page's models share: a physical id (Ref), named attributes (GetAtt), a delete."""

    ATTRS = ()

    def __init__(self, physical_id, attrs=None, delete=None):
        self.physical_id = physical_id
        self.attrs = attrs or {}
        self._delete = delete

    @staticmethod
    def cloudformation_name_type():
        return ""

    @property
    def physical_resource_id(self):
        return self.physical_id

    @classmethod
    def has_cfn_attr(cls, attr):
        return attr in cls.ATTRS

    def get_cfn_attribute(self, attribute_name):
        return self.attrs[attribute_name]

    @classmethod
    def update_from_cloudformation_json(cls, original_resource, new_resource_name, cloudformation_json, account_id, region_name):
        # Replaced as AWS replaces these on a change that matters here; the old one goes first.
        original_resource.delete(account_id, region_name)
        return cls.create_from_cloudformation_json(new_resource_name, cloudformation_json, account_id, region_name)

    def delete(self, account_id, region_name):
        if self._delete:
            self._delete()

    def is_created(self):
        return True


def _cognito(account_id, region_name):
    return cognitoidp_backends[account_id][region_name]


class CfnUserPool(_Cfn, CloudFormationModel):
    __module__ = "moto.cognitoidp.sfc_cloudformation"
    ATTRS = ("Arn", "ProviderName", "ProviderURL", "UserPoolId")

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPool"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        props = dict(cloudformation_json.get("Properties", {}))
        name = props.pop("UserPoolName", resource_name)
        backend = _cognito(account_id, region_name)
        pool = backend.create_user_pool(name, props)
        provider = f"cognito-idp.{region_name}.amazonaws.com/{pool.id}"
        return cls(pool.id, {"Arn": pool.arn, "ProviderName": provider, "ProviderURL": f"https://{provider}", "UserPoolId": pool.id},
                   lambda: backend.user_pools.pop(pool.id, None))


class CfnUserPoolGroup(_Cfn, CloudFormationModel):
    __module__ = "moto.cognitoidp.sfc_cloudformation"

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPoolGroup"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = _cognito(account_id, region_name)
        group = backend.create_group(p["UserPoolId"], p["GroupName"], p.get("Description", ""), p.get("RoleArn"), int(p.get("Precedence", 0)))

        def delete():
            if p["UserPoolId"] in backend.user_pools:
                backend.delete_group(p["UserPoolId"], group.group_name)
        return cls(group.group_name, {}, delete)


class CfnUserPoolClient(_Cfn, CloudFormationModel):
    __module__ = "moto.cognitoidp.sfc_cloudformation"
    ATTRS = ("ClientSecret", "Name", "ClientId")

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPoolClient"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        props = dict(cloudformation_json["Properties"])
        pool_id = props.pop("UserPoolId")
        generate = str(props.pop("GenerateSecret", False)).lower() == "true"
        backend = _cognito(account_id, region_name)
        client = backend.create_user_pool_client(pool_id, generate, props)

        def delete():
            if pool_id in backend.user_pools:
                backend.delete_user_pool_client(pool_id, client.id)
        return cls(client.id, {"ClientSecret": client.secret if generate else None, "Name": props.get("ClientName"), "ClientId": client.id}, delete)


class CfnUserPoolDomain(_Cfn, CloudFormationModel):
    __module__ = "moto.cognitoidp.sfc_cloudformation"
    ATTRS = ("CloudFrontDistribution",)

    @staticmethod
    def cloudformation_type():
        return "AWS::Cognito::UserPoolDomain"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = _cognito(account_id, region_name)
        domain = backend.create_user_pool_domain(p["UserPoolId"], p["Domain"], p.get("CustomDomainConfig"))
        return cls(domain.domain, {"CloudFrontDistribution": domain._distribution_name()},
                   lambda: backend.user_pool_domains.pop(domain.domain, None))


class CfnApiAuthorizer(_Cfn, CloudFormationModel):
    __module__ = "moto.apigateway.sfc_cloudformation"
    ATTRS = ("AuthorizerId",)

    @staticmethod
    def cloudformation_type():
        return "AWS::ApiGateway::Authorizer"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = apigw_models.apigateway_backends[account_id][region_name]
        authorizer = backend.create_authorizer(
            p["RestApiId"], p.get("Name", resource_name), p["Type"], provider_arns=p.get("ProviderARNs"),
            auth_type=p.get("AuthType"), authorizer_uri=p.get("AuthorizerUri"), authorizer_credentials=p.get("AuthorizerCredentials"),
            identity_source=p.get("IdentitySource"), identiy_validation_expression=p.get("IdentityValidationExpression"),
            authorizer_result_ttl=p.get("AuthorizerResultTtlInSeconds"))

        def delete():
            try:
                backend.delete_authorizer(p["RestApiId"], authorizer.id)
            except Exception:  # the API went first
                pass
        return cls(authorizer.id, {"AuthorizerId": authorizer.id}, delete)


_create_method = apigw_models.Method.create_from_cloudformation_json.__func__


@classmethod
def create_method_with_authorizer(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    """moto's AWS::ApiGateway::Method drops AuthorizerId (and AuthorizationScopes): an authorizer named in the template is kept."""
    method = _create_method(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    p = cloudformation_json["Properties"]
    if p.get("AuthorizerId"):
        method.authorizer_id = p["AuthorizerId"]
    if p.get("AuthorizationScopes"):
        method.authorization_scopes = p["AuthorizationScopes"]
    return method


apigw_models.Method.create_from_cloudformation_json = create_method_with_authorizer


def _cloudfront(account_id):
    return cloudfront_backends[account_id]["aws"]


class CfnOriginAccessControl(_Cfn, CloudFormationModel):
    __module__ = "moto.cloudfront.sfc_cloudformation"
    ATTRS = ("Id",)

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudFront::OriginAccessControl"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        backend = _cloudfront(account_id)
        control = backend.create_origin_access_control(cloudformation_json["Properties"]["OriginAccessControlConfig"])
        return cls(control.id, {"Id": control.id}, lambda: backend.origin_access_controls.pop(control.id, None))


# CachePolicy and ResponseHeadersPolicy: moto has no API for them; what the template said is kept here by id.
POLICIES = {}


class CfnCachePolicy(_Cfn, CloudFormationModel):
    __module__ = "moto.cloudfront.sfc_cloudformation"
    ATTRS = ("Id", "LastModifiedTime")

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudFront::CachePolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        pid = str(__import__("uuid").uuid4())
        POLICIES[pid] = cloudformation_json["Properties"]
        return cls(pid, {"Id": pid, "LastModifiedTime": time.strftime("%Y-%m-%dT%H:%M:%SZ")}, lambda: POLICIES.pop(pid, None))


class CfnResponseHeadersPolicy(_Cfn, CloudFormationModel):
    __module__ = "moto.cloudfront.sfc_cloudformation"
    ATTRS = ("Id", "LastModifiedTime")

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudFront::ResponseHeadersPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        pid = str(__import__("uuid").uuid4())
        POLICIES[pid] = cloudformation_json["Properties"]
        return cls(pid, {"Id": pid, "LastModifiedTime": time.strftime("%Y-%m-%dT%H:%M:%SZ")}, lambda: POLICIES.pop(pid, None))


def _items(values, convert=lambda v: v):
    return {"Quantity": len(values), "Items": [convert(v) for v in values]}


def _behaviour(b):
    out = {k: v for k, v in b.items() if k not in ("AllowedMethods", "CachedMethods")}
    methods = b.get("AllowedMethods", ["GET", "HEAD"])
    out["AllowedMethods"] = {**_items(methods), "CachedMethods": _items(b.get("CachedMethods", ["GET", "HEAD"]))}
    return out


def _origin(o):
    out = {k: v for k, v in o.items() if k != "CustomOriginConfig"}
    if "CustomOriginConfig" in o:
        c = o["CustomOriginConfig"]
        out["CustomOriginConfig"] = {"HTTPPort": c.get("HTTPPort", 80), "HTTPSPort": c.get("HTTPSPort", 443),
                                     "OriginProtocolPolicy": c["OriginProtocolPolicy"], "OriginSslProtocols": _items(c.get("OriginSSLProtocols", ["TLSv1.2"]))}
    return out


class CfnDistribution(_Cfn, CloudFormationModel):
    """The distribution in moto's CloudFront: its origins and behaviours as the template gives them (CloudFormation's lists as the API's Quantity/Items)."""

    __module__ = "moto.cloudfront.sfc_cloudformation"
    ATTRS = ("DomainName", "Id")

    @staticmethod
    def cloudformation_type():
        return "AWS::CloudFront::Distribution"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        c = cloudformation_json["Properties"]["DistributionConfig"]
        config = {
            "CallerReference": f"{kwargs.get('StackId', '')}/{kwargs.get('LogicalId', resource_name)}/{time.time()}",
            "Comment": c.get("Comment", ""), "Enabled": c.get("Enabled", True), "DefaultRootObject": c.get("DefaultRootObject", ""),
            "PriceClass": c.get("PriceClass", "PriceClass_All"), "HttpVersion": c.get("HttpVersion", "http2"),
            "Origins": _items(c["Origins"], _origin),
            "DefaultCacheBehavior": _behaviour(c["DefaultCacheBehavior"]),
        }
        if c.get("CacheBehaviors"):
            config["CacheBehaviors"] = _items(c["CacheBehaviors"], _behaviour)
        backend = _cloudfront(account_id)
        dist, _, _ = backend.create_distribution(config, [])
        return cls(dist.distribution_id, {"DomainName": dist.domain_name, "Id": dist.distribution_id},
                   lambda: backend.distributions.pop(dist.distribution_id, None))


_create_bucket = s3_models.FakeBucket.create_from_cloudformation_json.__func__


@classmethod
def create_bucket_with_public_access_block(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
    bucket = _create_bucket(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs)
    block = cloudformation_json.get("Properties", {}).get("PublicAccessBlockConfiguration")
    if block:
        s3_models.s3_backends[account_id][s3_models.get_partition(region_name)].put_public_access_block(
            bucket.name, {k: str(v).lower() == "true" for k, v in block.items()})
    return bucket


s3_models.FakeBucket.create_from_cloudformation_json = create_bucket_with_public_access_block


def _insecure_transport_deny(statement):
    return statement.get("Effect") == "Deny" and str(statement.get("Condition", {}).get("Bool", {}).get("aws:SecureTransport")).lower() == "false"


def get_permission_over_tls(self, action, resource):
    from moto.iam.access_control import IAMPolicy, PermissionResult
    if self.policy is None:
        return PermissionResult.NEUTRAL
    doc = json.loads(self.policy.decode())
    statements = doc.get("Statement", [])
    doc["Statement"] = [st for st in (statements if isinstance(statements, list) else [statements]) if not _insecure_transport_deny(st)]
    if not doc["Statement"]:
        return PermissionResult.NEUTRAL
    return IAMPolicy(json.dumps(doc)).is_action_permitted(action, resource)


s3_models.FakeBucket.get_permission = get_permission_over_tls


class CfnBucketPolicy(_Cfn, CloudFormationModel):
    __module__ = "moto.s3.sfc_cloudformation"

    @staticmethod
    def cloudformation_type():
        return "AWS::S3::BucketPolicy"

    @classmethod
    def create_from_cloudformation_json(cls, resource_name, cloudformation_json, account_id, region_name, **kwargs):
        p = cloudformation_json["Properties"]
        backend = s3_models.s3_backends[account_id][s3_models.get_partition(region_name)]
        backend.put_bucket_policy(p["Bucket"], json.dumps(p["PolicyDocument"]).encode("utf8"))

        def delete():
            if p["Bucket"] in backend.buckets:  # a retained bucket stays; its policy goes with the stack, as in AWS
                backend.delete_bucket_policy(p["Bucket"])
        return cls(p["Bucket"], {}, delete)


if __name__ == "__main__":
    main(sys.argv[1:])
