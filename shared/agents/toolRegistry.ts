/**
 * The tool registry: tools register with capabilities; an agent gets the tools its spec
 * names plus every tool matching one of its spec's capabilities.
 */
import { ToolRegistryError } from './errors.ts';
import type { AgentSpec } from './specs.ts';
import type { AgentTool } from './tools/toolTypes.ts';

export class ToolRegistry {
  private readonly tools = new Map<string, AgentTool>();

  /** Adds a tool; a second tool with the same name is a programming error. */
  register(tool: AgentTool): this {
    if (this.tools.has(tool.name)) throw new ToolRegistryError(`tool ${tool.name} is registered twice`);
    this.tools.set(tool.name, tool);
    return this;
  }

  get(name: string): AgentTool | undefined {
    return this.tools.get(name);
  }

  /** Tools offering `capability`. */
  withCapability(capability: string): AgentTool[] {
    return [...this.tools.values()].filter((t) => t.capabilities.includes(capability));
  }

  /** The spec's named tools (each must exist) plus capability matches, without duplicates. */
  toolsFor(spec: AgentSpec): AgentTool[] {
    const chosen = new Map<string, AgentTool>();
    for (const name of spec.tools) {
      const tool = this.tools.get(name);
      if (!tool)
        throw new ToolRegistryError(`agent ${spec.name} needs tool ${name}, which is not registered`);
      chosen.set(name, tool);
    }
    for (const capability of spec.capabilities ?? [])
      for (const tool of this.withCapability(capability)) chosen.set(tool.name, tool);
    return [...chosen.values()];
  }
}
