import { describe, expect, it } from 'vitest';
import { PortUnavailableError } from '#flows/lazyPort.ts';
import { MEMORY_ADAPTERS, servicesFromEnvironment } from '#flows/services.ts';
import { storageServicesFromEnvironment } from '#flows/storageServices.ts';

const TENANT = { clientAccountId: 'acme', userId: 'u1', roles: ['analyst' as const] };
const SPACE = { model: 'local', dimensions: 2 };

/** A configuration with local endpoints nothing listens on: no call below reaches them. */
const ENV = {
  AWS_REGION: 'eu-west-1',
  MODERNIZE_TABLE: 'storage-services-test',
  MODERNIZE_BUCKET: 'b',
  MODERNIZE_DYNAMODB_ENDPOINT: 'http://127.0.0.1:9',
  MODERNIZE_S3_ENDPOINT: 'http://127.0.0.1:9',
};

describe('services of handlers that never reach agent memory', () => {
  it('refuse every memory call with a named error instead of loading an adapter', async () => {
    // Prepare
    const services = storageServicesFromEnvironment(ENV);
    // Act
    const search = services.vectorIndex.search(TENANT, SPACE, [0.1, 0.2], { k: 3 });
    const embed = services.embedder.embed(['cpu count']);
    // Assess
    await expect(search).rejects.toBeInstanceOf(PortUnavailableError);
    await expect(search).rejects.toMatchObject({ code: 'port_unavailable', name: 'PortUnavailableError' });
    await expect(embed).rejects.toThrow(/embedder\.embed is not available/);
  });

  it('keep the storage, registry and clock ports of the full services, built once per configuration', () => {
    // Prepare
    const full = servicesFromEnvironment(ENV);
    // Act
    const storage = storageServicesFromEnvironment(ENV);
    // Assess: same configuration and port shapes; cached per adapters, never mixed with the full set.
    expect(storage.config).toEqual(full.config);
    expect(Object.keys(storage).sort()).toEqual(Object.keys(full).sort());
    expect(typeof storage.flows.get).toBe('function');
    expect(typeof storage.objects.presignPut).toBe('function');
    expect(storageServicesFromEnvironment(ENV)).toBe(storage);
    expect(servicesFromEnvironment(ENV)).toBe(full);
    expect(storage).not.toBe(full);
  });

  it('the full services answer memory calls with the real embedder', async () => {
    // Prepare: no embeddings model configured, so the deterministic local embedder answers.
    const embedder = MEMORY_ADAPTERS.embedder(servicesFromEnvironment(ENV).config);
    // Act
    const batch = await embedder.embed(['cpu count']);
    // Assess
    expect(batch.vectors).toHaveLength(1);
  });
});
