/**
 * `npm start`. The runnable stack (simulators, hub, gateway, decision service) arrives with later work; until then
 * this lists what the kit can already do, so the command a newcomer types first answers usefully.
 */
const lines = [
  'agency-kit: the runnable stack (simulators, exchange hub, gateway, decision service) is not built yet.',
  'What works today:',
  '  npx agency-kit transform FILE [--id X]     SMEV transform of a document, raw bytes on stdout',
  '  npx agency-kit sign FILE --key K --cert C  sign a message-exchange envelope (profiles: dev, gost)',
  '  npx agency-kit verify FILE [--trust DIR]   verify every signature and explain failures',
  '  npx agency-kit inspect FILE                operation, version, ids, payload type, signatures',
  '  npm test                                   unit and integration tests, then the type-check',
  '  npm run bench                              sign / verify / transform throughput',
];
process.stdout.write(lines.join('\n') + '\n');
