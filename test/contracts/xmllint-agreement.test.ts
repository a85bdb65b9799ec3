import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTRACTS, loadXsdValidator } from '../../core/contracts/index.ts';
import { REQUIRED_FIELDS, inOtherNamespace, loadSamples, withText, withoutElement } from './_samples.ts';

const XMLLINT = '/usr/bin/xmllint';
const present = existsSync(XMLLINT);

/** Runs Debian's xmllint over several files at once; returns the set of files it reports as valid. */
function xmllintValid(xsdPath: string, files: string[]): Set<string> {
  let output: string;
  try {
    output = execFileSync(XMLLINT, ['--noout', '--nonet', '--schema', xsdPath, ...files], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    // xmllint exits 3 when a file fails to validate; its report is still on stderr.
    output = String((error as { stderr?: unknown }).stderr ?? '');
  }
  return new Set(files.filter((file) => output.includes(`${file} validates`)));
}

// Skipped, not failed, where /usr/bin/xmllint is absent: it is a cross-check, and Debian's libxml2-utils provides it.
describe.skipIf(!present)('agreement with Debian xmllint --schema (skipped when /usr/bin/xmllint is absent)', () => {
  it.each(CONTRACTS.map((contract) => [contract.agency, contract] as const))(
    '%s: xmllint and our validator agree on every sample and its mutants',
    (_agency, contract) => {
      const dir = mkdtempSync(join(tmpdir(), `xmllint-${contract.agency}-`));
      const documents: { file: string; xml: string }[] = [];
      for (const sample of loadSamples().filter((candidate) => candidate.contract === contract)) {
        const stem = sample.file.replace(/\.xml$/, '');
        documents.push({ file: join(dir, `${stem}.xml`), xml: sample.xml });
        documents.push({ file: join(dir, `${stem}.namespace.xml`), xml: inOtherNamespace(sample.xml, contract) });
        const fields = REQUIRED_FIELDS[sample.match.operation.name];
        if (sample.match.direction === 'request' && fields) {
          documents.push({ file: join(dir, `${stem}.missing.xml`), xml: withoutElement(sample.xml, fields.request) });
          documents.push({ file: join(dir, `${stem}.snils.xml`), xml: withText(sample.xml, 'Snils', '11223344595') });
        }
      }
      for (const document of documents) writeFileSync(document.file, document.xml);
      const valid = xmllintValid(contract.files.xsdPath, documents.map((document) => document.file));
      const validator = loadXsdValidator(contract.files.xsdPath);
      for (const document of documents) {
        expect(validator.validate(document.xml).valid, document.file).toBe(valid.has(document.file));
      }
      // Sanity: both kinds of verdict occurred, so the agreement is not vacuous.
      expect(valid.size).toBeGreaterThan(0);
      expect(valid.size).toBeLessThan(documents.length);
    },
  );
});
