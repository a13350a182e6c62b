import { createLogger, maskEmail, maskName, maskObjectKey, maskPii, maskText } from '../src/index.js';

describe('Logger: PII masking', () => {
  it.each([
    ['jane.doe@example.com', 'j***@example.com'],
    ['x@y.io', 'x***@y.io'],
  ])('maskEmail(%s) = %s', (input, out) => expect(maskEmail(input)).toBe(out));

  it('masks names word by word', () => expect(maskName("Mary-Ann O'Brien")).toBe('M*** O***'));

  it.each([
    ['王小明', '***'],
    ['Иван Петров', 'И*** П***'],
    ['محمد علي', '*** ***'],
    ['Ōno Zoë', 'Ō*** Z***'],
  ])('masks names in any script: %s -> %s', (input, out) => expect(maskName(input)).toBe(out));

  it.each([
    ['loans/Amara Okonkwo SSN 536-22-8674 amara@example.com.pdf', 'loans/***.pdf'],
    ['loans/王小明 申请.pdf', 'loans/***.pdf'],
    ['Jane Doe.pdf', '***.pdf'],
    ['loans/2026/jane', 'loans/***'],
  ])('masks object keys: %s -> %s', (input, out) => expect(maskObjectKey(input)).toBe(out));

  it('masks object keys and file names in log fields, in any script', () => {
    const lines: string[] = [];
    const log = createLogger('test', { sink: (l) => lines.push(l) });
    log.info('routed', { key: 'loans/王小明 Amara Okonkwo SSN 536-22-8674.pdf', filename: 'Lars Johansson.txt' });
    expect(lines.join()).not.toMatch(/王小明|Amara|Okonkwo|8674|Lars|Johansson/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ key: 'loans/***.pdf', filename: '***.txt' });
  });

  it('masks emails and long digit runs in free text', () => {
    const out = maskText('call 555-123-4567 or mail bob@corp.com, card 4111 1111 1111 1111');
    expect(out).not.toMatch(/555-123-4567|bob@corp\.com|4111 1111/);
    expect(out).toContain('b***@corp.com');
  });

  it('masks PII fields at any depth and leaves other fields alone', () => {
    const masked = maskPii({ event_id: 'e1', transaction_amt: 12.5, nested: [{ customer_name: 'Jane Doe', card_bin: 411111, billing_street: '12 Main St', phone: '555-123-4567' }] });
    expect(masked).toEqual({ event_id: 'e1', transaction_amt: 12.5, nested: [{ customer_name: 'J*** D***', card_bin: '41****', billing_street: '***', phone: '********4567' }] });
  });

  it('never writes raw PII in a log line, message or fields', () => {
    const lines: string[] = [];
    const log = createLogger('test', { level: 'debug', sink: (l) => lines.push(l) });
    log.info('rejected jane.doe@example.com', { email_address: 'jane.doe@example.com', error: new Error('bad phone 555-123-4567') });
    expect(lines.join()).not.toMatch(/jane\.doe@|555-123-4567/);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'INFO', component: 'test', service: 'test' });
  });
});

describe('Logger: masking cost', () => {
  it('stays linear on long text without emails (no catastrophic backtracking)', () => {
    const long = 'a'.repeat(300_000) + ' 555-123-4567 ' + '1'.repeat(50_000);
    const started = performance.now();
    const out = maskText(long);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(out).not.toContain('555-123-4567');
  });
});

describe('Logger: identifiers', () => {
  it('keeps event and entity ids intact while masking the PII beside them', () => {
    const masked = maskPii({ event_id: '0c5e7f1a-4689-8123-9a0b-112233445566', entity_id: 'cust-0001234', email: 'a.b@c.io', note: 'id 4689-8123-9912' }) as Record<string, string>;
    expect(masked.event_id).toBe('0c5e7f1a-4689-8123-9a0b-112233445566');
    expect(masked.entity_id).toBe('cust-0001234');
    expect(masked.email).toBe('a***@c.io');
    expect(masked.note).not.toContain('4689-8123-9912');
  });
});

describe('Logger: what is not personal stays readable', () => {
  it('keeps the class name of an error, whether an Error or a plain error object', () => {
    // Prepare
    const lines: string[] = [];
    const log = createLogger('test', { sink: (l) => lines.push(l) });
    class AdapterError extends Error { override name = 'AdapterError'; }
    // Act
    log.warn('failed', { error: new AdapterError('put failed'), cause: { name: 'ThrottlingException', message: 'slow down' }, worker: { name: 'KafkaJSNumberOfRetriesExceeded', message: 'gave up', stack: 'KafkaJSNumberOfRetriesExceeded: gave up\n    at x' } });
    // Assess
    expect(JSON.parse(lines[0]!)).toMatchObject({ error: { name: 'AdapterError' }, cause: { name: 'ThrottlingException' }, worker: { name: 'KafkaJSNumberOfRetriesExceeded' } });
  });

  it.each<[object, string]>([
    [{ customer: { name: 'Jane Doe', message: 'hi' } }, 'a person beside a message'],
    [{ err: { name: 'Jane', message: 'hi' } }, 'a one-word name with no stack'],
    [{ err: { name: 'Jane Doe Error', message: 'hi', stack: 's' } }, 'a name with spaces'],
  ])('still masks a name that is not an error class: %j (%s)', (value, _why) => {
    const out = JSON.stringify(maskPii(value));
    expect(out).not.toMatch(/Jane|Doe/);
  });

  it.each([
    'dt=2026-12-07/hour=10',
    'scored at 2026-12-07T10:00:00Z',
    'from 2026-12-07T10:00:00.123+01:00 to 2026-12-07 11:30:00',
    'record of 70000 bytes exceeds MAX_RECORD_BYTES=65536',
    'above 1000000 bytes',
    'card_bin: above 99999999',
    '99999 rows',
    'event 0c5e7f1a-4689-8123-9a0b-112233445566 alerted',
    'evt-12345678-1234-4123-a123-123456789012',
    'processed/dt=2026-12-07/hour=10/transactions-0-0000000000001234.jsonl',
  ])('keeps %s', (text) => expect(maskText(text)).toBe(text));

  it.each([
    ['card 4111111111111111', '4111111111111111'],
    ['card 4111 1111 1111 1111', '4111 1111 1111 1111'],
    ['card 4111-1111-1111-1111', '4111-1111-1111-1111'],
    ['ssn 123-45-6789', '123-45-6789'],
    ['ssn 123456789', '123456789'],
    ['call (555) 123-4567', '123-4567'],
    ['call 555-123-4567', '555-123-4567'],
    ['call 5551234567', '5551234567'],
    ['call +44 20 7946 0958', '7946 0958'],
    ['call +447946095800', '447946095800'],
    ['id 4689-8123-9912', '4689-8123-9912'],
    ['born 12.03.1985', '12.03.1985'],
    ['dt=2026-12-07 4111111111111111', '4111111111111111'],
  ])('still masks personal numbers: %s', (text, secret) => expect(maskText(text)).not.toContain(secret));
});
