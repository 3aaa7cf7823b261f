import { rules } from '../../server/src/engine';
import { describeFixtures } from '../helpers/fixtures';

// Every registered rule has a fixture folder; a rule without fixtures fails here.
for (const r of rules) {
	describeFixtures(r.meta.id);
}
