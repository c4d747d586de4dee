#pragma once

#include <QObject>
#include <QStringList>

class QMenu;
class QSettings;

namespace td {

class StartPage;

// The files opened lately and the trace ids fetched lately (per connection profile), in File > Open Recent,
// File > Recent Trace IDs and on the start page; and the folder the file dialogs start in. Kept in QSettings.
class RecentFiles : public QObject
{
    Q_OBJECT
public:
    static constexpr int maxFiles = 10;
    static constexpr int maxTraceIdsPerProfile = 8;

    RecentFiles(QMenu *filesMenu, QMenu *traceIdsMenu, StartPage *startPage, QObject *parent = nullptr);

    // A file was opened: first in the list (the bundled sample is not listed).
    void add(const QString &path);
    QStringList files() const { return m_files; }
    QString lastDirectory() const { return m_lastDirectory; }
    void setLastDirectory(const QString &directory) { m_lastDirectory = directory; }

    void read(const QSettings &settings);
    void write(QSettings &settings) const;
    // Fills the menus and the start page again (the trace ids come from the connection profiles' settings).
    void refresh();

signals:
    void fileRequested(const QString &path);
    void traceIdRequested(const QString &profileName, const QString &traceId);

private:
    QMenu *m_filesMenu;
    QMenu *m_traceIdsMenu;
    StartPage *m_startPage;
    QStringList m_files;
    QString m_lastDirectory;
};

} // namespace td
