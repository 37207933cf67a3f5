/**
 * Dependency engine: edges from connection logs and declared dependencies, move groups, cycles and
 * application groups of an engagement's inventory.
 */
export {
  buildDependencyGraph,
  type ConnectionInput,
  type DependencyEdge,
  type DependencyGraph,
  type DependencyOptions,
  DependencyOptionsError,
  type DependencyStats,
  type MoveGroup,
} from './dependencyGraph.ts';
export { INFRASTRUCTURE_PORTS, isInfrastructureService } from './infrastructureServices.ts';
