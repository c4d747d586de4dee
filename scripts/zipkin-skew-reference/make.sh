#!/usr/bin/env bash
# Regenerates tests/data/zipkin-skew-reference.json: Zipkin Lens's own clock-skew correction run on every
# Zipkin file of tests/data/realworld, the answer tst_clockskew holds TraceDesk to. Needs node and a checkout
# of github.com/openzipkin/zipkin (its zipkin-lens/src/zipkin/{clock-skew,span-node,span-cleaner}.js are
# copied to a temporary directory, not into this repository):
#   scripts/zipkin-skew-reference/make.sh /path/to/zipkin
set -euo pipefail
zipkin="${1:?usage: make.sh ZIPKIN_CHECKOUT}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
top="$(cd "$here/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$here"/*.mjs "$work"/
mkdir "$work/lens"
for f in clock-skew span-node span-cleaner; do
  sed -e "s#from './span-node'#from './span-node.mjs'#" -e "s#from './span-cleaner'#from './span-cleaner.mjs'#" \
      -e "s#import isEqual from 'lodash/isEqual';#import { isEqual } from '../lodash.mjs';#" \
      -e "s#import sortBy from 'lodash/sortBy';#import { sortBy } from '../lodash.mjs';#" \
      -e "s#import unionWith from 'lodash/unionWith';#import { unionWith } from '../lodash.mjs';#" \
      "$zipkin/zipkin-lens/src/zipkin/$f.js" > "$work/lens/$f.mjs"
done
cd "$top/tests/data/realworld"
mapfile -t files < <(find . -name '*.json' ! -name '*.manifest.json' | grep -i zipkin | sort)
node "$work/run.mjs" . "${files[@]}" > "$top/tests/data/zipkin-skew-reference.json"
echo "wrote tests/data/zipkin-skew-reference.json (${#files[@]} files looked at)"
