#!/usr/bin/python3
"""The same training step as `lofi train`, in PyTorch, for bench/lofi_bench_train.

Builds the network of a preset (embedding or the seed's scalar input, LSTM
layers, dense layers, dropout as lofi places it), cuts the corpus into the
same batches (every position: <bos> piece <eos> joined and cut into rows of
seq-len; window: 100 tokens predicting the next), and times Adam (or the
seed's RMSprop) steps with the summed cross-entropy divided by the targets and
gradient clipping. Prints {"tokensPerSecond": ...} as its last line.
Run with Debian's interpreter: /usr/bin/python3 bench/pytorch_train.py --help
"""
import argparse
import json
import time

import torch


class Network(torch.nn.Module):
    def __init__(self, vocab, args):
        super().__init__()
        self.vocab = vocab
        self.window = args.window
        self.embedding = torch.nn.Embedding(vocab, args.embedding) if args.window == 0 else None
        size = args.embedding if args.window == 0 else 1
        self.lstms = torch.nn.ModuleList()
        for hidden in args.lstm:
            self.lstms.append(torch.nn.LSTM(size, hidden, batch_first=True))
            size = hidden
        self.dense = torch.nn.ModuleList()
        for width in args.dense:
            self.dense.append(torch.nn.Linear(size, width))
            size = width
        self.output = torch.nn.Linear(size, vocab)
        self.dropout = torch.nn.Dropout(args.dropout)

    def forward(self, tokens):
        if self.embedding is not None:
            x = self.embedding(tokens)
        else:
            x = (tokens.float() / self.vocab).unsqueeze(-1)
        for index, lstm in enumerate(self.lstms):
            x = lstm(x)[0]
            if index + 1 < len(self.lstms) or not self.dense:
                x = self.dropout(x)
        if self.window > 0:
            x = x[:, -1]
        for dense in self.dense:
            x = self.dropout(dense(x))
        return self.output(x)


def batches(pieces, args, vocab_index, pad):
    if args.window > 0:
        stream = [vocab_index[t] for piece in pieces for t in piece]
        rows = [(stream[i:i + args.window], [stream[i + args.window]]) for i in range(len(stream) - args.window)]
    else:
        stream = []
        for piece in pieces:
            stream += [vocab_index["<bos>"]] + [vocab_index[t] for t in piece] + [vocab_index["<eos>"]]
        rows = []
        for start in range(0, len(stream) - 1, args.seq_len):
            count = min(args.seq_len, len(stream) - 1 - start)
            inputs = stream[start:start + count] + [pad] * (args.seq_len - count)
            targets = stream[start + 1:start + 1 + count] + [pad] * (args.seq_len - count)
            rows.append((inputs, targets))
    generator = torch.Generator().manual_seed(1)
    order = torch.randperm(len(rows), generator=generator).tolist()
    for first in range(0, len(order), args.batch):
        chosen = [rows[i] for i in order[first:first + args.batch]]
        yield torch.tensor([r[0] for r in chosen]), torch.tensor([r[1] for r in chosen])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", required=True)
    parser.add_argument("--preset", default="default")
    parser.add_argument("--embedding", type=int, default=128)
    parser.add_argument("--lstm", type=lambda s: [int(v) for v in s.split(",") if v], default=[256])
    parser.add_argument("--dense", type=lambda s: [int(v) for v in s.split(",") if v], default=[])
    parser.add_argument("--dropout", type=float, default=0.3)
    parser.add_argument("--window", type=int, default=0)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--seq-len", type=int, default=128)
    parser.add_argument("--steps", type=int, default=8)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--lr", type=float, default=2e-3)
    parser.add_argument("--clip", type=float, default=1.0)
    args = parser.parse_args()

    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    with open(args.data) as file:
        pieces = [entry["tokens"] for entry in json.load(file)["files"] if entry["tokens"]]
    specials = ["<pad>", "<bos>", "<eos>"] if args.window == 0 else []
    vocabulary = specials + sorted({t for piece in pieces for t in piece})
    vocab_index = {t: i for i, t in enumerate(vocabulary)}
    pad = vocab_index.get("<pad>", -100)
    network = Network(len(vocabulary), args)
    network.train()
    if args.preset == "seed":
        optimizer = torch.optim.RMSprop(network.parameters(), lr=args.lr, alpha=0.9, eps=1e-7)
    else:
        optimizer = torch.optim.Adam(network.parameters(), lr=args.lr)

    tokens = 0
    start = time.perf_counter()
    for step, (inputs, targets) in enumerate(batches(pieces, args, vocab_index, pad)):
        if step == 1:  # the first step warms up, as in lofi's measurement
            tokens = 0
            start = time.perf_counter()
        if step == args.steps + 1:
            break
        optimizer.zero_grad()
        logits = network(inputs)
        total = torch.nn.functional.cross_entropy(
            logits.reshape(-1, logits.shape[-1]), targets.reshape(-1), ignore_index=pad, reduction="sum")
        count = int((targets != pad).sum())
        (total / max(1, count)).backward()
        if args.clip > 0:
            torch.nn.utils.clip_grad_norm_(network.parameters(), args.clip)
        optimizer.step()
        tokens += count
    seconds = time.perf_counter() - start
    print(json.dumps({"tokensPerSecond": tokens / seconds, "steps": args.steps, "seconds": seconds}))


if __name__ == "__main__":
    main()
