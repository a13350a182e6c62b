/** Text of a package file, inlined by the esbuild plugin in services/rpt/esbuild-plugins.cjs. */
declare module 'inline-text:*' {
  const text: string;
  export default text;
}
