/**
 * Stores a rendered report under the engagement's S3 prefix and returns a presigned GET URL, so
 * large reports bypass API Gateway's response size limit (the `?format=url` variant of the route).
 */
import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import type { ModernizeConfig } from '#config/config.ts';
import type { Services } from '#flows/services.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** How long a report link stays valid. */
export const REPORT_LINK_SECONDS = 900;

/** The report's key: `t/{tenant}/e/{engagement}/reports/{stamp}.html`. */
export function reportKey(clientAccountId: string, engagementId: string, generatedAt: string): string {
  return `t/${clientAccountId}/e/${engagementId}/reports/report-${generatedAt.replace(/[^0-9]/g, '').slice(0, 14)}.html`;
}

/** Writes the HTML and returns a time-limited link to it. */
export async function storeReport(
  services: Services,
  tenant: TenantContext,
  engagementId: string,
  html: string,
  generatedAt: string,
): Promise<{ url: string; key: string; expiresIn: number }> {
  const key = reportKey(tenant.clientAccountId, engagementId, generatedAt);
  await services.objects.put(tenant, key, html, 'text/html; charset=utf-8');
  const url = await getSignedUrl(
    s3Client(services.config),
    new GetObjectCommand({ Bucket: services.config.bucket, Key: key }),
    {
      expiresIn: REPORT_LINK_SECONDS,
    },
  );
  return { url, key, expiresIn: REPORT_LINK_SECONDS };
}

function s3Client(config: ModernizeConfig): S3Client {
  const local = config.dynamoEndpoint || config.s3Endpoint;
  return new S3Client({
    region: config.region,
    ...(config.s3Endpoint
      ? {
          endpoint: config.s3Endpoint,
          forcePathStyle: true,
          ...(local ? { credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' } } : {}),
        }
      : {}),
  });
}
