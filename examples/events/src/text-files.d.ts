/** The schema and serverless.yml are bundled as their text (esbuild `text` loader). */
declare module '*.graphql' {
  const text: string;
  export default text;
}
declare module '*.yml' {
  const text: string;
  export default text;
}
