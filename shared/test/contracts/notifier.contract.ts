import type { Notifier } from '../../src/ports/Notifier.js';

/** What left the process for one published notification, read back from the backing system. */
export interface Delivered {
  subject: string;
  body: Record<string, unknown>;
  attributes: Record<string, string>;
}

export interface NotifierFixture {
  notifier: Notifier;
  /** Everything published through `notifier`, in order, as the backing system holds it. */
  delivered(): Promise<Delivered[]>;
}

const alert = (n: number) => ({
  subject: `Fraud alert: block txn-${n}`,
  body: {
    event_id: `txn-${n}`, decision: 'block', score: 0.97,
    email_address: 'jane.doe@example.com', customer_name: 'Jane Doe', card_bin: '411111',
    note: 'customer called from +1 (555) 123-4567',
  },
  attributes: { decision: 'block', service: 'txn' },
});

/** Behaviour every Notifier adapter must share; `factory` returns a notifier with nothing delivered yet. */
export function notifierContract(name: string, factory: () => Promise<NotifierFixture>): void {
  describe(`Contract: Notifier > ${name}`, () => {
    it('delivers subject, body and attributes, in order', async () => {
      // Prepare
      const { notifier, delivered } = await factory();
      // Act
      await notifier.publish(alert(1));
      await notifier.publish(alert(2));
      // Assess
      const got = await delivered();
      expect(got.map((d) => d.subject)).toEqual(['Fraud alert: block txn-1', 'Fraud alert: block txn-2']);
      expect(got[0]!.body).toMatchObject({ event_id: 'txn-1', decision: 'block', score: 0.97 });
      expect(got[1]!.attributes).toEqual({ decision: 'block', service: 'txn' });
    });

    it('publishes many in order, all masked, across several backend calls', async () => {
      // Prepare
      const { notifier, delivered } = await factory();
      // Act: 23 alerts (three SNS PublishBatch calls), then none at all
      await notifier.publishMany(Array.from({ length: 23 }, (_, i) => alert(100 + i)));
      await notifier.publishMany([]);
      // Assess
      const got = await delivered();
      expect(got.map((d) => d.body.event_id)).toEqual(Array.from({ length: 23 }, (_, i) => `txn-${100 + i}`));
      expect(got.every((d) => d.body.email_address === 'j***@example.com' && d.attributes.decision === 'block')).toBe(true);
    });

    it('never lets PII in the body leave unmasked', async () => {
      const { notifier, delivered } = await factory();

      await notifier.publish(alert(3));

      const [got] = await delivered();
      const raw = JSON.stringify(got!.body);
      for (const secret of ['jane.doe@example.com', 'Jane Doe', '411111', '555) 123-4567', '5551234567']) {
        expect(raw).not.toContain(secret);
      }
      expect(got!.body.email_address).toBe('j***@example.com');
      expect(got!.body.customer_name).toBe('J*** D***');
    });
  });
}
