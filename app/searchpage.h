#pragma once

#include "backendapi.h"
#include "connectionprofiles.h"
#include "tracesearchclient.h"

#include <QDateTime>
#include <QWidget>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace td {

class SearchResultsView;
class TokenStore;

// The Search tab: pick a Zipkin, Jaeger or Tempo profile, a service and operation (lists filled from the
// backend), tags, durations, a time range and a limit; the results are shown as a scatter and a table,
// and the chosen traces open in tabs of their own. Searches run in the background with Cancel.
class SearchPage : public QWidget
{
    Q_OBJECT

public:
    // `tokens` gives each profile's secret; it must outlive the page.
    SearchPage(TokenStore *tokens, QWidget *parent = nullptr);

    // Re-reads the profiles (after Connections changed them); keeps the chosen one when it still exists.
    void reloadProfiles();
    void setProfiles(const QList<ConnectionProfile> &profiles);
    QString currentProfile() const;
    bool selectProfile(const QString &name);

    // The query the form describes, or an empty optional with *error set.
    std::optional<TraceQuery> query(QString *error) const;
    // The end of the "last N" ranges; the clock unless a test sets it.
    void setNow(const QDateTime &now) { m_now = now; }

    // Widgets, for tests and the main window.
    QComboBox *profileBox() const { return m_profile; }
    QComboBox *serviceBox() const { return m_service; }
    QComboBox *operationBox() const { return m_operation; }
    QLineEdit *tagsEdit() const { return m_tags; }
    QLineEdit *traceQlEdit() const { return m_traceQl; }
    QLineEdit *minDurationEdit() const { return m_minDuration; }
    QLineEdit *maxDurationEdit() const { return m_maxDuration; }
    QComboBox *rangeBox() const { return m_range; }
    QDateTimeEdit *fromEdit() const { return m_from; }
    QDateTimeEdit *toEdit() const { return m_to; }
    QSpinBox *limitBox() const { return m_limit; }
    QPushButton *searchButton() const { return m_searchButton; }
    QPushButton *cancelButton() const { return m_cancelButton; }
    QLabel *statusLabel() const { return m_status; }
    SearchResultsView *results() const { return m_results; }
    TraceSearchClient *client() const { return m_client; }

public Q_SLOTS:
    void search();
    void cancel();

Q_SIGNALS:
    // Open these traces of this profile, each in a tab.
    void openTracesRequested(const QString &profileName, const QStringList &traceIds);
    void manageConnectionsRequested();
    // A search finished (results shown, or the failure in the status line).
    void searchFinished(const td::SearchResult &result);

private:
    void onProfileChanged();
    void onServiceChanged();
    void withConnection(const std::function<void(const FetchRequest &)> &use);
    void setStatus(const QString &text, bool error);
    void setSearching(bool searching);
    std::optional<ConnectionProfile> profile() const;

    TokenStore *m_tokens;
    TraceSearchClient *m_client;
    QList<ConnectionProfile> m_profiles;
    QDateTime m_now;
    QComboBox *m_profile;
    QPushButton *m_connectionsButton;
    QComboBox *m_service;
    QComboBox *m_operation;
    QLineEdit *m_tags;
    QLineEdit *m_traceQl;
    QLineEdit *m_minDuration;
    QLineEdit *m_maxDuration;
    QComboBox *m_range;
    QDateTimeEdit *m_from;
    QDateTimeEdit *m_to;
    QSpinBox *m_limit;
    QPushButton *m_searchButton;
    QPushButton *m_cancelButton;
    QLabel *m_status;
    SearchResultsView *m_results;
};

} // namespace td
