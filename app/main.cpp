#include "commandline.h"

int main(int argc, char **argv)
{
    return td::runTraceDesk(argc, argv);
}
