#include "tracesaver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QMessageBox>
#include <QSaveFile>
#include <QStatusBar>

namespace td {

bool TraceSaver::save(const Trace &trace, const TraceSource &source, const QString &path, QString *error)
{
    const auto fail = [error](const QString &text) {
        if (error)
            *error = text;
        return false;
    };
    QByteArray bytes;
    if (source.bytes) {
        bytes = QByteArray(source.bytes->data(), static_cast<qsizetype>(source.bytes->size()));
    } else {
        QFile in(source.filePath);
        if (!in.open(QIODevice::ReadOnly))
            return fail(tr("Could not read %1: %2").arg(QDir::toNativeSeparators(source.filePath), in.errorString()));
        const QFileInfo info(source.filePath);
        if (static_cast<std::uint64_t>(in.size()) != trace.sourceSize()
            || (source.fileModified.isValid() && info.lastModified() != source.fileModified))
            return fail(tr("%1 has changed since it was opened, so it is no longer the trace shown. Open it again to save it.")
                            .arg(QDir::toNativeSeparators(source.filePath)));
        bytes = in.readAll();
    }
    if (QFileInfo(path).absoluteFilePath() == QFileInfo(source.filePath).absoluteFilePath())
        return true; // saving a file onto itself: it already holds these bytes
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit())
        return fail(tr("Could not write %1: %2").arg(QDir::toNativeSeparators(path), out.errorString()));
    return true;
}

void TraceSaver::saveAs(QWidget *parent, const Trace &trace, const TraceSource &source, QString *directory, QStatusBar *status)
{
    const QString target = QFileDialog::getSaveFileName(parent, tr("Save Trace As"), *directory, tr("JSON files (*.json);;All files (*)"));
    if (target.isEmpty())
        return;
    QString error;
    if (save(trace, source, target, &error)) {
        *directory = QFileInfo(target).absolutePath();
        status->showMessage(tr("Saved %1").arg(QDir::toNativeSeparators(target)), 5000);
    } else {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Save As"), error, QMessageBox::Close, parent);
        box->setTextFormat(Qt::PlainText);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
}

} // namespace td
