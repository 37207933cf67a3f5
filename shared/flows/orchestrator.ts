/**
 * Master flow orchestrator: creates flows, starts their state machines, and moves them
 * through review, cancellation and resumption. Phase work happens in the phase runner,
 * called by the state machine.
 */
import { randomUUID } from 'node:crypto';
import { BadInputError, ConflictError, NotFoundError } from '#errors/errors.ts';
import type { FlowQuery, FlowRecord, FlowStatus } from '#ports/flowStore.ts';
import type { TenantContext } from '#ports/tenant.ts';
import type { Services } from './services.ts';
import { phasesOf } from './stateMachineFiles.ts';

/** The reference to a flow a state machine carries (never data). */
export interface FlowRef {
  readonly clientAccountId: string;
  readonly engagementId: string;
  readonly flowId: string;
  readonly flowType: string;
}

export interface CreateFlowInput {
  readonly flowType: string;
  readonly engagementId: string;
  readonly config?: Record<string, unknown>;
  /** Deterministic id (e.g. derived from an S3 event) so a duplicate trigger creates nothing new. */
  readonly flowId?: string;
}

const ACTIVE: readonly FlowStatus[] = ['initialized', 'running', 'awaiting_review', 'paused'];

export class FlowOrchestrator {
  private readonly services: Services;

  constructor(services: Services) {
    this.services = services;
  }

  /** Creates a flow in `initialized` with every phase of its state machine pending. */
  async createFlow(tenant: TenantContext, input: CreateFlowInput): Promise<FlowRecord> {
    // The state-machine file, not the registry, says which flow types exist: a process that only
    // starts flows (the S3 trigger) does not load the registrations and their phase modules.
    const phases = phasesOf(input.flowType);
    const now = this.services.clock.now().toISOString();
    const flow: FlowRecord = {
      flowId: input.flowId ?? randomUUID(),
      clientAccountId: tenant.clientAccountId,
      engagementId: input.engagementId,
      flowType: input.flowType,
      status: 'initialized',
      currentPhase: null,
      phases: phases.map((name) => ({ name, status: 'pending' })),
      config: input.config ?? {},
      createdAt: now,
      updatedAt: now,
      createdBy: tenant.userId,
      executionArns: [],
      notes: [],
      version: 1,
    };
    await this.services.flows.create(tenant, flow);
    return flow;
  }

  /** Starts (or continues) the flow's state machine at `resumeFrom` (default: the first phase). */
  async startFlow(tenant: TenantContext, flowId: string, resumeFrom?: string): Promise<FlowRecord> {
    const flow = await this.getFlow(tenant, flowId);
    const phases = phasesOf(flow.flowType);
    const from = resumeFrom ?? phases[0] ?? '';
    if (!phases.includes(from)) throw new BadInputError(`unknown phase ${from}`);
    const ref: FlowRef = {
      clientAccountId: flow.clientAccountId,
      engagementId: flow.engagementId,
      flowId: flow.flowId,
      flowType: flow.flowType,
    };
    const fromIndex = phases.indexOf(from);
    const updated = await this.services.flows.update(tenant, flowId, (f) => {
      f.status = 'running';
      f.currentPhase = from;
      f.error = undefined;
      f.updatedAt = this.services.clock.now().toISOString();
      for (const phase of f.phases) {
        if (phases.indexOf(phase.name) >= fromIndex) phase.status = 'pending';
      }
    });
    const name = `${flow.flowId}-${updated.executionArns.length + 1}`;
    const { executionArn } = await this.services.workflow.start(flow.flowType, name, {
      flow: ref,
      resumeFrom: from,
    });
    return this.services.flows.update(tenant, flowId, (f) => {
      f.executionArns.push(executionArn);
    });
  }

  async getFlow(tenant: TenantContext, flowId: string): Promise<FlowRecord> {
    const flow = await this.services.flows.get(tenant, flowId);
    if (!flow) throw new NotFoundError(`flow ${flowId}`);
    return flow;
  }

  listFlows(tenant: TenantContext, query: FlowQuery): Promise<FlowRecord[]> {
    return this.services.flows.list(tenant, query);
  }

  /** Cancels an active flow: stops its execution; phases not yet run stay pending. */
  async cancel(tenant: TenantContext, flowId: string): Promise<FlowRecord> {
    const flow = await this.getFlow(tenant, flowId);
    if (!ACTIVE.includes(flow.status))
      throw new ConflictError(`flow ${flowId} is ${flow.status}; it cannot be cancelled`);
    const updated = await this.services.flows.update(tenant, flowId, (f) => {
      f.status = 'cancelled';
      f.updatedAt = this.services.clock.now().toISOString();
    });
    const last = flow.executionArns.at(-1);
    if (last) await this.services.workflow.stop(last, 'cancelled by user');
    return updated;
  }

  /** Resumes a failed flow from the phase that failed. */
  async resume(tenant: TenantContext, flowId: string): Promise<FlowRecord> {
    const flow = await this.getFlow(tenant, flowId);
    if (flow.status !== 'failed')
      throw new ConflictError(`flow ${flowId} is ${flow.status}; only failed flows resume`);
    const from = flow.error?.phase ?? flow.phases.find((p) => p.status !== 'completed')?.name;
    return this.startFlow(tenant, flowId, from ?? undefined);
  }

  /** Continues a flow in `awaiting_review` from its next pending phase. */
  async approve(tenant: TenantContext, flowId: string): Promise<FlowRecord> {
    const flow = await this.getFlow(tenant, flowId);
    if (flow.status !== 'awaiting_review') {
      throw new ConflictError(
        `flow ${flowId} is ${flow.status}; only a flow awaiting review can be approved`,
      );
    }
    const next = flow.phases.find((p) => p.status === 'pending');
    if (!next) throw new ConflictError(`flow ${flowId} has no phase left to run`);
    await this.services.flows.update(tenant, flowId, (f) => {
      f.notes.push(`approved by ${tenant.userId} at ${this.services.clock.now().toISOString()}`);
    });
    const started = await this.startFlow(tenant, flowId, next.name);
    // Every approval is audited here, whichever entry point (API, CLI) asked for it.
    await this.services.audit?.record(tenant, {
      action: 'flow.approve',
      target: { flowId, engagementId: flow.engagementId, phase: next.name },
      outcome: 'success',
    });
    return started;
  }
}

/** The system identity phases act as, inside the flow's tenant. */
export function flowTenant(ref: Pick<FlowRef, 'clientAccountId'>): TenantContext {
  return { clientAccountId: ref.clientAccountId, userId: 'system:flow', roles: ['analyst'] };
}
