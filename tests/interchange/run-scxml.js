// Executes SCXML documents in SCION (an independent SCXML interpreter) and prints, as JSON,
// for each run the states entered at start and after each event, and whether each event found
// its state active. Usage: node run-scxml.js JOBS.json OUT.json, where JOBS.json is an array of
// {"name": N, "file": F.scxml, "events": [{"event": E, "state": S}]}; one process runs every
// job because starting Node per run would dominate the test time. The Rust tests compare the
// output with Reglam's own run of the same path.
'use strict';
const fs = require('fs');
const scxml = require('@scion-scxml/scxml');

const jobs = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));

function runOne(job) {
  return new Promise((resolve) => {
    scxml.pathToModel(job.file, (err, model) => {
      if (err) return resolve({ name: job.name, error: String(err) });
      model.prepare((err2, fnModel) => {
        if (err2) return resolve({ name: job.name, error: String(err2) });
        try {
          const sc = new scxml.core.Statechart(fnModel);
          let entered = [];
          sc.on('onEntry', (id) => entered.push(id));
          sc.start();
          const out = { name: job.name, initial: entered, steps: [] };
          for (const ev of job.events) {
            const active = sc.getFullConfiguration().includes(ev.state);
            entered = [];
            sc.gen({ name: ev.event });
            out.steps.push({ event: ev.event, active, entered });
          }
          out.configuration = sc.getConfiguration();
          out.final = sc.isFinal();
          resolve(out);
        } catch (e) {
          resolve({ name: job.name, error: String(e && e.stack ? e.stack : e) });
        }
      });
    });
  });
}

(async () => {
  const results = [];
  for (const job of jobs) results.push(await runOne(job));
  // Written to a file, not stdout: process.exit below would cut a large write to a pipe short
  // (at 64 KiB, the pipe's buffer).
  fs.writeFileSync(process.argv[3], JSON.stringify(results));
  // Delayed sends (deadlines, step limits) are pending timers: stop without waiting for them.
  process.exit(0);
})();
