import { maskValue } from '../../src/detect/maskValue.js';

describe('Function: maskValue', () => {
  it.each([
    ['SSN', '536-22-8674', 'US_SSN', '###-##-####'],
    ['full-width SSN', '５３６－２２－８６７４', 'US_SSN', '###－##－####'],
    ['name', 'Ana Souza', 'PERSON', 'Xxx Xxxxx'],
    ['name in Chinese', '王小明', 'PERSON', 'xxx'],
    ['name in Greek', 'Ελένη Κωνσταντίνου', 'PERSON', 'Xxxxx Xxxxxxxxxxxx'],
    ['name in Arabic', 'محمد العلي', 'PERSON', 'xxxx xxxxx'],
    ['card keeps its last four', '4111 1111 1111 1111', 'CREDIT_CARD', '#### #### #### 1111'],
    ['IBAN keeps its last four', 'DE89370400440532013000', 'IBAN', 'XX################3000'],
    ['short phone keeps nothing', '555-0132', 'PHONE', '###-####'],
  ])('%s', (_name, value, type, expected) => {
    // Act + Assess
    expect(maskValue(value, type)).toBe(expected);
  });
});
