// Put in the snapshot's bundle in place of modules that pdfkit, fontkit and zod load
// for what km-docs never does: pdfkit's AES cipher (@noble/ciphers/aes) encrypts
// PDFs, and its lookup tables are 1.3 MB of the blob's heap; fontkit's Brotli
// decompressor (brotli/decompress.js) reads WOFF2 fonts, and km-docs embeds TTFs;
// zod's locales (zod/v4/locales/index.js) translate zod's own messages, and km-docs
// writes its messages itself. Every start from the blob reads what it holds, used or not.
const leftOut = (name) => () => {
  throw new Error(`km-docs's startup snapshot leaves out ${name}: PDF encryption, WOFF2 fonts and zod's translations are not used (scripts/snapshot/left-out.cjs)`);
};
// Callable (Brotli's export is a function); any named export is AES's (cbc, ecb) or
// a locale's (z.locales.th), and throws when called.
module.exports = new Proxy(leftOut('the WOFF2 decompressor'), {
  get: (target, name) => (name === '__esModule' ? false : typeof name === 'string' ? leftOut(`the AES cipher or zod's locale (${name})`) : target[name]),
});
