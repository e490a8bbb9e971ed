/**
 * Reads a V8 .cpuprofile (node --cpu-prof) and sums self time per function and per package,
 * plus inclusive time per function (recursion counted once). Optionally only the samples
 * inside a time window (CLOCK_MONOTONIC microseconds, the clock of process.hrtime and V8),
 * so start-up and shutdown do not dilute a profile taken under load.
 *
 *   node dist/bench/profile.js /tmp/afterscan.cpuprofile [top]
 *   node dist/bench/profile.js /tmp/afterscan.cpuprofile --callers <part of a function name> [depth]
 */
import fs from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number; columnNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface CpuProfile { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] }

export interface Row { name: string; ms: number; pct: number }
export interface Analysis {
  /** Milliseconds of samples counted (idle excluded). */
  busyMs: number;
  idleMs: number;
  samples: number;
  windowed: boolean;
  byPackage: Row[];
  selfTop: (Row & { pkg: string })[];
  inclusiveTop: (Row & { pkg: string })[];
  /** Inclusive ms of every function (recursion counted once), by function key. */
  inclusiveAll: Map<string, number>;
  /** Time inside calls into each package, callees in other packages included (counted once per path). */
  packageInclusive: Row[];
}

const ROOT = process.cwd();

/** Which package a frame belongs to: an npm package, node core, Afterscan's own folders, or a V8 pseudo-frame. */
export function packageOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) {
    if (functionName === '(garbage collector)') return 'GC';
    if (functionName === '(program)') return 'V8/native (program)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(root)') return '(root)';
    return 'native (builtins, addons)';
  }
  if (url.startsWith('node:')) return 'node core';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const parts = path.slice(nm + '/node_modules/'.length).split('/');
    return parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1] ?? ''}` : parts[0] ?? path;
  }
  const dist = path.indexOf('/dist/');
  if (dist >= 0) {
    const parts = path.slice(dist + '/dist/'.length).split('/');
    if (parts[0] === 'src' && parts.length > 2) return `afterscan src/${parts[1]}`;
    return `afterscan ${parts[0] === 'src' ? 'src' : parts[0]}`;
  }
  return path.startsWith(ROOT) ? 'afterscan (other)' : 'other';
}

function shortUrl(url: string): string {
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm >= 0) return path.slice(nm + '/node_modules/'.length);
  const dist = path.indexOf('/dist/');
  if (dist >= 0) return path.slice(dist + '/dist/'.length);
  return path;
}

const keyOf = (f: CallFrame): string => (f.url ? `${f.functionName || '(anonymous)'} ${shortUrl(f.url)}:${f.lineNumber + 1}` : f.functionName || '(anonymous native)');

export function analyse(file: string, window?: { fromUs: number; toUs: number }, top = 25): Analysis {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map<number, number>();
  const inWindow = (t: number): boolean => !window || (t >= window.fromUs && t <= window.toUs);
  // Sample i lasts until sample i+1 (as DevTools counts it).
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) { t += d; times.push(t); }
  let counted = 0;
  const pass = (useWindow: boolean): void => {
    selfUs.clear();
    counted = 0;
    for (let i = 0; i < profile.samples.length; i += 1) {
      const at = times[i]!;
      if (useWindow && !inWindow(at)) continue;
      const next = times[i + 1] ?? profile.endTime;
      const id = profile.samples[i]!;
      selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, next - at));
      counted += 1;
    }
  };
  pass(true);
  let windowed = Boolean(window);
  if (window && counted < 100) { pass(false); windowed = false; } // clocks did not line up: use everything

  let idleUs = 0;
  let busyUs = 0;
  const byPackage = new Map<string, number>();
  const bySelf = new Map<string, { us: number; pkg: string }>();
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    const pkg = packageOf(frame);
    if (pkg === '(idle)') { idleUs += us; continue; }
    busyUs += us;
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = keyOf(frame);
    const row = bySelf.get(key) ?? { us: 0, pkg };
    row.us += us;
    bySelf.set(key, row);
  }

  // Inclusive time per function: total of a node's subtree, counted once per call path even under recursion.
  const total = new Map<number, number>();
  const root = profile.nodes[0]!;
  const order: ProfileNode[] = [];
  const stack: ProfileNode[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of n.children ?? []) stack.push(nodes.get(c)!);
  }
  for (let i = order.length - 1; i >= 0; i -= 1) {
    const n = order[i]!;
    let sum = selfUs.get(n.id) ?? 0;
    for (const c of n.children ?? []) sum += total.get(c) ?? 0;
    total.set(n.id, sum);
  }
  const inclusive = new Map<string, { us: number; pkg: string }>();
  const pkgInclusive = new Map<string, number>();
  const onPath = new Map<string, number>();
  const pkgOnPath = new Map<string, number>();
  const walk: [ProfileNode, boolean][] = [[root, true]];
  while (walk.length) {
    const [n, entering] = walk.pop()!;
    const key = keyOf(n.callFrame);
    const pkg = packageOf(n.callFrame);
    if (!entering) {
      onPath.set(key, (onPath.get(key) ?? 1) - 1);
      pkgOnPath.set(pkg, (pkgOnPath.get(pkg) ?? 1) - 1);
      continue;
    }
    if (!['(root)', '(idle)'].includes(pkg)) {
      if ((onPath.get(key) ?? 0) === 0) {
        const row = inclusive.get(key) ?? { us: 0, pkg };
        row.us += total.get(n.id) ?? 0;
        inclusive.set(key, row);
      }
      if ((pkgOnPath.get(pkg) ?? 0) === 0) pkgInclusive.set(pkg, (pkgInclusive.get(pkg) ?? 0) + (total.get(n.id) ?? 0));
    }
    onPath.set(key, (onPath.get(key) ?? 0) + 1);
    pkgOnPath.set(pkg, (pkgOnPath.get(pkg) ?? 0) + 1);
    walk.push([n, false]);
    for (const c of n.children ?? []) walk.push([nodes.get(c)!, true]);
  }

  const pct = (us: number): number => (busyUs > 0 ? (100 * us) / busyUs : 0);
  const rows = (m: Map<string, { us: number; pkg: string }>, n: number): (Row & { pkg: string })[] => [...m].sort((a, b) => b[1].us - a[1].us).slice(0, n)
    .map(([name, r]) => ({ name, pkg: r.pkg, ms: r.us / 1000, pct: pct(r.us) }));
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    samples: counted,
    windowed,
    byPackage: [...byPackage].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, pct: pct(us) })),
    selfTop: rows(bySelf, top),
    inclusiveTop: rows(inclusive, top),
    inclusiveAll: new Map([...inclusive].map(([k, r]) => [k, r.us / 1000])),
    packageInclusive: [...pkgInclusive].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000, pct: pct(us) })),
  };
}

export function formatAnalysis(a: Analysis, top = 25): string {
  const lines: string[] = [];
  lines.push(`${a.samples} samples, ${a.busyMs.toFixed(0)} ms busy, ${a.idleMs.toFixed(0)} ms idle${a.windowed ? ' (load window only)' : ' (whole profile)'}`);
  lines.push('', 'Self time by package', '', '| package | self ms | % of busy |', '|---|---:|---:|');
  for (const r of a.byPackage) lines.push(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  lines.push('', `Top ${top} functions by self time`, '', '| function | package | self ms | % |', '|---|---|---:|---:|');
  for (const r of a.selfTop.slice(0, top)) lines.push(`| \`${r.name}\` | ${r.pkg} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  lines.push('', 'Time inside calls into each package (its callees in other packages included; the async plumbing of node core is left out)', '', '| package | inclusive ms | % of busy |', '|---|---:|---:|');
  for (const r of a.packageInclusive.filter((r) => !['node core', 'native (builtins, addons)'].includes(r.name)).slice(0, 20)) lines.push(`| ${r.name} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  lines.push('', `Top ${top} functions by inclusive time`, '', '| function | package | total ms | % |', '|---|---|---:|---:|');
  for (const r of a.inclusiveTop.filter((r) => !/^(processTicksAndRejections|runMicrotasks|__awaiter|fulfilled|rejected|step) /.test(`${r.name} `)).slice(0, top)) lines.push(`| \`${r.name}\` | ${r.pkg} | ${r.ms.toFixed(0)} | ${r.pct.toFixed(1)} |`);
  return lines.join('\n');
}


/**
 * Bottom-up view of the functions whose key contains `match`: their self time split by call
 * path (the nearest `depth` callers), to see who pays for a hot function.
 */
export function callers(file: string, match: string, depth = 4, top = 15): string {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
  const nodes = new Map<number, ProfileNode>(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  let t = profile.startTime;
  const times = profile.timeDeltas.map((d) => (t += d));
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i += 1) {
    const us = Math.max(0, (times[i + 1] ?? profile.endTime) - times[i]!);
    const id = profile.samples[i]!;
    selfUs.set(id, (selfUs.get(id) ?? 0) + us);
    if (packageOf(nodes.get(id)!.callFrame) !== '(idle)') busy += us;
  }
  const paths = new Map<string, number>();
  let sum = 0;
  for (const [id, us] of selfUs) {
    const frame = nodes.get(id)!.callFrame;
    if (!keyOf(frame).includes(match)) continue;
    sum += us;
    const chain: string[] = [];
    let p = parent.get(id);
    while (p !== undefined && chain.length < depth) {
      const f = nodes.get(p)!.callFrame;
      if (f.functionName !== '(root)') chain.push(keyOf(f));
      p = parent.get(p);
    }
    const key = `${keyOf(frame)} ← ${chain.join(' ← ')}`;
    paths.set(key, (paths.get(key) ?? 0) + us);
  }
  const lines = [`"${match}": ${(sum / 1000).toFixed(0)} ms self (${((100 * sum) / busy).toFixed(1)} % of busy), by caller chain:`];
  for (const [k, us] of [...paths].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('usage: node dist/bench/profile.js <file.cpuprofile> [top | --callers <name> [depth]]');
    process.exit(2);
  }
  if (process.argv[3] === '--callers') {
    console.log(callers(file, process.argv[4] ?? '', Number(process.argv[5] ?? 4)));
  } else {
    const top = Number(process.argv[3] ?? 25);
    console.log(formatAnalysis(analyse(file, undefined, top), top));
  }
}
