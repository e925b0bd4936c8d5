// Where the package's own files live, whatever the working directory.
import { fileURLToPath } from 'node:url';

/** The package root: the folder holding package.json, fonts/ and templates/. */
export const PACKAGE_ROOT = fileURLToPath(new URL('..', import.meta.url));
export const FONTS_DIR = fileURLToPath(new URL('../fonts/', import.meta.url));
export const TEMPLATES_DIR = fileURLToPath(new URL('../templates/', import.meta.url));

export const FONT_FILES = {
  normal: `${FONTS_DIR}Sarabun-Regular.ttf`,
  bold: `${FONTS_DIR}Sarabun-Bold.ttf`,
  italics: `${FONTS_DIR}Sarabun-Italic.ttf`,
  bolditalics: `${FONTS_DIR}Sarabun-BoldItalic.ttf`,
} as const;

/** The helper thread's script (compiled), found the same way from dist/ and from the snapshot's bundle there. */
export const HELPER_THREAD_SCRIPT = fileURLToPath(new URL('./render/helper-thread-worker.js', import.meta.url));
