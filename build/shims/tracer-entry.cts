// Entry of tracer.cjs, the side bundle src/observability/tracing.ts loads when TRACING=on.
const { Tracer } = require('@aws-lambda-powertools/tracer');
module.exports = { Tracer };
