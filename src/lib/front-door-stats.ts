// The book's numbers for the home page (chapters/index.mdx), computed
// when the page is built: see bookStats in front-door.ts.
import { bookStats } from './front-door.ts';

export default bookStats();
