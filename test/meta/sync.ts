/** Kept for habit: the same as `npm run generate` (scripts/generate.ts), which writes every derived file. */
import '../../scripts/generate';
