/** Kept for habit: the same as `npm run generate` (test/meta/generate.ts), which writes every derived file. */
import './generate';
