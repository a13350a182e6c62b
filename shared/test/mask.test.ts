import { createLogger, maskEmail, maskName, maskPii, maskText } from '../src/index.js';

describe('Logger: PII masking', () => {
  it.each([
    ['jane.doe@example.com', 'j***@example.com'],
    ['x@y.io', 'x***@y.io'],
  ])('maskEmail(%s) = %s', (input, out) => expect(maskEmail(input)).toBe(out));

  it('masks names word by word', () => expect(maskName("Mary-Ann O'Brien")).toBe('M*** O***'));

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
