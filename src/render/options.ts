// What every renderer is given besides the document model. One interface for
// both backends: render(model, options) → bytes.
import type { DocumentModel } from '../document/model.js';

export interface RenderOptions {
  /** Creation date written into the file; fixed by the data so output bytes repeat. */
  date: Date;
  author: string;
}

export type Renderer = (model: DocumentModel, options: RenderOptions) => Promise<Uint8Array>;

export interface Backend {
  render: Renderer;
  /**
   * Starts, for a model that will be rendered later in this build, the work that
   * can run off the main thread (the DOCX's chart pictures), so that it overlaps
   * with the documents rendered before it.
   */
  prepare?(model: DocumentModel): void;
  /** render() runs on another thread: a build hands such work over before rendering the rest itself. */
  offThread?: boolean;
}
