// What every renderer is given besides the document model. One interface for
// both backends: render(model, options) → bytes.
import type { DocumentModel } from '../document/model.js';

export interface RenderOptions {
  /** Creation date written into the file; fixed by the data so output bytes repeat. */
  date: Date;
  author: string;
}

export type Renderer = (model: DocumentModel, options: RenderOptions) => Promise<Uint8Array>;
