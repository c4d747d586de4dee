#pragma once

namespace td {

// Asks the C library to keep freed memory for reuse instead of handing each large block back to the
// system: loading a trace grows and frees many large arrays, and every page the system hands out again
// costs a page fault (about 8 µs each in the virtual machine we measure on; a 100,000-span load took about
// a fifth longer before this).
// Process-wide; called once at the start of the application and of the benchmark programs that measure it.
void preferReusingMemory();

} // namespace td
