// MainWindow's compare tabs: two traces opened (or found open) and shown side by side.
#include "mainwindow.h"

#include "compareview.h"
#include "recentfiles.h"
#include "spanview.h"
#include "tracelibrary.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>

namespace td {

CompareView *MainWindow::compareView() const
{
    return qobject_cast<CompareView *>(m_tabs->currentWidget());
}

CompareView *MainWindow::showCompare(const TracePtr &a, const TracePtr &b, const QString &nameA, const QString &nameB)
{
    if (!a || !b)
        return nullptr;
    auto *view = new CompareView(a, b, nameA, nameB, m_tabs);
    const int index = m_tabs->addTab(view, view->title());
    m_tabs->setTabToolTip(index, tr("A: %1\nB: %2").arg(nameA, nameB));
    m_tabs->setCurrentIndex(index);
    onCurrentTabChanged();
    emit compareShown();
    return view;
}

void MainWindow::showPendingCompare()
{
    if (m_pendingCompare.size() != 2)
        return;
    const int a = m_tabs->tabOfKey(m_pendingCompare[0]);
    const int b = m_tabs->tabOfKey(m_pendingCompare[1]);
    if (a < 0 || b < 0)
        return;
    m_pendingCompare.clear();
    showCompare(m_tabs->spanViewAt(a)->trace(), m_tabs->spanViewAt(b)->trace(), m_tabs->tabText(a), m_tabs->tabText(b));
}

void MainWindow::compareFiles(const QString &pathA, const QString &pathB)
{
    const QString a = QFileInfo(pathA).absoluteFilePath(), b = QFileInfo(pathB).absoluteFilePath();
    m_pendingCompare = {a, b};
    QStringList toOpen;
    for (const QString &path : {a, b})
        if (m_tabs->tabOfKey(path) < 0 && !toOpen.contains(path))
            toOpen << path;
    if (toOpen.isEmpty())
        showPendingCompare();
    else
        openFiles(toOpen);
}

void MainWindow::compareLibraryEntries(const LibraryEntry &a, const LibraryEntry &b)
{
    // A file is known by its path (two versions of one trace share the id), a fetched trace by its id.
    const auto keyOf = [](const LibraryEntry &e) {
        return QFileInfo(e.source).isFile() ? QFileInfo(e.source).absoluteFilePath() : e.traceId;
    };
    m_pendingCompare = {keyOf(a), keyOf(b)};
    // Files go through the load queue together (opening one file cancels the load of another); a stored
    // copy or a fetch runs on its own.
    QStringList files;
    bool opening = false;
    for (const LibraryEntry *e : {&a, &b}) {
        if (m_tabs->tabOfKey(keyOf(*e)) >= 0)
            continue;
        opening = true;
        if (QFileInfo(e->source).isFile())
            files << QFileInfo(e->source).absoluteFilePath();
        else if (library() && library()->storedCopy(e->traceId).isEmpty() && e->source.contains(QLatin1Char('/')))
            // Fetched again: through the fetch queue, one after the other, as the Search tab's traces.
            openTracesOfProfile(e->source.section(QLatin1Char('/'), 0, 0), {e->traceId});
        else
            openLibraryEntry(*e);
    }
    if (!files.isEmpty())
        openFiles(files);
    if (!opening)
        showPendingCompare();
}

void MainWindow::compareTracesOfProfile(const QString &profileName, const QString &traceIdA, const QString &traceIdB)
{
    m_pendingCompare = {traceIdA, traceIdB};
    QStringList toFetch;
    for (const QString &id : {traceIdA, traceIdB})
        if (m_tabs->tabOfKey(id) < 0)
            toFetch << id;
    if (toFetch.isEmpty())
        showPendingCompare();
    else
        openTracesOfProfile(profileName, toFetch);
}

// File > Compare…: A and B from the open traces, or a file for either.
void MainWindow::openCompareDialog()
{
    QDialog dialog(this);
    dialog.setWindowTitle(tr("Compare Traces"));
    auto *form = new QFormLayout(&dialog);
    auto *hint = new QLabel(tr("Which call got slower, which is new: B against A, path by path."), &dialog);
    hint->setTextFormat(Qt::PlainText);
    form->addRow(hint);
    QComboBox *boxes[2];
    const QString chooseFile = tr("A file…");
    for (int side = 0; side < 2; ++side) {
        auto *box = new QComboBox(&dialog);
        box->setObjectName(side == 0 ? QStringLiteral("compareA") : QStringLiteral("compareB"));
        for (int i = 0; i < m_tabs->count(); ++i)
            if (m_tabs->spanViewAt(i))
                box->addItem(m_tabs->tabText(i), i);
        box->addItem(chooseFile, -1);
        boxes[side] = box;
        form->addRow(side == 0 ? tr("A (before):") : tr("B (after):"), box);
    }
    // The current trace as B (the one just opened, usually the slow one), the one before it as A.
    const int current = boxes[1]->findData(m_tabs->currentIndex());
    if (current >= 0) {
        boxes[1]->setCurrentIndex(current);
        boxes[0]->setCurrentIndex(current > 0 ? current - 1 : std::min(1, boxes[0]->count() - 1));
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Compare"));
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    form->addRow(buttons);
    if (dialog.exec() != QDialog::Accepted)
        return;
    QStringList keys;
    for (QComboBox *box : boxes) {
        const int tab = box->currentData().toInt();
        if (tab >= 0) {
            keys << m_tabs->keyOf(tab);
            continue;
        }
        const QString path = QFileDialog::getOpenFileName(this, tr("Compare: choose a trace"), m_recent->lastDirectory(),
                                                          tr("Trace files (*.json);;All files (*)"));
        if (path.isEmpty())
            return;
        keys << QFileInfo(path).absoluteFilePath();
    }
    m_pendingCompare = keys;
    QStringList toOpen;
    for (const QString &key : std::as_const(keys))
        if (m_tabs->tabOfKey(key) < 0 && QFileInfo(key).isFile() && !toOpen.contains(key))
            toOpen << key;
    if (toOpen.isEmpty())
        showPendingCompare();
    else
        openFiles(toOpen);
}

} // namespace td
