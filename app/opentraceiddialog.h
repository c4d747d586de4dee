#pragma once

#include "connectionprofiles.h"

#include <QDialog>

#include <optional>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace td {

class TokenStore;

// File > Open Trace ID...: a trace id (trimmed; empty refused before any request), a connection profile,
// and the recent ids of that profile. On OK the id is added to the profile's history.
class OpenTraceIdDialog : public QDialog
{
    Q_OBJECT

public:
    explicit OpenTraceIdDialog(TokenStore *tokens, QWidget *parent = nullptr);

    QString traceId() const; // trimmed
    void setTraceId(const QString &traceId);
    QString profileName() const;
    void setProfileName(const QString &name);
    std::optional<ConnectionProfile> profile() const;

    void accept() override;

private:
    void reloadProfiles(const QString &select);
    void reloadHistory();
    void updateOk();
    void manageConnections();

    TokenStore *m_tokens;
    QList<ConnectionProfile> m_profiles;
    QComboBox *m_profile;
    QComboBox *m_traceId;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace td
