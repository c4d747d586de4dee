#pragma once

#include <QTest>

// A helper that checks with QVERIFY/QCOMPARE returns only from itself when a check fails, and the test
// goes on past the failure. Called through TD_CHECKED, the test stops there too, as if the helper's
// checks were written in it.
#define TD_CHECKED(call)                   \
    do {                                   \
        call;                              \
        if (QTest::currentTestFailed())    \
            return;                        \
    } while (false)
