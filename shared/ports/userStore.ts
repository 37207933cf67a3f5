/**
 * Users of a client account and the engagements each is assigned to (kept by the client's
 * admins), and the platform's registry of client accounts (kept by platform admins).
 */
import type { TenantLimits } from '#config/config.ts';
import type { Role, TenantContext } from './tenant.ts';

/** One user of a client account: the roles it holds there and the engagements it may open. */
export interface UserRecord {
  readonly userId: string;
  readonly roles: readonly Role[];
  /** Engagements the user is assigned to; client and platform admins see all regardless. */
  readonly engagements: readonly string[];
  readonly createdAt: string;
  readonly createdBy: string;
  readonly updatedAt?: string;
  readonly updatedBy?: string;
}

/** The tenant's users. Every method takes the tenant; a user of another tenant does not exist. */
export interface UserStore {
  /** The user, or null (one read: the API calls it once per request for the caller). */
  get(tenant: TenantContext, userId: string): Promise<UserRecord | null>;
  /** The tenant's users, by id. */
  list(tenant: TenantContext): Promise<UserRecord[]>;
  /** Creates or replaces the user (createdAt/By of an existing record are kept). */
  put(tenant: TenantContext, user: UserRecord): Promise<UserRecord>;
  /** Removes the user; false when there was none. */
  remove(tenant: TenantContext, userId: string): Promise<boolean>;
  /**
   * Adds (`assigned` true) or removes an engagement of an existing user, atomically with respect
   * to concurrent assignments; null when the user does not exist.
   */
  setAssignment(
    tenant: TenantContext,
    userId: string,
    engagementId: string,
    assigned: boolean,
  ): Promise<UserRecord | null>;
}

/**
 * Per-client limits a platform admin may set, the same quantities as the configuration's tenant
 * limits (absent = the platform's defaults).
 */
export type ClientLimits = Partial<TenantLimits>;

/** One client account of the platform. */
export interface ClientRecord {
  readonly clientId: string;
  readonly name: string;
  readonly limits?: ClientLimits;
  readonly updatedAt: string;
  readonly updatedBy: string;
}

/**
 * The platform's client registry: not tenant data, so it lives under a platform partition that no
 * tenant-scoped credential reaches. `actor` is who asks (for the record's `updatedBy`).
 */
export interface ClientRegistry {
  get(actor: TenantContext, clientId: string): Promise<ClientRecord | null>;
  list(actor: TenantContext): Promise<ClientRecord[]>;
  put(actor: TenantContext, client: ClientRecord): Promise<ClientRecord>;
}
