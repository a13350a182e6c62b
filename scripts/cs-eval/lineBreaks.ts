// A small probe, not an evaluation set: does a name at the end of a form line keep its whole span when
// the next line starts with another label? (The tokenizer drops line breaks; see MODEL_CARD.md, Limits.)
//   npx tsx scripts/cs-eval/lineBreaks.ts [MODEL_DIR ...]   (default: services/cs/model)
// Prints, per model, how many of 8 names x 5 following lines come back as exactly the name, and the misses.
import { NerModel } from '../../services/cs/src/ner/NerModel.js';

const NAMES = ['Kwame Asante', 'Kofi Boateng', 'Maria Gonzalez', 'John Smith', 'Wei Zhang', 'Ingrid Johansson', 'Aarav Patel', 'Olga Petrova'];
const NEXT = ['Employer: Atlas Freight Lines', 'Loan Amount: $250,000', 'Address: 12 Main St, Springfield, IL 62701', 'Date of Birth: 04/12/1985', 'Phone: (555) 201-3344'];

for (const dir of process.argv.length > 2 ? process.argv.slice(2) : ['services/cs/model']) {
  const model = await NerModel.load(dir);
  const misses: string[] = [];
  for (const name of NAMES) {
    for (const next of NEXT) {
      const text = `Borrower Name: ${name}\n${next}`;
      const person = (await model.analyze(text)).find((e) => e.type === 'PERSON');
      const got = person ? text.slice(person.start, person.end) : '(none)';
      if (got !== name) misses.push(`${name} + "${next.split(':')[0]}:" -> ${got}`);
    }
  }
  console.log(`${model.version}: ${NAMES.length * NEXT.length - misses.length} of ${NAMES.length * NEXT.length} exact${misses.length ? `; missed: ${misses.join('; ')}` : ''}`);
}
