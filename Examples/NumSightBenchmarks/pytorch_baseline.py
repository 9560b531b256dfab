"""The seed CNN of NumSight's benchmark in PyTorch on the CPU, for a side-by-side comparison.

Prints the figures of `swift run -c release NumSightBenchmarks` under the same names
(`name value unit`): the three passes of each convolution at batch 128 (GFLOP/s), one
training step at batch 128 (forward, backward and an Adam step on random data), and the
latency of classifying one image. Run with `python3 pytorch_baseline.py [--threads 2]`;
`compare_with_pytorch.py` runs it beside the Swift benchmarks and prints the ratios.
"""

import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

BATCH = 128


def seed_cnn() -> nn.Sequential:
    """Examples/MNIST/Model/SeedCNN.swift, layer for layer (3x3 "same" convolutions)."""
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.BatchNorm2d(32), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 64, 3, padding=1), nn.BatchNorm2d(64), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(64, 96, 3, padding=1), nn.BatchNorm2d(96), nn.ReLU(),
        nn.Flatten(), nn.Dropout(0.5), nn.Linear(7 * 7 * 96, 128), nn.ReLU(),
        nn.Dropout(0.3), nn.Linear(128, 10),
    )


def median_seconds(repetitions: int, body) -> float:
    """The median time of `repetitions` runs of `body`, after one warm-up run."""
    body()
    times = []
    for _ in range(repetitions):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(name: str, value: float, unit: str) -> None:
    print(f"{name} {round(value, 3)} {unit}", flush=True)


def convolutions() -> None:
    """The three passes of conv1-3 at batch 128, as NumSight's ConvolutionBenchmark counts them."""
    for name, side, inputs, outputs in [("conv1", 28, 1, 32), ("conv2", 14, 32, 64), ("conv3", 7, 64, 96)]:
        x = torch.rand(BATCH, inputs, side, side)
        w = torch.rand(outputs, inputs, 3, 3)
        dy = torch.rand(BATCH, outputs, side, side)
        flops = 2.0 * BATCH * side * side * outputs * 9 * inputs
        forward = median_seconds(20, lambda: F.conv2d(x, w, padding=1))
        backward_input = median_seconds(
            20, lambda: torch.ops.aten.convolution_backward(
                dy, x, w, None, [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [True, False, False]))
        backward_filter = median_seconds(
            20, lambda: torch.ops.aten.convolution_backward(
                dy, x, w, None, [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [False, True, False]))
        for pass_name, seconds in [("forward", forward), ("backward_input", backward_input),
                                   ("backward_filter", backward_filter)]:
            report(f"{name}.{pass_name}.threads{torch.get_num_threads()}", flops / seconds / 1e9, "GFLOP/s")


def training() -> None:
    torch.manual_seed(1)
    model = seed_cnn()
    trainable = sum(p.numel() for p in model.parameters())
    running = sum(b.numel() for n, b in model.named_buffers() if "running" in n)
    assert trainable + running == 678_506, f"{trainable + running} parameters, not 678,506"
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    images = torch.rand(BATCH, 1, 28, 28)
    labels = torch.arange(BATCH) % 10

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = F.cross_entropy(model(images), labels)
        loss.backward()
        optimizer.step()

    model.train()
    seconds = median_seconds(15, step)
    report(f"train.step.batch{BATCH}", seconds * 1e3, "ms")
    report("train.throughput", BATCH / seconds, "images/s")
    report("train.epoch54000", 54_000 / (BATCH / seconds), "s")

    model.eval()
    image = images[:1]

    def classify():
        with torch.inference_mode():
            F.softmax(model(image), dim=-1)

    report("inference.latency.batch1", median_seconds(200, classify) * 1e3, "ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--threads", type=int, default=2)
    arguments = parser.parse_args()
    torch.set_num_threads(arguments.threads)
    print(f"pytorch.version {torch.__version__} -")
    print(f"pytorch.cpu_capability {torch.backends.cpu.get_cpu_capability()} -")
    report("kernel.threads", torch.get_num_threads(), "threads")
    convolutions()
    training()


if __name__ == "__main__":
    main()
