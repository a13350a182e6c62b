import { plausibleSpan } from '../../src/ner/plausibleSpan.js';

describe('Function: plausibleSpan', () => {
  it.each([
    ['a name', 'Ana Souza', true],
    ['a name in Greek', 'Ελένη Κωνσταντίνου', true],
    ['a name in Chinese', '王小明', true],
    ['an address with digits', '12 Main St', true],
    ['capitalised place', 'On', true],
    ['comma', ',', false],
    ['angle bracket', '>', false],
    ['digits only', '2024', false],
    ['function word', 'of', false],
    ['function word with space', ' on ', false],
  ])('%s', (_name, value, expected) => {
    // Act + Assess
    expect(plausibleSpan(value)).toBe(expected);
  });
});
