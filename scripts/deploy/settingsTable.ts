// Prints the README's table of deployment settings from scripts/deploy/settingsSpec.cjs (a test keeps
// the README equal to it): npx tsx scripts/deploy/settingsTable.ts
import { createRequire } from 'node:module';

interface Setting {
  name: string;
  services: string[];
  required?: boolean;
  when?: string;
  default?: string | ((stage: string) => string);
  doc: string;
}

const { SETTINGS } = createRequire(import.meta.url)('./settingsSpec.cjs') as { SETTINGS: Setting[] };

/** One Markdown row per setting: name, services, required or default, meaning. */
export function settingsRows(): string[] {
  return SETTINGS.map((s) => {
    const need = s.required ? '**required**' : s.when ? `required when ${s.when}=true` : typeof s.default === 'function' ? `\`${s.default('<stage>')}\`` : s.default === '' ? '(empty)' : `\`${s.default}\``;
    return `| \`${s.name}\` | ${s.services.join(', ')} | ${need} | ${s.doc} |`;
  });
}

if (process.argv[1]?.endsWith('settingsTable.ts')) {
  console.log(['| setting | used by | default | meaning |', '| --- | --- | --- | --- |', ...settingsRows()].join('\n'));
}
