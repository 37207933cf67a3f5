/**
 * Imports every flow type so the registry knows them (side-effect module).
 */
import './discovery/index.ts';
