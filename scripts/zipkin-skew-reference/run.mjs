// Prints, for each Zipkin trace file given, every span node of Zipkin Lens's tree with its timestamp before
// and after Lens's clock-skew correction (treeCorrectedForClockSkew). Zipkin v1 files are first converted to
// v2 the way the Zipkin server does on ingest (v1.mjs, after zipkin2.v1.V1SpanConverter). See make.sh.
import fs from 'fs';
import path from 'path';
import { treeCorrectedForClockSkew } from './lens/clock-skew.mjs';
import { SpanNodeBuilder } from './lens/span-node.mjs';
import { convertV1 } from './v1.mjs';

const [base, ...files] = process.argv.slice(2);
const out = {};
for (const file of files) {
  let data;
  try { data = JSON.parse(fs.readFileSync(file, 'utf8')); } catch (e) { continue; }
  if (!Array.isArray(data)) data = [data];
  if (data.length && Array.isArray(data[0])) data = data.flat();
  if (!data.length || !data.every((s) => s && typeof s === 'object' && typeof s.traceId === 'string' && typeof s.id === 'string')) continue;
  const v1 = data.some((s) => s.binaryAnnotations || (s.annotations || []).some((a) => a.endpoint))
    && !data.some((s) => s.localEndpoint || s.kind || s.tags);
  const spans = v1 ? data.flatMap(convertV1) : data;
  const byTrace = {};
  for (const s of spans) (byTrace[s.traceId] ||= []).push(s);
  const nodes = [];
  for (const list of Object.values(byTrace)) {
    const copy = () => JSON.parse(JSON.stringify(list));
    const raw = [], corrected = [];
    const visit = (node, acc) => { if (node.span) acc.push(node.span); node.children.forEach((c) => visit(c, acc)); };
    visit(new SpanNodeBuilder({}).build(copy()), raw);
    visit(treeCorrectedForClockSkew(copy()), corrected);
    corrected.forEach((s, i) => nodes.push({
      id: s.id, kind: s.kind || '', shared: !!s.shared, service: (s.localEndpoint || {}).serviceName || '',
      rawUs: raw[i].timestamp || 0, correctedUs: s.timestamp || 0,
    }));
  }
  out[path.relative(base, file)] = { v1, nodes };
}
process.stdout.write(JSON.stringify(out, null, 1) + '\n');
