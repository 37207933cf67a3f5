/** Minimal typings for the local AWS stand-ins, which ship none. */
declare module 'dynalite' {
  import type { Server } from 'node:net';
  export default function dynalite(options?: {
    createTableMs?: number;
    path?: string;
    ssl?: boolean;
  }): Server;
}

declare module 's3rver' {
  import type { EventEmitter } from 'node:events';
  import type { AddressInfo } from 'node:net';

  interface S3rverOptions {
    port?: number;
    address?: string;
    silent?: boolean;
    directory?: string;
    resetOnClose?: boolean;
    configureBuckets?: { name: string; configs?: unknown[] }[];
  }
  export default class S3rver extends EventEmitter {
    constructor(options?: S3rverOptions);
    run(): Promise<AddressInfo>;
    close(): Promise<void>;
  }
}
