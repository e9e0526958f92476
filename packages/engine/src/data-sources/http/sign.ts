/**
 * SigV4 signing of an HTTP data source's request (AppSync's `authorizationConfig` AWS_IAM), with
 * the AWS SDK's own signer and SHA-256. Loaded on the first signed call, not at cold start.
 */
import { defaultProvider } from '@aws-sdk/credential-provider-node';
import { Sha256 } from '@smithy/core/checksum';
import { SignatureV4 } from '@smithy/signature-v4';
import type { HttpAuthorizationConfig, SigningCredentials } from '../../core/resolver';
import type { PreparedHttpRequest } from './request';

type CredentialSource = SigningCredentials | (() => Promise<SigningCredentials>);

/** The default chain (environment, then the Lambda's role, ...), created once: it caches and refreshes. */
let defaultCredentials: (() => Promise<SigningCredentials>) | undefined;

/** The SigV4 request for a prepared request: what the signer reads, and whose headers it fills in. */
function signable(prepared: PreparedHttpRequest) {
  const { url, method, headers, body, query } = prepared;
  const signedQuery: Record<string, string | string[]> = {};
  for (const [name, value] of query) {
    const current = signedQuery[name];
    signedQuery[name] = current === undefined ? value : [...(Array.isArray(current) ? current : [current]), value];
  }
  return {
    method,
    protocol: url.protocol,
    hostname: url.hostname,
    ...(url.port ? { port: Number(url.port) } : {}),
    path: url.pathname,
    query: signedQuery,
    headers: { ...headers, host: url.host },
    ...(body === undefined ? {} : { body }),
  };
}

/**
 * The headers to send, signed for `awsIamConfig`'s region and service (Authorization, X-Amz-Date,
 * X-Amz-Content-Sha256, and X-Amz-Security-Token with temporary credentials). `signingDate` is for tests.
 */
export async function signHeaders(
  prepared: PreparedHttpRequest,
  { awsIamConfig }: HttpAuthorizationConfig,
  credentials?: CredentialSource,
  signingDate?: Date,
): Promise<Record<string, string>> {
  const signer = new SignatureV4({
    credentials: credentials ?? (defaultCredentials ??= defaultProvider()),
    region: awsIamConfig.signingRegion,
    service: awsIamConfig.signingServiceName,
    sha256: Sha256,
    // S3 signs the path as sent; every other service signs it encoded once more.
    uriEscapePath: awsIamConfig.signingServiceName !== 's3',
  });
  const signed = await signer.sign(signable(prepared), signingDate ? { signingDate } : {});
  return signed.headers;
}
