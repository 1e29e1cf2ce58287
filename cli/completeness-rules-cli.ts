// npm run load-rules -- <rules.json> [--database desk.sqlite]
// Loads a grid company's completeness rules (docs/completeness-rules.md; the shipped ones are
// resources/rules/completeness.json) into the central database (DATABASE_URL) or, with --database, a standalone
// app's SQLite file. The file is checked whole first: any error refuses it, listed with its path, and nothing is
// stored. Exit code: 0 loaded, 2 refused or bad arguments.
import { readCompletenessRulesFile, storeCompletenessRulesCentral } from '../core/casework/completenessRulesFile';
import { storeCompletenessRules } from '../core/casework/completenessService';
import { runLoadFileCli } from './loadFileCli';

runLoadFileCli({
  script: 'load-rules',
  fileArgument: '<rules.json>',
  what: 'completeness rules',
  read(text) {
    const reading = readCompletenessRulesFile(text);
    return reading.ok ? { ok: true, value: reading.file } : reading;
  },
  storeLocal: storeCompletenessRules,
  storeCentral: storeCompletenessRulesCentral,
  report: (stored) => `Completeness rules: ${stored} request type(s) stored.`,
});
