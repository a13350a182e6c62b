import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import type { PseudonymKeySource } from '../ports/PseudonymKeys.js';
import { KeyRingError, parseKeyRing, type KeyRing } from '../pseudonym/keyRing.js';
import { awsClientConfig, wrapAwsError, type AwsClientOptions } from './awsClientConfig.js';

/**
 * Keys in a Secrets Manager secret (its SecretString in the key file's JSON shape). Read once per
 * Lambda container (the handler's dependencies are built once): a rotation reaches a function when
 * its containers are replaced, at the latest on the next deploy. IAM: secretsmanager:GetSecretValue
 * on this one secret (and kms:Decrypt when the secret uses a customer-managed key).
 */
export class SecretsManagerKeySource implements PseudonymKeySource {
  readonly client: SecretsManagerClient;

  constructor(readonly where: string, options: AwsClientOptions & { client?: SecretsManagerClient } = {}) {
    this.client = options.client ?? new SecretsManagerClient(awsClientConfig(options.endpoint, options.region));
  }

  async load(): Promise<KeyRing> {
    let secret: string | undefined;
    try {
      secret = (await this.client.send(new GetSecretValueCommand({ SecretId: this.where }))).SecretString;
    } catch (err) {
      throw wrapAwsError('SecretsManagerKeySource', `GetSecretValue ${this.where}`, err);
    }
    if (secret === undefined) throw new KeyRingError(this.where, 'the secret has no SecretString');
    return parseKeyRing(secret, this.where);
  }
}
