/**
 * A port whose implementation is imported on its first call. Lambda handlers pay, at cold start,
 * for every module they import statically; a port only some invocations use (the Step Functions
 * engine, the OpenSearch vector index, STS) is built on first use instead, once per container.
 * A port a handler never uses is built as one that refuses (`unavailablePort`), so its bundle does
 * not carry the adapter at all.
 */
import { ModernizeError } from '#errors/errors.ts';

/** The async methods of `T` (every port method returns a promise). */
type AsyncMethodsOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/**
 * An object with `methods` of `T` that builds the real `T` with `build` on the first call and hands
 * every call to it; a failed build is retried on the next call rather than cached.
 *
 * @example
 * const workflow = lazyPort<WorkflowEngine>(['start', 'describe', 'stop'], async () =>
 *   new (await import('#adapters/aws/sfnWorkflowEngine.ts')).SfnWorkflowEngine(arns));
 */
export function lazyPort<T extends object>(
  methods: readonly AsyncMethodsOf<T>[],
  build: () => Promise<T>,
): T {
  let instance: Promise<T> | undefined;
  const load = () => {
    instance ??= build().catch((error: unknown) => {
      instance = undefined;
      throw error;
    });
    return instance;
  };
  return Object.fromEntries(
    methods.map((method) => [
      method,
      async (...args: unknown[]) => {
        const port = (await load()) as Record<PropertyKey, (...a: unknown[]) => Promise<unknown>>;
        return port[method as PropertyKey]?.(...args);
      },
    ]),
  ) as T;
}

/** A call to a port this handler was built without (a programming error: its wiring is wrong). */
export class PortUnavailableError extends ModernizeError {
  constructor(port: string, method: string) {
    super(`${port}.${method} is not available in this handler: it was built without that port`, {
      code: 'port_unavailable',
      status: 500,
    });
    this.name = 'PortUnavailableError';
  }
}

/**
 * An object with `methods` of `T` that all reject with `PortUnavailableError`: the port of a
 * handler whose code never calls it, so that its bundle need not carry the real adapter.
 */
export function unavailablePort<T extends object>(port: string, methods: readonly AsyncMethodsOf<T>[]): T {
  return Object.fromEntries(
    methods.map((method) => [
      method,
      async () => {
        throw new PortUnavailableError(port, String(method));
      },
    ]),
  ) as T;
}
