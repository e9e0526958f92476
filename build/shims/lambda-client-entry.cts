// Entry of lambda-client.cjs, the side bundle src/runtime/lambda/invoker.ts loads on its first call:
// only what the Lambda data source uses, so the rest of the client is left out.
const { InvokeCommand, LambdaClient } = require('@aws-sdk/client-lambda');
module.exports = { InvokeCommand, LambdaClient };
