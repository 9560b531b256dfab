#!/usr/bin/env node
/**
 * The page's segmentation (Web/preprocess.js's ink without its background, Web/segment.js, then
 * Web/preprocess.js per digit) against the Swift
 * answers that DigitSegmenterParityTests.swift writes into FIXTURES:
 *
 *     cases.txt     a line a drawing: `NAME WIDTH HEIGHT COUNT`, then per segment `LEFT RIGHT TOP BOTTOM INK_PIXELS`
 *     NAME.rgba     the drawing's RGBA samples
 *     NAME.inputs   each segment's 784 model inputs, little-endian float32
 *
 *     node segment_parity_test.mjs FIXTURES [WEB_FOLDER]
 *
 * Requires the same segments and exactly the same model inputs; exits 1 otherwise. The last line
 * holds the figures, as `name value` pairs, for the Swift test to check.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [fixtures, webFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../Examples/MNISTApp/Web')] = process.argv.slice(2);
if (!fixtures) {
  console.error('usage: node segment_parity_test.mjs FIXTURES [WEB_FOLDER]');
  process.exit(2);
}

/** Imports one of the page's modules that import nothing, through a data: URL (Node would read a `.js` file as CommonJS). */
async function importPageModule(name) {
  const source = readFileSync(join(webFolder, name));
  return import(`data:text/javascript;base64,${source.toString('base64')}`);
}

const { inkOf, stagesOfInk, withoutBackground } = await importPageModule('preprocess.js');
const { digitSegments } = await importPageModule('segment.js');

const failures = [];
let [caseCount, segmentCount, segmentMismatches, pixelMismatches, slowest] = [0, 0, 0, 0, 0];
for (const line of readFileSync(join(fixtures, 'cases.txt'), 'utf8').split('\n').filter(Boolean)) {
  const [name, width, height, count, ...boxes] = line.split(' ');
  caseCount += 1;
  const data = new Uint8Array(readFileSync(join(fixtures, `${name}.rgba`)));
  const bytes = readFileSync(join(fixtures, `${name}.inputs`));

  const start = performance.now();
  const segments = digitSegments(withoutBackground(inkOf({ width: Number(width), height: Number(height), data })));
  const inputs = segments.map((segment) => stagesOfInk(segment.ink).centred);
  slowest = Math.max(slowest, performance.now() - start);

  const expected = Array.from({ length: Number(count) }, (_, index) => boxes.slice(5 * index, 5 * index + 5).join(' '));
  const observed = segments.map(({ columns, rows, inkPixelCount }) => [...columns, ...rows, inkPixelCount].join(' '));
  segmentCount += expected.length;
  if (expected.join(' | ') !== observed.join(' | ')) {
    segmentMismatches += 1;
    failures.push(`${name}: Swift cut [${expected.join(' | ')}], JavaScript [${observed.join(' | ')}]`);
    continue;
  }
  inputs.forEach((input, segment) => {
    for (let index = 0; index < 784; index += 1) {
      const value = bytes.readFloatLE(4 * (784 * segment + index));
      if (input[index] !== value) {
        pixelMismatches += 1;
        if (pixelMismatches <= 5) failures.push(`${name} segment ${segment}: pixel ${index} expected ${value}, observed ${input[index]}`);
      }
    }
  });
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`slowest drawing: ${slowest.toFixed(1)} ms (ink, segmentation and preprocessing)`);
console.log(`cases ${caseCount} segments ${segmentCount} segment-mismatches ${segmentMismatches} pixel-mismatches ${pixelMismatches}`);
process.exit(failures.length === 0 ? 0 : 1);
