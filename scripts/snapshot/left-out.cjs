// Put in the snapshot's bundle in place of two modules that pdfkit and fontkit load
// for what km-docs never does: pdfkit's AES cipher (@noble/ciphers/aes) encrypts
// PDFs, and its lookup tables are 1.3 MB of the blob's heap; fontkit's Brotli
// decompressor (brotli/decompress.js) reads WOFF2 fonts, and km-docs embeds TTFs.
// Every start from the blob reads what it holds, used or not.
const leftOut = (name) => () => {
  throw new Error(`km-docs's startup snapshot leaves out ${name}: PDF encryption and WOFF2 fonts are not used (scripts/snapshot/left-out.cjs)`);
};
// Callable (Brotli's export is a function), and any named export is AES's (cbc, ecb).
module.exports = new Proxy(leftOut('the WOFF2 decompressor'), {
  get: (target, name) => (name === '__esModule' ? false : typeof name === 'string' ? leftOut(`the AES cipher (${name})`) : target[name]),
});
