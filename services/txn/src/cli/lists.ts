// npm run lists -- create <list> --type <VARIABLE_TYPE> [--description text]
//                  add|remove <list> <value...>      (values also from --file <path>, one per line)
//                  show <list> | ls
// The store is the one scoring reads (LISTS_STORE=file: DATA_DIR/lists; dynamodb: LISTS_TABLE).
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { loadTxnConfig } from '../config.js';
import { listStoreFrom } from '../deps/scoreDeps.js';
import { VARIABLE_TYPES, type VariableType } from '../eventType/variableTypes.js';
import type { ListStore } from '../lists/ListStore.js';
import { LIST_NAME, MAX_ENTRY_CHARS, MAX_LIST_ENTRIES, normaliserFor } from '../lists/normalise.js';

const USAGE = 'usage: npm run lists -- create <list> --type <VARIABLE_TYPE> [--description <text>] | add <list> <value...> [--file <path>] | remove <list> <value...> [--file <path>] | show <list> | ls';

export class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return v;
}

/** Runs one command against a store and returns what it prints; bad input throws UsageError naming the value. */
export async function runListsCommand(argv: string[], store: ListStore): Promise<string> {
  const args = [...argv];
  const file = option(args, '--file');
  const type = option(args, '--type');
  const description = option(args, '--description');
  const [command, name, ...values] = args;
  if (command === 'ls') {
    const all = await store.list();
    return all.length === 0 ? 'no lists' : all.map((m) => `${m.name}\t${m.variableType}${m.description ? `\t${m.description}` : ''}`).join('\n');
  }
  if (!command || !name) throw new UsageError(USAGE);
  if (!LIST_NAME.test(name)) throw new UsageError(`list name ${JSON.stringify(name)}: lower-case letters, digits and '_' (AFD's pattern), at most 64`);
  switch (command) {
    case 'create': {
      if (!type || !(VARIABLE_TYPES as readonly string[]).includes(type)) throw new UsageError(`create needs --type, one of AFD's variable types: ${VARIABLE_TYPES.join(', ')}`);
      await store.create(name, type as VariableType, description);
      return `created list ${name} (${type})`;
    }
    case 'show': {
      const { meta, elements } = await store.read(name);
      return [`# ${meta.name} (${meta.variableType}): ${elements.length} entries`, ...[...elements].sort()].join('\n');
    }
    case 'add':
    case 'remove': {
      const raw = [...values, ...(file ? readFileSync(file, 'utf8').split('\n').filter((l) => l.trim() !== '') : [])];
      if (raw.length === 0) throw new UsageError(`${command} needs at least one value`);
      const { meta, elements } = await store.read(name);
      const normalise = normaliserFor(meta.variableType);
      const clean = raw.map((v) => {
        const n = normalise(v);
        if (n === undefined) throw new UsageError(`${JSON.stringify(v)} is not a valid ${meta.variableType} for list ${name}`);
        if (n.length > MAX_ENTRY_CHARS) throw new UsageError(`${JSON.stringify(v.slice(0, 40))}...: an entry has at most ${MAX_ENTRY_CHARS} characters`);
        return n;
      });
      if (command === 'add') {
        const after = new Set([...elements, ...clean]).size;
        if (after > MAX_LIST_ENTRIES) throw new UsageError(`list ${name} would hold ${after.toLocaleString('en-US')} entries; a list holds at most ${MAX_LIST_ENTRIES.toLocaleString('en-US')}`);
        const present = new Set(elements);
        const fresh = [...new Set(clean)].filter((e) => !present.has(e));
        if (fresh.length > 0) await store.append(name, fresh);
        return `list ${name}: ${fresh.length} added, ${clean.length - fresh.length} already present; ${after} entries`;
      }
      const present = new Set(elements);
      const gone = [...new Set(clean)].filter((e) => present.has(e));
      if (gone.length > 0) await store.remove(name, gone);
      return `list ${name}: ${gone.length} removed, ${clean.length - gone.length} not in the list; ${elements.length - gone.length} entries`;
    }
    default:
      throw new UsageError(USAGE);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const c = loadTxnConfig();
    process.stdout.write(`${await runListsCommand(process.argv.slice(2), await listStoreFrom(c))}\n`);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}
