// Put before the bundle's code while the snapshot is built: docx's zip library
// (fflate) makes a TextDecoder and decodes with it as it loads, and a decoder
// holds an ICU converter that V8 cannot write into a snapshot. Decoders made
// now make their converter on first use and drop it before the snapshot is
// written; the real TextDecoder is back for everything made after.
{
  const RealTextDecoder = globalThis.TextDecoder;
  const made = new Set();
  globalThis.TextDecoder = class TextDecoder {
    #options;
    #real;
    constructor(...options) {
      this.#options = options;
      made.add(() => (this.#real = undefined));
    }
    get #decoder() {
      return (this.#real ??= new RealTextDecoder(...this.#options));
    }
    decode(input, options) {
      return this.#decoder.decode(input, options);
    }
    get encoding() {
      return this.#decoder.encoding;
    }
    get fatal() {
      return this.#decoder.fatal;
    }
    get ignoreBOM() {
      return this.#decoder.ignoreBOM;
    }
  };
  require('node:v8').startupSnapshot.addSerializeCallback(() => {
    for (const drop of made) drop();
    globalThis.TextDecoder = RealTextDecoder;
  });
}
