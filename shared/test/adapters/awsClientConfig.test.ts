import { awsClientConfig, isRetriableAwsError, wrapAwsError } from '../../src/adapters/awsClientConfig.js';
import { AdapterError } from '../../src/errors.js';

describe('Function: awsClientConfig', () => {
  const saved = { ...process.env };
  afterEach(() => { process.env = { ...saved }; });

  it('takes the endpoint from AWS_ENDPOINT_URL and defaults the region to us-east-1', () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:5000';
    delete process.env.AWS_REGION;
    delete process.env.AWS_DEFAULT_REGION;

    expect(awsClientConfig()).toEqual({ endpoint: 'http://127.0.0.1:5000', region: 'us-east-1' });
  });

  it('prefers explicit arguments, then AWS_REGION', () => {
    process.env.AWS_ENDPOINT_URL = 'http://127.0.0.1:5000';
    process.env.AWS_REGION = 'eu-west-1';

    expect(awsClientConfig('https://s3.example.test', 'ap-south-1')).toEqual({ endpoint: 'https://s3.example.test', region: 'ap-south-1' });
    expect(awsClientConfig(undefined, undefined).region).toBe('eu-west-1');
  });

  it('leaves the endpoint out when none is configured, so the SDK resolves the real one', () => {
    delete process.env.AWS_ENDPOINT_URL;

    expect(awsClientConfig(undefined, 'us-east-1')).toEqual({ region: 'us-east-1' });
  });

  it('rejects an endpoint that is not an http(s) URL', () => {
    expect(() => awsClientConfig('localhost:4566')).toThrow(AdapterError);
  });
});

describe('Function: isRetriableAwsError', () => {
  const sdkError = (name: string, status?: number) =>
    Object.assign(new Error(name), { name, $metadata: status === undefined ? {} : { httpStatusCode: status } });

  it.each([
    [sdkError('ThrottlingException', 400), true],
    [sdkError('ProvisionedThroughputExceededException', 400), true],
    [sdkError('SlowDown', 503), true],
    [sdkError('InternalError', 500), true],
    [sdkError('SomethingNew', 502), true],
    [sdkError('TooManyRequests', 429), true],
    [Object.assign(new Error('connect'), { code: 'ECONNRESET' }), true],
    [sdkError('AccessDenied', 403), false],
    [sdkError('ValidationException', 400), false],
    [sdkError('NoSuchBucket', 404), false],
    [null, false],
  ])('%p -> %p', (err, expected) => {
    expect(isRetriableAwsError(err)).toBe(expected);
  });

  it('wraps with the adapter, operation and cause', () => {
    const cause = sdkError('ThrottlingException', 400);

    const wrapped = wrapAwsError('S3ObjectStore', 'put b/k', cause);

    expect(wrapped).toMatchObject({ name: 'AdapterError', retriable: true, cause, message: 'S3ObjectStore: put b/k failed: ThrottlingException: ThrottlingException' });
  });
});
