/**
 * The health monitor and performance tracker over a Services bundle: what the API routes, the
 * `modernize health` command and the scheduled health check compose.
 */
import type { Services } from '#flows/services.ts';
import { memoryManagerFor } from '#memory/memoryApi.ts';
import type { CircuitBreakerRegistry } from '#reliability/circuitBreaker.ts';
import { AgentHealthMonitor } from './healthMonitor.ts';
import type { ChatModel } from './llmClient.ts';
import { AgentPerformanceTracker } from './performanceTracker.ts';

/** The monitor for a Services bundle (the model from configuration unless given). */
export function agentHealthMonitorFor(
  services: Pick<Services, 'config' | 'memoryStore' | 'vectorIndex' | 'embedder' | 'clock'>,
  options: { model?: ChatModel | null; breakers?: CircuitBreakerRegistry } = {},
): AgentHealthMonitor {
  return new AgentHealthMonitor({
    config: services.config,
    memory: { manager: memoryManagerFor(services), store: services.memoryStore },
    now: () => services.clock.now(),
    ...options,
  });
}

/** The tracker for a Services bundle. */
export function agentPerformanceTrackerFor(
  services: Pick<Services, 'memoryStore' | 'agentMetrics' | 'flows' | 'engagements' | 'clock'>,
): AgentPerformanceTracker {
  return new AgentPerformanceTracker(services);
}
