// exceljs for the renderer, bundled from its CommonJS sources instead of its prebuilt browser file
// (dist/exceljs.min.js). That file is a browserify bundle carrying crypto-browserify and with it
// elliptic 6.5.4 (GHSA-vjh7-7g9h-fjfh, critical); the app uses no exceljs feature needing crypto
// (worksheet protection hashes only), so Node's crypto is replaced by ./crypto-stub.cjs in
// vite.config.ts and none of that code is shipped. Same exports as exceljs's own browser entry
// (lib/exceljs.browser.js) minus its core-js polyfills, which every supported browser has built in.
import './node-globals.mjs'; // first: exceljs's modules read these globals when they load
import Workbook from 'exceljs/lib/doc/workbook';
import Enums from 'exceljs/lib/doc/enums';

// Default export: the app imports it as `import ExcelJS from 'exceljs'`, like the package.
export default { ...Enums, Workbook };
