import type { VariableType } from '../eventType/variableTypes.js';

/** One list's metadata as AFD's GetListsMetadata gives it (name, variableType), with a version that changes on every write. */
export interface ListMetadata {
  name: string;
  variableType: VariableType;
  description?: string;
  /** Opaque: equal versions mean equal elements. */
  version: string;
}

/**
 * Allow and deny lists (AFD's lists: up to 100,000 entries of up to 320 characters), changed at run
 * time by the `lists` CLI and read by scoring. Elements are stored already normalised for the list's
 * variable type. Adapters: a JSON file per list under DATA_DIR/lists (FileListStore) and a DynamoDB
 * table (DynamoListStore).
 */
export interface ListStore {
  /** Current versions of the named lists (undefined: no such list); cheap, called on every refresh. */
  versions(names: string[]): Promise<Map<string, string | undefined>>;
  /** Every element and the version they belong to. */
  read(name: string): Promise<{ meta: ListMetadata; elements: string[] }>;
  list(): Promise<ListMetadata[]>;
  create(name: string, variableType: VariableType, description?: string): Promise<void>;
  /** AFD's UpdateList APPEND / REMOVE, with already-normalised elements; returns how many changed. */
  append(name: string, elements: string[]): Promise<number>;
  remove(name: string, elements: string[]): Promise<number>;
}
