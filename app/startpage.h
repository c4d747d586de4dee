#pragma once

#include <QList>
#include <QPair>
#include <QStringList>
#include <QWidget>

class QLabel;
class QListWidget;
class QListWidgetItem;

namespace td {

class LibraryView;

// What the window shows when no trace is open: open a file, open a trace by id, the bundled sample, and the
// recent files and trace ids one click away.
class StartPage : public QWidget
{
    Q_OBJECT
public:
    // Recent trace ids of one connection profile, most recent first.
    using ProfileIds = QPair<QString, QStringList>;

    explicit StartPage(QWidget *parent = nullptr);

    void setRecentFiles(const QStringList &paths);
    void setRecentTraceIds(const QList<ProfileIds> &ids);
    QListWidget *recentFilesList() const { return m_files; }
    QListWidget *recentTraceIdsList() const { return m_ids; }
    // The local library: every trace opened or fetched, searchable offline.
    LibraryView *libraryView() const { return m_library; }

    enum Role { PathRole = Qt::UserRole, ProfileRole, TraceIdRole };

signals:
    void openFileRequested();
    void openTraceIdRequested();
    void searchRequested();
    void openSampleRequested();
    void recentFileRequested(const QString &path);
    void recentTraceIdRequested(const QString &profile, const QString &traceId);

private:
    void activate(QListWidgetItem *item);

    QListWidget *m_files;
    QListWidget *m_ids;
    LibraryView *m_library;
    QLabel *m_noFiles;
    QLabel *m_noIds;
};

} // namespace td
