#pragma once

namespace td {

} // namespace td
