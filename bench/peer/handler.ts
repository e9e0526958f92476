/** The peer's Lambda entry: clients and settings from the environment, once per container. */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createPeerHandler } from './app';

const list = (value: string | undefined) => (value ?? '').split(',').map((entry) => entry.trim()).filter(Boolean);
const clientIds = list(process.env.COGNITO_CLIENT_IDS);

const doc = DynamoDBDocumentClient.from(new DynamoDBClient({ endpoint: process.env.DYNAMODB_ENDPOINT || undefined }), {
  marshallOptions: { removeUndefinedValues: true },
});

export const handler = createPeerHandler({
  doc,
  tableName: process.env.TABLE_NAME!,
  auth: {
    apiKeys: list(process.env.API_KEYS),
    userPoolId: process.env.COGNITO_USER_POOL_ID!,
    clientIds: clientIds.length ? clientIds : null,
    jwks: process.env.COGNITO_JWKS ? JSON.parse(process.env.COGNITO_JWKS) : undefined,
  },
});
