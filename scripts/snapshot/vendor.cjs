// src/vendor.ts for the snapshot bundle: the same functions, written as literal
// require() calls that esbuild follows, so the packages are inside the bundle
// (the snapshot builder can require nothing but Node's own modules).
// test/snapshot.test.ts checks that both files offer the same functions.
const { createRequire } = require('node:module');

const PDFMAKE_INTERNALS = {
  TextInlines: () => require('pdfmake/js/TextInlines'),
  TextBreaker: () => require('pdfmake/js/TextBreaker'),
  LayoutBuilder: () => require('pdfmake/js/LayoutBuilder'),
  ElementWriter: () => require('pdfmake/js/ElementWriter'),
  PDFDocument: () => require('pdfmake/js/PDFDocument'),
  Renderer: () => require('pdfmake/js/Renderer'),
  TextDecorator: () => require('pdfmake/js/TextDecorator'),
  StyleContextStack: () => require('pdfmake/js/StyleContextStack'),
};

exports.vendor = {
  pdfmake: () => require('pdfmake'),
  // package.json files by path: the packages' "exports" do not list them.
  pdfmakeVersion: () => require('../../node_modules/pdfmake/package.json').version,
  pdfmakeInternal: (name) => PDFMAKE_INTERNALS[name](),
  fontkit: () => require('fontkit'),
  // A native addon: loaded from node_modules when a chart is drawn, after the
  // snapshot is read (KM_DOCS_BUNDLE_URL: the bundle's own URL, from build.mjs's banner).
  resvg: () => createRequire(KM_DOCS_BUNDLE_URL)('@resvg/resvg-js'),
  pdfkitVersion: () => require('../../node_modules/pdfkit/package.json').version,
  fontkitVersion: () => require('../../node_modules/fontkit/package.json').version,
  docxVersion: () => require('../../node_modules/docx/package.json').version,
};
