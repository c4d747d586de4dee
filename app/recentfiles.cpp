#include "recentfiles.h"

#include "connectionprofiles.h"
#include "startpage.h"

#include <QDir>
#include <QFileInfo>
#include <QMenu>
#include <QSettings>

namespace td {

RecentFiles::RecentFiles(QMenu *filesMenu, QMenu *traceIdsMenu, StartPage *startPage, QObject *parent)
    : QObject(parent)
    , m_filesMenu(filesMenu)
    , m_traceIdsMenu(traceIdsMenu)
    , m_startPage(startPage)
{
    // Trace ids are added by the fetch code through ConnectionProfiles: read them when the menu opens.
    connect(m_traceIdsMenu, &QMenu::aboutToShow, this, &RecentFiles::refresh);
}

void RecentFiles::add(const QString &path)
{
    if (path.startsWith(QLatin1Char(':')))
        return; // the bundled sample
    const QString absolute = QFileInfo(path).absoluteFilePath();
    m_files.removeAll(absolute);
    m_files.prepend(absolute);
    while (m_files.size() > maxFiles)
        m_files.removeLast();
    refresh();
}

void RecentFiles::read(const QSettings &settings)
{
    m_files = settings.value(QStringLiteral("files/recent")).toStringList().mid(0, maxFiles);
    m_lastDirectory = settings.value(QStringLiteral("files/lastDirectory")).toString();
    refresh();
}

void RecentFiles::write(QSettings &settings) const
{
    settings.setValue(QStringLiteral("files/recent"), m_files);
    settings.setValue(QStringLiteral("files/lastDirectory"), m_lastDirectory);
}

void RecentFiles::refresh()
{
    m_filesMenu->clear();
    for (const QString &path : std::as_const(m_files)) {
        QAction *a = m_filesMenu->addAction(QDir::toNativeSeparators(path));
        connect(a, &QAction::triggered, this, [this, path] { emit fileRequested(path); });
    }
    m_filesMenu->setEnabled(!m_files.isEmpty());

    QSettings settings;
    QList<StartPage::ProfileIds> ids;
    m_traceIdsMenu->clear();
    for (const ConnectionProfile &p : ConnectionProfiles::load(settings)) {
        const QStringList recent = ConnectionProfiles::recentTraceIds(settings, p.name).mid(0, maxTraceIdsPerProfile);
        if (recent.isEmpty())
            continue;
        ids.append({p.name, recent});
        m_traceIdsMenu->addSection(p.name);
        for (const QString &id : recent) {
            QAction *a = m_traceIdsMenu->addAction(id);
            connect(a, &QAction::triggered, this, [this, name = p.name, id] { emit traceIdRequested(name, id); });
        }
    }
    m_traceIdsMenu->setEnabled(!ids.isEmpty());
    m_startPage->setRecentFiles(m_files);
    m_startPage->setRecentTraceIds(ids);
}

} // namespace td
