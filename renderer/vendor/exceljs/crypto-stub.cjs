// Stands in for Node's crypto inside exceljs (lib/utils/encryptor.js, used only to hash
// worksheet-protection passwords, which the app never sets). Keeps crypto-browserify and
// elliptic out of the renderer; calling it is a programming error, reported as such.
function unavailable() {
  throw new Error('crypto is not available in the renderer build of exceljs (worksheet protection is not supported)');
}

module.exports = { createHash: unavailable, randomBytes: unavailable };
