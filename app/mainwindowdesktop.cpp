// MainWindow's desktop integration: trace links, what a second launch hands over, and Preferences.
#include "mainwindow.h"

#include "preferencesdialog.h"
#include "remotetraceopener.h"
#include "spanpanel.h"
#include "spanview.h"
#include "theme.h"
#include "tracelibrary.h"
#include "tracelink.h"

#include <QApplication>
#include <QFileInfo>
#include <QMessageBox>
#include <QSettings>

namespace td {

namespace {

void warnPlain(QWidget *parent, const QString &title, const QString &text)
{
    // Link text comes from outside (an alert, a chat): never interpreted as rich text.
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::Ok, parent);
    box.setTextFormat(Qt::PlainText);
    box.exec();
}

} // namespace

void MainWindow::openLink(const QUrl &url)
{
    const TraceLinkParse parsed = parseTraceLink(url.toString(QUrl::FullyEncoded));
    if (!parsed.ok()) {
        warnPlain(this, tr("Open Trace Link"), parsed.error);
        return;
    }
    QString profile = parsed.link.profile;
    if (profile.isEmpty())
        profile = toolbarProfile();
    if (profile.isEmpty()) {
        warnPlain(this, tr("Open Trace Link"),
                  tr("The link to trace %1 names no connection profile, and there is none yet. Add one, then open the link again.")
                      .arg(parsed.link.traceId));
        opener()->manageConnections();
        return;
    }
    opener()->fetchWithProfile(profile, parsed.link.traceId);
}

void MainWindow::openHandedOff(const QStringList &items)
{
    if (isMinimized())
        showNormal();
    raise();
    activateWindow();
    QStringList files;
    for (const QString &item : items) {
        if (isTraceLinkArgument(item)) {
            const TraceLinkParse parsed = parseTraceLink(item);
            if (parsed.ok())
                openLink(parsed.link.toUrl());
            else
                warnPlain(this, tr("Open Trace Link"), parsed.error);
        } else if (!item.isEmpty()) {
            files << QFileInfo(item).absoluteFilePath();
        }
    }
    if (!files.isEmpty())
        openFiles(files);
}

void MainWindow::showPreferences()
{
    QSettings settings;
    PreferencesDialog dialog(Preferences::load(settings), this);
    connect(&dialog, &PreferencesDialog::manageConnectionsRequested, opener(), &RemoteTraceOpener::manageConnections);
    if (dialog.exec() != QDialog::Accepted)
        return;
    const Preferences chosen = dialog.preferences();
    chosen.save(settings);
    if (auto *theme = qApp->findChild<ThemeManager *>())
        theme->apply(chosen.theme);
    SpanPanel::setUtcDisplay(chosen.utcTimes);
    if (TraceLibrary *lib = library(); lib && lib->isOpen())
        lib->setCopyCapBytes(chosen.libraryCopyCapBytes()); // evicts at once when lowered
    updateStatus();
    onSpanSelected(spanView() ? spanView()->selectedSpan() : -1);
}

} // namespace td
