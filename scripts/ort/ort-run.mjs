// Runs an ONNX model with ONNX Runtime's CPU library (npm onnxruntime-node,
// installed by scripts/install-deps.sh into $QUENCH_ORT_DIR) on .npy inputs:
// the correctness oracle and the performance peer of quench-run.
//
//   node scripts/ort/ort-run.mjs model.onnx [-i name=file.npy | file.npy]...
//        [-o OUTDIR] [--threads N] [--bench [--warmup W] [--reps R]]
import { createRequire } from 'module';
import fs from 'fs';
import os from 'os';
import path from 'path';

function die(message) {
  process.stderr.write(`ort-run: error: ${message}\n`);
  process.exit(1);
}

const ortDir = process.env.QUENCH_ORT_DIR ||
  path.join(os.homedir(), '.cache/quench/onnxruntime-node-1.30.0');
let ort;
try {
  ort = createRequire(path.join(ortDir, 'package.json'))('onnxruntime-node');
} catch (e) {
  die(`onnxruntime-node is not installed in ${ortDir} (run scripts/install-deps.sh)`);
}

const NPY = {
  '<f4': ['float32', Float32Array], '<f8': ['float64', Float64Array],
  '<i8': ['int64', BigInt64Array], '<i4': ['int32', Int32Array],
  '|i1': ['int8', Int8Array], '|u1': ['uint8', Uint8Array], '|b1': ['bool', Uint8Array],
};

function readNpy(file) {
  let buf;
  try { buf = fs.readFileSync(file); } catch (e) { die(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`); }
  if (buf.subarray(0, 6).toString('latin1') !== '\x93NUMPY') die(`${file}: not a .npy file`);
  const major = buf[6];
  const hlen = major === 1 ? buf.readUInt16LE(8) : buf.readUInt32LE(8);
  const start = major === 1 ? 10 : 12;
  const header = buf.subarray(start, start + hlen).toString('latin1');
  const descr = /'descr':\s*'([^']+)'/.exec(header)?.[1];
  if (/'fortran_order':\s*True/.test(header)) die(`${file}: Fortran order is not supported`);
  const shape = (/'shape':\s*\(([^)]*)\)/.exec(header)?.[1] || '')
    .split(',').map(s => s.trim()).filter(Boolean).map(Number);
  if (!NPY[descr]) die(`${file}: unsupported dtype ${descr}`);
  const [type, Ctor] = NPY[descr];
  const data = buf.subarray(start + hlen);
  const copy = new Uint8Array(data.length);
  copy.set(data);
  const values = new Ctor(copy.buffer, 0, data.length / Ctor.BYTES_PER_ELEMENT);
  return new ort.Tensor(type, type === 'bool' ? Array.from(values, v => !!v) : values, shape);
}

function writeNpy(file, tensor) {
  const entry = Object.entries(NPY).find(([, [t]]) => t === tensor.type);
  if (!entry) die(`cannot write a ${tensor.type} output as .npy`);
  const dims = tensor.dims.length === 1 ? `${tensor.dims[0]},` : tensor.dims.join(', ');
  let header = `{'descr': '${entry[0]}', 'fortran_order': False, 'shape': (${dims}), }`;
  header += ' '.repeat((64 - ((10 + header.length + 1) % 64)) % 64) + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1; head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  const data = tensor.type === 'bool' ? Uint8Array.from(tensor.data, v => (v ? 1 : 0))
                                      : new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength);
  fs.writeFileSync(file, Buffer.concat([head, Buffer.from(header, 'latin1'), Buffer.from(data)]));
}

const args = process.argv.slice(2);
let model, outDir, threads = 0, bench = false, warmup = 3, reps = 10;
const named = [], positional = [];
for (let i = 0; i < args.length; ++i) {
  const a = args[i];
  const next = () => (i + 1 < args.length ? args[++i] : die(`${a} needs a value`));
  if (a === '-i') { const [n, f] = next().split('='); if (!f) die('-i expects name=file'); named.push([n, f]); }
  else if (a === '-o') outDir = next();
  else if (a === '--threads') threads = Number(next());
  else if (a === '--bench') bench = true;
  else if (a === '--warmup') warmup = Number(next());
  else if (a === '--reps') reps = Number(next());
  else if (a.startsWith('-')) die(`unknown option ${a}`);
  else if (!model) model = a;
  else positional.push(a);
}
if (!model) die('usage: ort-run.mjs model.onnx [-i name=file.npy]... [-o DIR] [--threads N] [--bench]');
if (!fs.existsSync(model)) die(`${model}: no such file`);

const options = { executionMode: 'sequential', interOpNumThreads: 1, graphOptimizationLevel: 'all' };
if (threads > 0) options.intraOpNumThreads = threads;
let session;
try {
  session = await ort.InferenceSession.create(model, options);
} catch (e) {
  die(`${model}: ONNX Runtime cannot load it: ${e.message}`);
}
const feeds = {};
positional.forEach((f, i) => {
  if (i >= session.inputNames.length) die(`the model has ${session.inputNames.length} inputs`);
  feeds[session.inputNames[i]] = readNpy(f);
});
for (const [n, f] of named) {
  if (!session.inputNames.includes(n)) die(`the model has no input named '${n}'`);
  feeds[n] = readNpy(f);
}
for (const n of session.inputNames)
  if (!(n in feeds)) die(`no file for input '${n}' (give -i ${n}=file.npy)`);
let results;
try {
  results = await session.run(feeds);
} catch (e) {
  die(`ONNX Runtime failed to run ${model}: ${e.message}`);
}
if (bench) {
  for (let i = 0; i < warmup; ++i) await session.run(feeds);
  const ms = [];
  for (let i = 0; i < reps; ++i) {
    const t = process.hrtime.bigint();
    results = await session.run(feeds);
    ms.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  ms.sort((a, b) => a - b);
  const median = ms.length % 2 ? ms[(ms.length - 1) / 2] : (ms[ms.length / 2 - 1] + ms[ms.length / 2]) / 2;
  console.log(`ort: median ${median.toFixed(3)} ms, min ${ms[0].toFixed(3)}, max ${ms[ms.length - 1].toFixed(3)} over ${reps} runs (threads ${threads || 'default'})`);
}
if (outDir) {
  fs.mkdirSync(outDir, { recursive: true });
  for (const name of session.outputNames)
    writeNpy(path.join(outDir, name.replace(/[^A-Za-z0-9._-]/g, '_') + '.npy'), results[name]);
}
