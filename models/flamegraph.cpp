#include "flamegraph.h"

namespace td {

} // namespace td
