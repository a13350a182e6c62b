import { z } from 'zod';

/** A CloudFormation custom resource request, as CloudFormation sends it to the function in ServiceToken. */
export const CustomResourceEventSchema = z.object({
  RequestType: z.enum(['Create', 'Update', 'Delete']),
  ResponseURL: z.string().url(),
  StackId: z.string(),
  RequestId: z.string(),
  LogicalResourceId: z.string(),
  ResourceType: z.string(),
  PhysicalResourceId: z.string().optional(),
  ResourceProperties: z.record(z.string(), z.unknown()),
  OldResourceProperties: z.record(z.string(), z.unknown()).optional(),
});

export type CustomResourceEvent = z.infer<typeof CustomResourceEventSchema>;

/** What the function answers; CloudFormation waits for it (up to an hour) before going on. */
export interface CustomResourceResponse {
  Status: 'SUCCESS' | 'FAILED';
  Reason?: string;
  PhysicalResourceId: string;
  StackId: string;
  RequestId: string;
  LogicalResourceId: string;
  Data?: Record<string, string>;
}

/**
 * Sends the answer to the pre-signed S3 URL CloudFormation gave. The URL is signed without a content
 * type, so none is sent; a refused PUT throws, so the failure shows in the function's log.
 */
export async function sendCustomResourceResponse(url: string, response: CustomResourceResponse): Promise<void> {
  const body = JSON.stringify({ ...response, Reason: response.Reason?.slice(0, 3000) });
  const res = await fetch(url, { method: 'PUT', body, headers: { 'content-type': '', 'content-length': String(Buffer.byteLength(body)) } });
  if (!res.ok) throw new Error(`CloudFormation response to ${new URL(url).host} refused: HTTP ${res.status} ${await res.text()}`);
}
