import { mkdtemp, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ModelLoadError } from '../../src/errors.js';
import { markLineBreaks, NerModel } from '../../src/ner/NerModel.js';
import { resolveModelDir } from '../../src/ner/modelDir.js';
import { sharedModel } from '../fixtures/deps.js';

const MODEL_DIR = resolveModelDir('', join(import.meta.dirname, '../../../..'));

describe('Class: NerModel', () => {
  it('finds a person and maps the offsets back to the text', async () => {
    // Prepare
    const model = await sharedModel();
    // (a name followed by an "Employer:" line can lose its surname to an ORGANIZATION: MODEL_CARD.md, Limits)
    const text = 'Borrower Name: Kwame Asante\nLoan Amount: $250,000';
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

  it('names the model family from labels.json and the file by its hash', async () => {
    const labels = JSON.parse(await readFile(join(MODEL_DIR, 'labels.json'), 'utf8')) as { name?: string };
    const model = await sharedModel();
    expect(model.version).toMatch(new RegExp(`^${labels.name ?? 'minilm-l6-ner-int8'}@[0-9a-f]{12}$`));
  });

  it('calls a model whose labels.json has no name MiniLM-L6 (files from before the name was written)', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-ner-'));
    for (const f of ['model.int8.onnx', 'tokenizer.json']) await symlink(join(MODEL_DIR, f), join(dir, f));
    const { name: _name, ...labels } = JSON.parse(await readFile(join(MODEL_DIR, 'labels.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'labels.json'), JSON.stringify(labels));
    const model = await NerModel.load(dir);
    expect(model.version).toMatch(/^minilm-l6-ner-int8@[0-9a-f]{12}$/);
  });

  it('shows the model a line break as the marker it was trained with, keeping every offset', () => {
    const text = 'Borrower Name: Kwame Asante\r\nEmployer: Atlas\u2028Freight\nLines';
    const marked = markLineBreaks(text, '\u00b6');
    expect(marked).toBe('Borrower Name: Kwame Asante\r\u00b6Employer: Atlas\u00b6Freight\u00b6Lines');
    expect(marked.length).toBe(text.length);
    expect(markLineBreaks(text, undefined)).toBe(text);
  });

  it('refuses a labels.json whose newline marker would move offsets', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'cs-ner-'));
    for (const f of ['model.int8.onnx', 'tokenizer.json']) await symlink(join(MODEL_DIR, f), join(dir, f));
    const labels = JSON.parse(await readFile(join(MODEL_DIR, 'labels.json'), 'utf8')) as Record<string, unknown>;
    await writeFile(join(dir, 'labels.json'), JSON.stringify({ ...labels, newline: ' | ' }));
    await expect(NerModel.load(dir)).rejects.toThrow(/newline" must be one character/);
  });

  it('fails with ModelLoadError naming the folder', async () => {
    await expect(NerModel.load('/nonexistent/model')).rejects.toBeInstanceOf(ModelLoadError);
  });
});
