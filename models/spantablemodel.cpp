#include "spantablemodel.h"

namespace td {

} // namespace td
