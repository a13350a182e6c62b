// Jest resolver: TypeScript sources import each other as `./x.js` (what tsc and Node want) while the file
// is `./x.ts`. Resolve as Node does first, and only when that fails map `.js` to `.ts`. (A moduleNameMapper
// that stripped `.js` from every relative import also rewrote dependencies' own imports: libphonenumber-js's
// `../metadata.max.json.js` became `metadata.max.json`, a JSON import without attribute, warned on each load.)
module.exports = (request, options) => {
  try {
    return options.defaultResolver(request, options);
  } catch (err) {
    if (!/^\.{1,2}\/.*\.js$/.test(request)) throw err;
    return options.defaultResolver(request.replace(/\.js$/, '.ts'), options);
  }
};
