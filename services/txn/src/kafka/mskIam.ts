import type { KafkaConfig } from 'kafkajs';
import { generateAuthToken } from 'aws-msk-iam-sasl-signer-js';

/** TLS plus SASL/OAUTHBEARER with a SigV4-signed token: how Lambda's role authenticates to MSK with IAM. */
export function mskIamKafkaConfig(region = process.env.AWS_REGION ?? 'us-east-1'): Partial<KafkaConfig> {
  return {
    ssl: true,
    sasl: {
      mechanism: 'oauthbearer',
      oauthBearerProvider: async () => ({ value: (await generateAuthToken({ region })).token }),
    },
  };
}
