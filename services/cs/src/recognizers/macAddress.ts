import { PatternRecognizer } from './PatternRecognizer.js';

/** MAC addresses (six hex pairs with `:` or `-`, or Cisco's three dotted quads); a device identifies its owner. */
export const macAddressRecognizer = new PatternRecognizer({
  name: 'MacAddressRecognizer',
  entityType: 'MAC_ADDRESS',
  patterns: [
    { name: 'mac colon/dash', regex: /(?<![\w:-])[0-9A-Fa-f]{2}([:-])(?:[0-9A-Fa-f]{2}\1){4}[0-9A-Fa-f]{2}(?![\w:-])/, score: 0.7 },
    { name: 'mac cisco', regex: /(?<![\w.])[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}(?![\w.])/, score: 0.5 },
  ],
  context: ['mac', 'mac address', 'hardware address', 'device', 'ethernet', 'wifi', 'wi-fi', 'bssid'],
  // the all-zero and broadcast addresses name no device
  validate: (m) => !/^(?:0+|f+)$/i.test(m.replace(/[:.-]/g, '')),
});
