/**
 * A port whose implementation is imported on its first call. Lambda handlers pay, at cold start,
 * for every module they import statically; a port only some invocations use (the Step Functions
 * engine, the OpenSearch vector index, STS) is built on first use instead, once per container.
 */

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
