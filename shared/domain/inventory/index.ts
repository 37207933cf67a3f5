/**
 * Inventory engine: asset type classification, deterministic asset ids and the deduplicating builder that
 * turns cleansed rows (and an engagement's stored assets) into the canonical inventory.
 */
export { assetTypeFromLabel, classifyAssetType } from './classifyAssetType.ts';
export {
  type AssetIdentity,
  assetIdFor,
  isPlaceholderSerial,
  isSharedIp,
  normaliseIp,
  shortHostName,
  strongestIdentityKey,
} from './identity.ts';
export { InventoryBuilder } from './inventoryBuilder.ts';
