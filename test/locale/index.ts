// Entry point of the pseudo-locale pass (extensionTestsPath): the integration suite's runner, on
// the *.test.js beside this file, in an editor whose display language is qps-ploc.
export { run } from '../integration/index';
