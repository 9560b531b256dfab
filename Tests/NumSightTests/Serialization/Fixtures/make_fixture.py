"""Writes the safetensors fixtures of SafeTensorsFileTests with the reference
implementation (pip install safetensors numpy; made with safetensors 0.8.0,
numpy 2). Run from this folder: python3 make_fixture.py

reference_dtypes.safetensors   one tensor per dtype we convert, plus metadata;
                               the tests check the values listed here.
reference_float32_float64.safetensors
                               what `save_file` writes for F32/F64 tensors and
                               one metadata key; our writer must match it byte
                               for byte (with more keys Python's order varies).
"""
import numpy as np
from safetensors import TensorSpec, serialize_file
from safetensors.numpy import save_file

# BF16: numpy has no bfloat16, so pass raw bits: 1, -3, inf, -inf, NaN,
# the smallest subnormal (2^-133), and 0.333984375.
bfloat16_bits = np.array([0x3F80, 0xC040, 0x7F80, 0xFF80, 0x7FC0, 0x0001, 0x3EAB], dtype="<u2")

arrays = {
    "f32": np.array([[0.5, -1.25, 3.0], [1e-3, -0.0, 65504.0]], dtype="<f4"),
    "f64": np.array([1 / 3, -2.5e-300, 1e300], dtype="<f8"),
    # 1, -2, max, min normal, min subnormal, a subnormal, inf, -inf, NaN, -0
    "f16": np.array([1.0, -2.0, 65504.0, 2**-14, 2**-24, 2**-15, np.inf, -np.inf, np.nan, -0.0], dtype="<f2"),
    "i64": np.array([-3, 0, 2**40], dtype="<i8"),
    "i32": np.array([[-(2**31), 7], [42, -1]], dtype="<i4"),
    "u8": np.array([0, 128, 255], dtype="u1"),
    "scalar": np.array(2.5, dtype="<f4"),
    "empty": np.zeros((0, 4), dtype="<f4"),
}
specs = {
    name: TensorSpec(dtype=array.dtype.name, shape=list(array.shape),
                     data_ptr=array.ctypes.data, data_len=array.nbytes)
    for name, array in arrays.items()
}
specs["bf16"] = TensorSpec(dtype="bfloat16", shape=[7],
                           data_ptr=bfloat16_bits.ctypes.data, data_len=bfloat16_bits.nbytes)
serialize_file(specs, "reference_dtypes.safetensors",
               metadata={"format": "np", "source": "make_fixture.py"})

# Names that exercise the ordering (F64 before F32, then byte order: "B" < "a")
# and the JSON escaping of quotes, slashes, backslashes and non-ASCII text.
save_file(
    {
        "layer.weight": np.arange(6, dtype="<f4").reshape(2, 3) / 4,
        "layer.bias": np.array([-1.5, 0.0, 2.25], dtype="<f4"),
        "Bias": np.array([7.0], dtype="<f4"),
        "scale": np.array([np.pi, -np.e], dtype="<f8"),
        'é/"quoted"\\': np.array(1.0, dtype="<f8"),
    },
    "reference_float32_float64.safetensors",
    metadata={"format": "np"},
)
