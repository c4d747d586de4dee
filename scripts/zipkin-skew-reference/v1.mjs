// Zipkin v1 JSON to v2 spans the way the Zipkin server converts them on ingest (after
// zipkin2.v1.V1SpanConverter): core annotations, the shared server side, endpoints, tags and addresses.
function ep(e) { if (!e) return undefined; const r = {}; if (e.serviceName) r.serviceName = e.serviceName.toLowerCase(); if (e.ipv4) r.ipv4 = e.ipv4; if (e.ipv6) r.ipv6 = e.ipv6; if (e.port) r.port = e.port; return Object.keys(r).length ? r : undefined; }
function sameService(a, b) { return (a && a.serviceName) === (b && b.serviceName); }
export function convertV1(s) {
  const first = { traceId: s.traceId, id: s.id, parentId: s.parentId, name: s.name, annotations: [], tags: {} };
  const spans = [];
  const fresh = (e) => { const r = { traceId: s.traceId, id: s.id, parentId: s.parentId, name: s.name, annotations: [], tags: {}, localEndpoint: e }; spans.push(r); return r; };
  const forEp = (e) => {
    if (!e) return first;
    const close = (b) => { if (!b.localEndpoint) { b.localEndpoint = e; return true; } return sameService(b.localEndpoint, e); };
    if (close(first)) return first;
    for (const n of spans) if (close(n)) return n;
    return fresh(e);
  };
  let cs, sr, ss, cr;
  const ts = s.timestamp || 0, dur = s.duration || 0;
  for (const a of s.annotations || []) {
    const e = ep(a.endpoint); const cur = forEp(e);
    if (a.value.length === 2 && e) {
      if (a.value === 'cs') { cur.kind = 'CLIENT'; cs = { ...a, endpoint: e }; }
      else if (a.value === 'sr') { cur.kind = 'SERVER'; sr = { ...a, endpoint: e }; }
      else if (a.value === 'ss') { cur.kind = 'SERVER'; ss = { ...a, endpoint: e }; }
      else if (a.value === 'cr') { cur.kind = 'CLIENT'; cr = { ...a, endpoint: e }; }
      else cur.annotations.push({ timestamp: a.timestamp, value: a.value });
    } else cur.annotations.push({ timestamp: a.timestamp, value: a.value });
  }
  const reflects = (end) => end && ts && dur && ts + dur === end.timestamp;
  if (!cs && reflects(cr)) cs = { timestamp: ts, value: 'cs', endpoint: cr.endpoint };
  if (!sr && reflects(ss)) sr = { timestamp: ts, value: 'sr', endpoint: ss.endpoint };
  const maybeTD = (b, e) => { const x = forEp(b.endpoint); if (ts && dur) { x.timestamp = ts; x.duration = dur; } else { x.timestamp = b.timestamp; if (e) x.duration = e.timestamp - b.timestamp; } };
  if (cs && sr) {
    maybeTD(cs, cr);
    const client = forEp(cs.endpoint);
    let server;
    if (sameService(cs.endpoint, sr.endpoint)) { client.kind = 'CLIENT'; server = fresh(sr.endpoint); server.kind = 'SERVER'; }
    else server = forEp(sr.endpoint);
    server.shared = true; server.timestamp = sr.timestamp;
    if (ss) server.duration = ss.timestamp - sr.timestamp;
    if (!cr && !dur) delete client.duration;
  } else if (cs && cr) maybeTD(cs, cr);
  else if (sr && ss) maybeTD(sr, ss);
  else {
    for (const n of [first, ...spans]) {
      if (n.kind === 'CLIENT') { if (cs) n.timestamp = cs.timestamp; }
      else if (n.kind === 'SERVER') { if (sr) n.timestamp = sr.timestamp; }
    }
    if (ts) { first.timestamp = ts; first.duration = dur || undefined; }
  }
  if (!cs && sr && (!ts || (ss && !dur))) forEp(sr.endpoint).shared = true;
  let ca, sa;
  for (const b of s.binaryAnnotations || []) {
    if (typeof b.value !== 'string') { if (b.key === 'ca') ca = ep(b.endpoint); else if (b.key === 'sa') sa = ep(b.endpoint); continue; }
    forEp(ep(b.endpoint)).tags[b.key] = b.value;
  }
  if (!cs && !cr && !ss && !sr && (ca || sa)) {
    if (ca && sa) forEp(ca).remoteEndpoint = sa; else if (sa) forEp(undefined).remoteEndpoint = sa; else { const x = forEp(undefined); x.kind = 'SERVER'; x.remoteEndpoint = ca; }
  } else {
    if (sa) { if (cs) forEp(cs.endpoint).remoteEndpoint = sa; else if (cr) forEp(cr.endpoint).remoteEndpoint = sa; }
  }
  return [first, ...spans].map((x) => { const r = { ...x }; for (const k of Object.keys(r)) if (r[k] === undefined) delete r[k]; return r; });
}
