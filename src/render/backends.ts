// The renderer of each output format, loaded on first use: a PDF-only build
// never loads docx, and the reverse.
import type { Backend } from './options.js';

export type Format = 'pdf' | 'docx';
export const FORMATS: readonly Format[] = ['pdf', 'docx'];

export const LOAD_BACKEND: Record<Format, () => Promise<Backend>> = {
  pdf: async () => ({ render: (await import('./pdf/index.js')).renderPdf }),
  docx: async () => {
    const { renderDocx, prepareDocx } = await import('./docx/index.js');
    return { render: renderDocx, prepare: prepareDocx };
  },
};
