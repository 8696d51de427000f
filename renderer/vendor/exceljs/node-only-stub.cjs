// Stands in for modules exceljs requires only for its Node-side features (fs for
// readFile/writeFile, fast-csv for workbook.csv); the app reads and writes .xlsx from memory and
// parses CSV itself, so nothing here is ever called.
module.exports = {};
