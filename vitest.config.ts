import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Render tests build real documents; the slow LibreOffice group runs them through soffice.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
