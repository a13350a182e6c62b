import { ModelLoadError } from '../../src/errors.js';
import { NerModel } from '../../src/ner/NerModel.js';
import { sharedModel } from '../fixtures/deps.js';

describe('Class: NerModel', () => {
  it('finds a person and maps the offsets back to the text', async () => {
    // Prepare
    const model = await sharedModel();
    const text = 'Borrower Name: Kwame Asante\nEmployer: Atlas Freight Lines';
    // Act
    const found = await model.analyze(text);
    // Assess
    const person = found.find((e) => e.type === 'PERSON');
    expect(person && text.slice(person.start, person.end)).toBe('Kwame Asante');
    expect(person?.explanation.textual).toContain(model.version);
  });

  it('reads pages longer than one window, keeping offsets exact', async () => {
    const model = await sharedModel();
    const filler = 'The Borrower shall maintain insurance on the collateral at all times. '.repeat(30);
    const text = `${filler}\nBorrower Name: Ingrid Johansson\n${filler}`;
    const person = (await model.analyze(text)).find((e) => e.type === 'PERSON');
    expect(person && text.slice(person.start, person.end)).toBe('Ingrid Johansson');
  });

  it('calls a place without a number a location, not an address', async () => {
    const model = await sharedModel();
    const found = await model.analyze('Minutes of the meeting held in Columbus, Ohio.');
    expect(found.filter((e) => e.type === 'ADDRESS')).toEqual([]);
  });

  it('fails with ModelLoadError naming the folder', async () => {
    await expect(NerModel.load('/nonexistent/model')).rejects.toBeInstanceOf(ModelLoadError);
  });
});
