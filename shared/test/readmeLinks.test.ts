import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const READMES = ['README.md', 'services/txn/README.md', 'services/cs/README.md', 'services/rpt/README.md', 'shared/README.md'];

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces to hyphens. */
const anchorOf = (heading: string) => heading.trim().toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replace(/ /g, '-');
const textOf = (file: string) => readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
const headings = (file: string) => [...textOf(file).matchAll(/^#{1,6} (.+)$/gm)].map((m) => m[1]!.replace(/[`*]/g, ''));

// Cross-references between the READMEs must name headings that exist (issue 19, item 12: two did not).
describe('README cross-references', () => {
  it('every [text](file#anchor) link names a heading of that file', () => {
    const dead = READMES.flatMap((file) => [...textOf(file).matchAll(/\]\(([^)\s#]*)#([^)\s]+)\)/g)].flatMap(([link, path, anchor]) => {
      const target = path ? normalize(join(dirname(file), path)) : file;
      return headings(target).map(anchorOf).includes(anchor!) ? [] : [`${file}: ${link}`];
    }));
    expect(dead).toEqual([]);
  });

  it('every quoted section reference (see "X", README, "X", README ("X")) names a heading', () => {
    const dead = READMES.flatMap((file) => [...textOf(file).matchAll(/(root README|README|[Ss]ee)(,|:)? \(?"([A-Z][^"]{2,70})"/g)].flatMap(([ref, where, , title]) => {
      const target = where === 'root README' ? 'README.md' : where === 'README' && file === 'README.md' ? file : where === 'README' ? 'README.md' : file;
      return headings(target).some((h) => h.startsWith(title!)) ? [] : [`${file}: ${ref}`];
    }));
    expect(dead).toEqual([]);
  });
});
