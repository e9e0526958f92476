/** `.graphql` files are imported as their SDL text (esbuild `text` loader, vitest plugin). */
declare module '*.graphql' {
  const sdl: string;
  export default sdl;
}
