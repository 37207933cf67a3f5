import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from '#ports/tenant.ts';
import {
  allows,
  authorize,
  authorizeAgentOperation,
  checkEngagementAccess,
  PERMISSIONS,
  type Permission,
} from '#security/rbac.ts';

const EXPECTED: Record<Role, Permission[]> = {
  viewer: ['read'],
  analyst: ['read', 'upload', 'run_flow', 'correct_mapping'],
  engagement_manager: ['read', 'upload', 'run_flow', 'correct_mapping', 'approve', 'override'],
  client_admin: [
    'read',
    'upload',
    'run_flow',
    'correct_mapping',
    'approve',
    'override',
    'manage_engagements',
    'manage_users',
    'view_audit',
  ],
  platform_admin: Object.keys(PERMISSIONS) as Permission[],
};

describe('the permission table', () => {
  it.each(ROLES)('grants %s exactly its operations', (role) => {
    const granted = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => allows([role], p));

    expect(granted.sort()).toEqual([...EXPECTED[role]].sort());
  });

  it('refuses with a 403 naming the operation', () => {
    expect(() => authorize({ roles: ['viewer'] }, 'upload')).toThrow(/does not allow upload/);
    expect(() => authorize({ roles: ['analyst'] }, 'view_audit')).toThrowError(
      expect.objectContaining({ status: 403 }),
    );
  });

  it('checks agent tool calls: a viewer may run no tool, a learning tool needs correct_mapping', () => {
    const plain = { name: 'data_analysis_tool', capabilities: ['column_analysis'] };
    const learning = { name: 'field_mapping_tool', capabilities: ['learning'] };

    expect(() => authorizeAgentOperation({ roles: ['viewer'] }, plain)).toThrow(/data_analysis_tool/);
    expect(() => authorizeAgentOperation({ roles: ['analyst'] }, learning)).not.toThrow();
    expect(() => authorizeAgentOperation({ roles: ['viewer'] }, learning)).toThrow();
  });

  it('hides engagements the caller is not assigned to behind a plain 404', () => {
    const analyst = {
      clientAccountId: 'acme',
      userId: 'a',
      roles: ['analyst' as const],
      engagements: ['dc1'],
    };

    expect(() => checkEngagementAccess(analyst, 'dc1')).not.toThrow();
    expect(() => checkEngagementAccess(analyst, 'dc2')).toThrowError(
      expect.objectContaining({ status: 404, message: 'engagement dc2 not found' }),
    );
    expect(() => checkEngagementAccess({ ...analyst, roles: ['client_admin'] }, 'dc2')).not.toThrow();
  });
});
