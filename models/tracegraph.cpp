#include "tracegraph.h"

namespace td {

} // namespace td
