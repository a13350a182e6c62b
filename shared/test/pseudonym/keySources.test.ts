import { chmodSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateSecretCommand, PutSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { FileKeySource, keySourceFrom, Pseudonymiser, pseudonymConfig, loadConfig, commonConfig } from '../../src/index.js';
import { SecretsManagerKeySource } from '../../src/adapters/SecretsManagerKeySource.js';
import { startMoto, uniqueName, type Moto } from '../support/moto.js';
import { TEST_KEYS, TEST_KEYS_ROTATED, testPseudonymiser } from '../support/pseudonym.js';

describe('FileKeySource: the local key file', () => {
  it('is created on first use with mode 0600 in a 0700 folder, and gives the same keys on every load', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const file = join(dir, 'keys', 'pseudonym-keys.json');
    const first = new Pseudonymiser(await new FileKeySource(file).load());
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'keys')).mode & 0o777).toBe(0o700);
    const again = new Pseudonymiser(await new FileKeySource(file).load());
    expect(again.token('email', 'jane@example.com')).toBe(first.token('email', 'jane@example.com'));
    expect(first.version).toBe('v1');
  });

  it('refuses a key file others may read, naming it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'k.json');
    writeFileSync(file, JSON.stringify(TEST_KEYS));
    chmodSync(file, 0o644);
    await expect(new FileKeySource(file).load()).rejects.toThrow(`pseudonymisation keys in ${file}: readable by others (mode 644): chmod 600 it`);
  });

  it('rotates: v2 tokenises new data, v1 tokens still match, the file stays 0600', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'keys-')), 'k.json');
    const source = new FileKeySource(file);
    const v1 = new Pseudonymiser(await source.load());
    const old = v1.token('phone', '555-123-4567');
    expect(await source.rotate()).toBe('v2');
    const v2 = new Pseudonymiser(await source.load());
    expect(v2.version).toBe('v2');
    expect(v2.token('phone', '555-123-4567')).not.toBe(old);
    expect(v2.matches(old, 'phone', '(555) 123 4567')).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Object.keys(JSON.parse(readFileSync(file, 'utf8'))).sort()).toEqual(['current', 'v1', 'v2']);
  });

  it('is the default source, under DATA_DIR', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'keys-'));
    const c = loadConfig({ ...commonConfig, ...pseudonymConfig }, { DATA_DIR: dir });
    const source = await keySourceFrom(c);
    expect(source.where).toBe(join(dir, 'keys', 'pseudonym-keys.json'));
    await expect(keySourceFrom({ ...c, PSEUDONYM_KEYS: 'secretsmanager' })).rejects.toThrow('configuration PSEUDONYM_SECRET_ID: is required when PSEUDONYM_KEYS=secretsmanager');
  });
});

describe('SecretsManagerKeySource (moto)', () => {
  let moto: Moto;
  beforeAll(async () => { moto = await startMoto(); }, 60_000);
  afterAll(async () => { await moto?.stop(); });

  it('reads the key ring from the secret, and a rotated secret keeps old tokens matchable', async () => {
    const name = uniqueName('sfc-pseudonym');
    const source = new SecretsManagerKeySource(name, { endpoint: moto.endpoint });
    await source.client.send(new CreateSecretCommand({ Name: name, SecretString: JSON.stringify(TEST_KEYS) }));
    const p = new Pseudonymiser(await source.load());
    // the same keys give the same tokens, wherever they are kept
    expect(p.token('email', 'jane@example.com')).toBe(testPseudonymiser().token('email', 'jane@example.com'));
    await source.client.send(new PutSecretValueCommand({ SecretId: name, SecretString: JSON.stringify(TEST_KEYS_ROTATED) }));
    const rotated = new Pseudonymiser(await source.load());
    expect(rotated.version).toBe('v2');
    expect(rotated.matches(p.token('email', 'jane@example.com'), 'email', 'jane@example.com')).toBe(true);
  }, 30_000);

  it('names the secret when it is missing or malformed', async () => {
    const missing = new SecretsManagerKeySource(uniqueName('absent'), { endpoint: moto.endpoint });
    await expect(missing.load()).rejects.toThrow(/SecretsManagerKeySource: GetSecretValue absent-.*ResourceNotFoundException/);
    const name = uniqueName('bad');
    const bad = new SecretsManagerKeySource(name, { endpoint: moto.endpoint });
    await bad.client.send(new CreateSecretCommand({ Name: name, SecretString: '{"current":"v1"}' }));
    await expect(bad.load()).rejects.toThrow(`pseudonymisation keys in ${name}: current version v1 has no key`);
  }, 30_000);
});
