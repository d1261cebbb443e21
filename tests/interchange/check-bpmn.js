// Loads BPMN files with bpmn-moddle (the BPMN 2.0 meta-model bpmn-js uses) and lints them with
// bpmnlint under ./.bpmnlintrc. Usage: node check-bpmn.js FILE.bpmn...; prints, as JSON, per
// file the import warnings and the lint reports by rule and category ("error" / "warn").
'use strict';
const fs = require('fs');
const path = require('path');
const { Linter } = require('bpmnlint');
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

const config = JSON.parse(fs.readFileSync(path.join(__dirname, '.bpmnlintrc'), 'utf8'));

(async () => {
  // bpmn-moddle 10 is an ES module.
  const { BpmnModdle } = await import('bpmn-moddle');
  const results = [];
  for (const file of process.argv.slice(2)) {
    const out = { file, warnings: [], reports: [] };
    try {
      const moddle = new BpmnModdle();
      const { rootElement, warnings } = await moddle.fromXML(fs.readFileSync(file, 'utf8'));
      out.warnings = warnings.map((w) => w.message);
      // A linter per file: some rules keep what they saw between runs.
      const linter = new Linter({ config, resolver: new NodeResolver() });
      const reports = await linter.lint(rootElement);
      for (const [rule, list] of Object.entries(reports)) {
        for (const r of list) {
          out.reports.push({ rule, category: r.category, id: r.id, message: r.message });
        }
      }
    } catch (e) {
      out.error = String(e && e.stack ? e.stack : e);
    }
    results.push(out);
  }
  process.stdout.write(JSON.stringify(results));
})();
