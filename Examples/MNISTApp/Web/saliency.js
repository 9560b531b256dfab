/**
 * The saliency map of the seed CNN in the browser: ∂ logit[digit] / ∂ pixel for the 784 input
 * pixels, the same numbers as the server's `POST /inside` (computed there by NumSight's tape).
 *
 * A backward pass written out by hand for this one network, in inference mode, from the logit
 * down to the input; each step is the pullback of a forward step in `model.js`:
 *
 *     dense      y = x·W + b        ∂x = W · ∂y                  (W is [input, output])
 *     ReLU       y = max(x, 0)      ∂x = ∂y where y > 0, else 0
 *     max pool   y = max of 2×2     ∂x = ∂y at the window's first largest input, 0 elsewhere
 *     BatchNorm  y = (x − μ)·k + β  ∂x = k · ∂y, k = scale / √(variance + ε) per channel
 *     conv       y = x ⊛ F + b      ∂x[y+i−1][x+j−1][c] += Σₒ ∂y[y][x][o] · F[i][j][c][o]
 *
 * The network is piecewise linear in its input, so the map is exact within a region where no
 * ReLU or pooling choice changes.
 *
 *     const { digit, saliency } = saliencyMap(model, input);   // saliency: Float64Array(784)
 */
import { SeedCNN } from './model.js';

/**
 * The gradient of logit[`digit`] with respect to `input` (784 pixels, row-major).
 *
 * @param {SeedCNN} model
 * @param {ArrayLike<number>} input the 28×28 model input.
 * @param {number | null} digit the class; by default the one with the largest logit.
 * @param {Array} maps `model.featureMaps(input)`, if already computed.
 * @returns {{digit: number, saliency: Float64Array}}
 */
export function saliencyMap(model, input, digit = null, maps = model.featureMaps(input)) {
  const byName = new Map(maps.map((map) => [map.name, map]));
  const logits = byName.get('dense2').values;
  const target = digit ?? logits.indexOf(Math.max(...logits));

  // Dense 128→10 then ReLU: ∂logit/∂hidden is the target's column of the weight, where hidden > 0.
  const output = model.tensor('layers.15.weight');
  const hidden = byName.get('dense1').values;
  const classCount = output.shape[1];
  const gradientOfHidden = Float64Array.from(hidden, (value, unit) => (value > 0 ? output.values[unit * classCount + target] : 0));
  // Dense 4704→128, back into relu3's [7, 7, 96] (Flatten keeps the order).
  let gradient = denseBackward(gradientOfHidden, model.tensor('layers.13.weight').values);

  for (const [block, first] of [[3, 8], [2, 4], [1, 0]]) {
    const activated = byName.get(`relu${block}`);
    const [height, width, channels] = activated.shape;
    for (let index = 0; index < gradient.length; index += 1) if (!(activated.values[index] > 0)) gradient[index] = 0;
    scaleByChannel(gradient, batchNormFactors(model, `layers.${first + 1}`));
    gradient = convolutionBackward(gradient, { height, width }, model.tensor(`layers.${first}.weight`));
    if (block > 1) gradient = maxPoolBackward(gradient, byName.get(`relu${block - 1}`));
  }
  return { digit: target, saliency: gradient };
}

/** `weight · gradient` for `weight` `[inputSize, outputSize]`: the gradient of a dense layer's input. */
function denseBackward(gradient, weight) {
  const outputSize = gradient.length;
  const inputSize = weight.length / outputSize;
  const result = new Float64Array(inputSize);
  for (let i = 0; i < inputSize; i += 1) {
    let sum = 0;
    for (let o = 0; o < outputSize; o += 1) sum += weight[i * outputSize + o] * gradient[o];
    result[i] = sum;
  }
  return result;
}

/** BatchNorm's per-channel slope in inference: `scale / √(variance + ε)`, as `model.js`'s forward pass computes it. */
function batchNormFactors(model, prefix) {
  const scale = model.tensor(`${prefix}.scale`).values;
  const variance = model.tensor(`${prefix}.runningVariance`).values;
  return Float64Array.from(variance, (v, c) => scale[c] / Math.sqrt(Math.fround(v + SeedCNN.batchNormEpsilon)));
}

function scaleByChannel(values, factors) {
  for (let index = 0; index < values.length; index += 1) values[index] *= factors[index % factors.length];
}

/** The gradient of a stride-1 "same" convolution's input from its output's, `[height, width, outputChannels]`. */
function convolutionBackward(gradient, { height, width }, filter) {
  const [kernelHeight, kernelWidth, inputChannels, outputChannels] = filter.shape;
  const result = new Float64Array(height * width * inputChannels);
  for (let y = 0; y < height; y += 1) {
    for (let x = 0; x < width; x += 1) {
      const out = (y * width + x) * outputChannels;
      for (let i = 0; i < kernelHeight; i += 1) {
        const inputY = y + i - (kernelHeight >> 1);
        if (inputY < 0 || inputY >= height) continue;
        for (let j = 0; j < kernelWidth; j += 1) {
          const inputX = x + j - (kernelWidth >> 1);
          if (inputX < 0 || inputX >= width) continue;
          const pixel = (inputY * width + inputX) * inputChannels;
          const tap = (i * kernelWidth + j) * inputChannels * outputChannels;
          for (let c = 0; c < inputChannels; c += 1) {
            const row = tap + c * outputChannels;
            let sum = 0;
            for (let o = 0; o < outputChannels; o += 1) sum += gradient[out + o] * filter.values[row + o];
            result[pixel + c] += sum;
          }
        }
      }
    }
  }
  return result;
}

/** 2×2 max pooling's pullback: each window's gradient goes to its first largest input (row by row), as NumSight's does. */
function maxPoolBackward(gradient, { shape: [height, width, channels], values }) {
  const result = new Float64Array(height * width * channels);
  const outputWidth = width >> 1;
  for (let y = 0; y < 2 * (height >> 1); y += 2) {
    for (let x = 0; x < 2 * outputWidth; x += 2) {
      const out = ((y >> 1) * outputWidth + (x >> 1)) * channels;
      for (let c = 0; c < channels; c += 1) {
        let best = (y * width + x) * channels + c;
        for (const [dy, dx] of [[0, 1], [1, 0], [1, 1]]) {
          const candidate = ((y + dy) * width + x + dx) * channels + c;
          if (values[candidate] > values[best]) best = candidate;
        }
        result[best] += gradient[out + c];
      }
    }
  }
  return result;
}
