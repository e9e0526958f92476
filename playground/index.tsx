/**
 * The browser entry of the GraphQL playground: GraphiQL 5 pointed at the URL the page came
 * from. scripts/build-playground.ts bundles it, styles and Monaco workers included, so the page
 * loads nothing from outside the API.
 */
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';
import { createRoot } from 'react-dom/client';
import { defaultQuery, defaultVariables } from './default-query';
import { createFetcher, endpointUrl } from './fetcher';
import { installMonacoWorkers } from './workers';

installMonacoWorkers();

const container = document.getElementById('playground');
if (!container) throw new Error('The playground page has no #playground element.');

// Headers the server pre-fills (the local stage's sign-in token); empty on deployed stages.
const defaultHeaders = document.querySelector<HTMLMetaElement>('meta[name="playground-default-headers"]')?.content || undefined;
// The WebSocket API subscriptions run over (graphql-transport-ws); empty where the stage has none.
const subscriptionUrl = document.querySelector<HTMLMetaElement>('meta[name="playground-subscription-url"]')?.content || undefined;

createRoot(container).render(
  <GraphiQL
    fetcher={createFetcher(endpointUrl(window.location), subscriptionUrl)}
    defaultQuery={defaultQuery}
    initialVariables={defaultVariables}
    defaultHeaders={defaultHeaders}
  />,
);
