#include "traceevents.h"

namespace td {

} // namespace td
