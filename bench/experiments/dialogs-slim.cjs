/**
 * EXPERIMENT ONLY (node -r): Afterscan imports five classes from botbuilder-dialogs, but the
 * package index also loads every prompt, the choice recognizers and @microsoft/recognizers-text
 * (date/number/choice models for many cultures). This hands the app's own modules a module
 * made of just lib/dialog, dialogSet, dialogContext, componentDialog and waterfallDialog. A real
 * fix: import those from 'botbuilder-dialogs/lib/...' (no "exports" map blocks it; the SDK is
 * in maintenance, so the layout is stable), or load the index lazily.
 */
const Module = require('node:module');
const path = require('node:path');
const root = path.dirname(require.resolve('botbuilder-dialogs/package.json', { paths: [process.cwd(), __dirname] }));
let slim;
const load = Module._load;
Module._load = function slimDialogs(request, parent, isMain) {
  if (request === 'botbuilder-dialogs' && parent && parent.filename && !parent.filename.includes('node_modules')) {
    if (!slim) {
      slim = {};
      for (const f of ['dialog', 'dialogSet', 'dialogContext', 'componentDialog', 'waterfallDialog', 'waterfallStepContext']) {
        Object.assign(slim, load.call(this, path.join(root, 'lib', `${f}.js`), parent, false));
      }
    }
    return slim;
  }
  return load.call(this, request, parent, isMain);
};
