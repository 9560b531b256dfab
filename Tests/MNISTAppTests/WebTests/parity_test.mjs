#!/usr/bin/env node
/**
 * The page's in-browser recogniser (Web/preprocess.js, Web/model.js) against the Swift answers
 * that BrowserParityTests.swift writes into FIXTURES:
 *
 *     model.bin       the model, as the server sends it
 *     cases.txt       one line a drawing: `NAME WIDTH HEIGHT digit`, or `NAME WIDTH HEIGHT no-digit INK_PIXELS`
 *     NAME.rgba       the drawing's RGBA samples, as a canvas's getImageData gives them
 *     NAME.expected   Swift's 784 model inputs then 10 probabilities, little-endian float32
 *
 *     node parity_test.mjs FIXTURES [WEB_FOLDER]
 *
 * Requires the model input to match exactly and the probabilities within 1e-4; exits 1 otherwise.
 * The last line printed holds the figures, as `name value` pairs, for the Swift test to check.
 */
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const [fixtures, webFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../Examples/MNISTApp/Web')] = process.argv.slice(2);
if (!fixtures) {
  console.error('usage: node parity_test.mjs FIXTURES [WEB_FOLDER]');
  process.exit(2);
}

/** Imports one of the page's modules. They import nothing, so a data: URL will do; Node would read a `.js` file as CommonJS. */
async function importPageModule(name) {
  const source = readFileSync(join(webFolder, name));
  return import(`data:text/javascript;base64,${source.toString('base64')}`);
}

const { modelInput, NoDigitError } = await importPageModule('preprocess.js');
const { SeedCNN } = await importPageModule('model.js');

const modelFile = readFileSync(join(fixtures, 'model.bin'));
const model = SeedCNN.fromModelFile(modelFile.buffer.slice(modelFile.byteOffset, modelFile.byteOffset + modelFile.byteLength));

const failures = [];
let [caseCount, digitCount, pixelMismatches, maxPixelDifference, maxProbabilityDifference] = [0, 0, 0, 0, 0];
let slowest = 0;
for (const line of readFileSync(join(fixtures, 'cases.txt'), 'utf8').split('\n').filter(Boolean)) {
  const [name, width, height, kind, inkPixelCount] = line.split(' ');
  caseCount += 1;
  const data = new Uint8Array(readFileSync(join(fixtures, `${name}.rgba`)));
  const image = { width: Number(width), height: Number(height), data };
  if (kind === 'no-digit') {
    try {
      modelInput(image);
      failures.push(`${name}: Swift found no digit (${inkPixelCount} ink pixels), JavaScript found one`);
    } catch (error) {
      if (!(error instanceof NoDigitError) || error.inkPixelCount !== Number(inkPixelCount)) {
        failures.push(`${name}: expected no digit with ${inkPixelCount} ink pixels, got ${error}`);
      }
    }
    continue;
  }
  digitCount += 1;
  const bytes = readFileSync(join(fixtures, `${name}.expected`));
  const expected = new Float32Array(794);
  for (let index = 0; index < 794; index += 1) expected[index] = bytes.readFloatLE(4 * index);

  const start = performance.now();
  const input = modelInput(image);
  const probabilities = model.probabilities(input);
  slowest = Math.max(slowest, performance.now() - start);

  for (let index = 0; index < 784; index += 1) {
    const difference = Math.abs(input[index] - expected[index]);
    if (difference !== 0) {
      pixelMismatches += 1;
      if (pixelMismatches <= 5) failures.push(`${name}: pixel ${index} expected ${expected[index]}, observed ${input[index]}`);
    }
    maxPixelDifference = Math.max(maxPixelDifference, difference);
  }
  for (let digit = 0; digit < 10; digit += 1) {
    const difference = Math.abs(probabilities[digit] - expected[784 + digit]);
    maxProbabilityDifference = Math.max(maxProbabilityDifference, difference);
    if (difference >= 1e-4) failures.push(`${name}: p(${digit}) expected ${expected[784 + digit]}, observed ${probabilities[digit]}`);
  }
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`slowest drawing: ${slowest.toFixed(1)} ms (preprocessing and forward pass)`);
console.log(`cases ${caseCount} digits ${digitCount} pixel-mismatches ${pixelMismatches} `
  + `max-pixel-difference ${maxPixelDifference} max-probability-difference ${maxProbabilityDifference}`);
process.exit(failures.length === 0 ? 0 : 1);
