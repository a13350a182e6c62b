// esbuild plugins for serverless-esbuild. `inline-text:<package>/<file>` imports the file's text, so the
// Lambda bundle carries Chart.js's minified build (the dashboard inlines it) without node_modules.
const { readFile } = require('node:fs/promises');
const { existsSync, readFileSync } = require('node:fs');
const { dirname, join } = require('node:path');

const inlineText = {
  name: 'inline-text',
  setup(build) {
    build.onResolve({ filter: /^inline-text:/ }, (args) => {
      const spec = args.path.slice('inline-text:'.length);
      const [scope, name, ...rest] = spec.split('/');
      const pkg = scope.startsWith('@') ? `${scope}/${name}` : scope;
      const file = scope.startsWith('@') ? rest.join('/') : [name, ...rest].join('/');
      // Resolve the package's entry, then walk up to its root: package exports may hide dist paths.
      let root = dirname(require.resolve(pkg, { paths: [args.resolveDir] }));
      while (!(existsSync(join(root, 'package.json')) && JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).name === pkg)) {
        if (dirname(root) === root) throw new Error(`inline-text: package root of ${pkg} not found`);
        root = dirname(root);
      }
      return { path: join(root, file), namespace: 'inline-text' };
    });
    build.onLoad({ filter: /.*/, namespace: 'inline-text' }, async (args) => ({ contents: await readFile(args.path, 'utf8'), loader: 'text' }));
  },
};

module.exports = [inlineText];
