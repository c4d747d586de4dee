#include <QTest>

class TestSpantable : public QObject
{
    Q_OBJECT
private slots:
    void placeholder() { QFAIL("not written yet"); }
};

QTEST_MAIN(TestSpantable)
#include "tst_spantable.moc"
