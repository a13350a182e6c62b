/**
 * A Lambda handler whose dependencies are built once per container, on the first invocation, and
 * reused after; a failed build is retried on the next invocation instead of being cached.
 */
export function lazyHandler<D, E, R, C = unknown>(init: () => Promise<D>, handle: (deps: D, event: E, context?: C) => Promise<R>): (event: E, context?: C) => Promise<R> {
  let deps: Promise<D> | undefined;
  return async (event: E, context?: C) => {
    deps ??= init().catch((err: unknown) => {
      deps = undefined;
      throw err;
    });
    return handle(await deps, event, context);
  };
}
