#pragma once

namespace td {

// Parses the command line and runs the headless commands or the GUI. Returns the process exit status:
// 0 success, 2 input not readable as a trace, 3 fetch failed, 1 usage errors.
int runTraceDesk(int argc, char **argv);

} // namespace td
