import { isIP } from 'node:net';
import { PatternRecognizer } from './PatternRecognizer.js';

/** IPv4 and IPv6 addresses, validated by Node's parser (octets 0-255, well-formed hextets). */
export const ipAddressRecognizer = new PatternRecognizer({
  name: 'IpAddressRecognizer',
  entityType: 'IP_ADDRESS',
  patterns: [
    { name: 'ipv4', regex: /(?<![\d.])(?:\d{1,3}\.){3}\d{1,3}(?!\d|\.\d)/, score: 0.6 },
    { name: 'ipv6', regex: /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){2,7}(?::|[0-9a-fA-F]{1,4})(?![\w:])/, score: 0.6 },
    { name: 'ipv6 compressed', regex: /(?<![\w:])(?:[0-9a-fA-F]{1,4}:){1,6}:(?:[0-9a-fA-F]{1,4}:?){1,6}(?![\w:])/, score: 0.6 },
  ],
  context: ['ip', 'ip address', 'address', 'login', 'logged', 'host', 'from'],
  validate: (m) => isIP(m) !== 0 && !/^0\./.test(m),
});
