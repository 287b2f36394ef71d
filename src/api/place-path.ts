// The shop page's path is defined with every other app path in paths.ts.
export { placePath } from './paths.ts';
