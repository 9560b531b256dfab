"""Runs NumSight's benchmarks and pytorch_baseline.py one after the other and prints the
figures they share side by side, with how many times faster NumSight is (all of NumSight's
figures go to standard error as they come).

    python3 Examples/NumSightBenchmarks/compare_with_pytorch.py [--path avx2]

`--path` forces an instruction-set path on both: NUMSIGHT_KERNEL_PATH for NumSight, and
ATEN_CPU_CAPABILITY, ONEDNN_MAX_CPU_ISA and MKL_ENABLE_INSTRUCTIONS for PyTorch (so that
`avx2` on an AVX-512 machine stands in for an AVX2 machine). Speed ratios are NumSight's
speed over PyTorch's: GFLOP/s and images/s divided, milliseconds divided the other way.
PyTorch runs on as many threads as NumSight reports (`kernel.threads`, the core count).
"""

import argparse
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
PACKAGE = HERE.parent.parent
PYTORCH_PATHS = {  # NumSight path -> (ATen capability, oneDNN ISA, MKL instructions)
    "avx512": ("avx512", "AVX512_CORE", "AVX512"),
    "avx2": ("avx2", "AVX2", "AVX2"),
    "portable": ("default", "SSE41", "SSE4_2"),
}


def figures(command, environment):
    """Runs `command` and reads its `name value unit` lines, echoing them to stderr."""
    output = subprocess.run(command, env=environment, check=True, capture_output=True, text=True,
                            cwd=PACKAGE).stdout
    values = {}
    for line in output.splitlines():
        print(line, file=sys.stderr)
        parts = line.split()
        if len(parts) == 3:
            values[parts[0]] = (parts[1], parts[2])
    return values


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--path", choices=sorted(PYTORCH_PATHS))
    arguments = parser.parse_args()

    subprocess.run(["swift", "build", "-c", "release", "--product", "NumSightBenchmarks"],
                   cwd=PACKAGE, check=True, stdout=subprocess.DEVNULL)
    swift_environment = dict(os.environ)
    torch_environment = {name: value for name, value in os.environ.items()
                         if name not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    if arguments.path:
        swift_environment["NUMSIGHT_KERNEL_PATH"] = arguments.path
        capability, onednn, mkl = PYTORCH_PATHS[arguments.path]
        torch_environment.update(ATEN_CPU_CAPABILITY=capability, ONEDNN_MAX_CPU_ISA=onednn,
                                 MKL_ENABLE_INSTRUCTIONS=mkl)
    numsight = figures(["swift", "run", "-c", "release", "--skip-build", "NumSightBenchmarks"],
                       swift_environment)
    threads = int(float(numsight["kernel.threads"][0]))
    pytorch = figures([sys.executable, str(HERE / "pytorch_baseline.py"), "--threads", str(threads)],
                      torch_environment)

    print(f"# NumSight path {numsight.get('kernel.path', ('?',))[0]}, "
          f"PyTorch {pytorch.get('pytorch.version', ('?',))[0]} "
          f"({pytorch.get('pytorch.cpu_capability', ('?',))[0]}), {threads} threads")
    print(f"{'figure':40} {'NumSight':>10} {'PyTorch':>10} {'unit':>9} {'NumSight/PyTorch speed':>23}")
    for name, (value, unit) in pytorch.items():
        if name not in numsight or unit == "-" or name == "kernel.threads":
            continue
        ours, theirs = float(numsight[name][0]), float(value)
        speedup = theirs / ours if unit in ("ms", "s") else ours / theirs
        print(f"{name:40} {ours:>10.3f} {theirs:>10.3f} {unit:>9} {speedup:>22.2f}x")
    for name in ("train.fraction_of_limit",):
        if name in numsight:
            print(f"{name:40} {float(numsight[name][0]):>10.3f} {'':>10} {numsight[name][1]:>9}")


if __name__ == "__main__":
    main()
