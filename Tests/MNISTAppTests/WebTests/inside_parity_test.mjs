#!/usr/bin/env node
/**
 * The page's "Seeing inside" numbers (Web/model.js's featureMaps, Web/saliency.js, Web/inside.js's
 * decodeInsight) against the Swift ones that InsideParityTests.swift writes into FIXTURES:
 *
 *     model.bin      the model, as the server sends it
 *     input.f32      the 784 model inputs, little-endian float32
 *     expected.txt   `digit D`, then one line a feature map: `NAME LAYER HEIGHT WIDTH CHANNELS`
 *     maps.f32       the feature maps' values, in that order, HWC, little-endian float32
 *     saliency.f32   Swift's 784 saliency values (∂ logit[D] / ∂ pixel), little-endian float32
 *     inside.json    the server's POST /inside answer for the same input
 *
 *     node inside_parity_test.mjs FIXTURES [WEB_FOLDER]
 *
 * Requires feature maps within 1e-4 of each layer's range, the saliency within 1e-4 of its largest
 * magnitude, and the decoded server answer within half a quantisation step; exits 1 otherwise.
 * The last line printed holds the figures, as `name value` pairs, for the Swift test to check.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const [fixtures, webFolder = join(dirname(fileURLToPath(import.meta.url)), '../../../Examples/MNISTApp/Web')] = process.argv.slice(2);
if (!fixtures) {
  console.error('usage: node inside_parity_test.mjs FIXTURES [WEB_FOLDER]');
  process.exit(2);
}

// The modules import each other by relative paths: copy them beside a package.json that makes them ES modules.
const modules = mkdtempSync(join(tmpdir(), 'inside-parity-'));
for (const name of readdirSync(webFolder).filter((file) => file.endsWith('.js'))) copyFileSync(join(webFolder, name), join(modules, name));
writeFileSync(join(modules, 'package.json'), '{"type": "module"}');
const load = (name) => import(pathToFileURL(join(modules, name)).href);
const { SeedCNN } = await load('model.js');
const { saliencyMap } = await load('saliency.js');
const { decodeInsight, insightInBrowser } = await load('inside.js');
rmSync(modules, { recursive: true });

const floats = (name) => {
  const bytes = readFileSync(join(fixtures, name));
  return Float32Array.from({ length: bytes.length / 4 }, (_, index) => bytes.readFloatLE(4 * index));
};
const modelFile = readFileSync(join(fixtures, 'model.bin'));
const model = SeedCNN.fromModelFile(modelFile.buffer.slice(modelFile.byteOffset, modelFile.byteOffset + modelFile.byteLength));
const input = floats('input.f32');
const [digitLine, ...mapLines] = readFileSync(join(fixtures, 'expected.txt'), 'utf8').split('\n').filter(Boolean);
const expectedDigit = Number(digitLine.split(' ')[1]);
const expectedValues = floats('maps.f32');
const expectedSaliency = floats('saliency.f32');

const failures = [];
const start = performance.now();
const maps = model.featureMaps(input);
const { digit, saliency } = saliencyMap(model, input, null, maps);
const milliseconds = performance.now() - start;

if (digit !== expectedDigit) failures.push(`digit: Swift ${expectedDigit}, JavaScript ${digit}`);
if (maps.length !== mapLines.length) failures.push(`${mapLines.length} feature maps in Swift, ${maps.length} in JavaScript`);
let [offset, worstMap] = [0, 0];
mapLines.forEach((line, index) => {
  const [name, layer, ...shape] = line.split(' ');
  const map = maps[index];
  const count = shape.reduce((product, dimension) => product * Number(dimension), 1);
  const expected = expectedValues.subarray(offset, offset + count);
  offset += count;
  if (map?.name !== name || map.layer !== Number(layer) || String(map.shape) !== shape.join(',')) {
    failures.push(`map ${index}: Swift ${line}, JavaScript ${map?.name} ${map?.layer} ${map?.shape?.join(' ')}`);
    return;
  }
  const range = Math.max(...expected) - Math.min(...expected) || 1;
  let worst = 0;
  for (let element = 0; element < count; element += 1) worst = Math.max(worst, Math.abs(map.values[element] - expected[element]));
  worstMap = Math.max(worstMap, worst / range);
  if (worst / range >= 1e-4) failures.push(`${name}: differs by ${worst}, ${worst / range} of its range`);
});

const largest = Math.max(...Array.from(expectedSaliency, Math.abs));
let worstSaliency = 0;
for (let pixel = 0; pixel < 784; pixel += 1) worstSaliency = Math.max(worstSaliency, Math.abs(saliency[pixel] - expectedSaliency[pixel]));
worstSaliency /= largest;
if (!(worstSaliency < 1e-4)) failures.push(`saliency differs by ${worstSaliency} of its largest magnitude ${largest}`);

// The server's answer, decoded, against the browser's own insight: the same within half a byte of each layer's range.
const server = decodeInsight(JSON.parse(readFileSync(join(fixtures, 'inside.json'), 'utf8')));
const browser = insightInBrowser(model, input);
let worstDecoded = 0;
server.layers.forEach((layer, index) => {
  const [low, high] = layer.scale;
  const step = (high - low) / 255 || 1;
  let worst = 0;
  for (let element = 0; element < layer.values.length; element += 1) {
    worst = Math.max(worst, Math.abs(layer.values[element] - browser.layers[index].values[element]));
  }
  worstDecoded = Math.max(worstDecoded, worst / step);
  if (worst / step > 0.51) failures.push(`${layer.name}: decoded server values differ by ${worst / step} steps`);
});
if (server.digit !== browser.digit || server.filters.values.some((value, index) => value !== browser.filters.values[index])) {
  failures.push('the server and the browser disagree on the digit or the filters');
}

for (const failure of failures) console.log(`FAIL ${failure}`);
console.log(`feature maps and saliency in ${milliseconds.toFixed(1)} ms`);
console.log(`maps ${maps.length} digit ${digit} max-map-difference ${worstMap} max-saliency-difference ${worstSaliency} `
  + `max-decoded-steps ${worstDecoded}`);
process.exit(failures.length === 0 ? 0 : 1);
