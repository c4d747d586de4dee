#include "commandline.h"
#include "memorytuning.h"

int main(int argc, char **argv)
{
    td::preferReusingMemory(); // before the first allocation that could use a mapping of its own
    return td::runTraceDesk(argc, argv);
}
