#pragma once

#include "connectionprofiles.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QFormLayout;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace td {

class TokenStore;

// Add, edit and remove connection profiles. Profiles go to QSettings on OK; tokens go to the TokenStore only.
class ConnectionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit ConnectionsDialog(TokenStore *tokens, QWidget *parent = nullptr);

    void selectProfile(const QString &name);
    QString selectedProfile() const;

    void accept() override;

private:
    struct Row
    {
        ConnectionProfile profile;
        QString originalName; // empty for new rows
        QString newToken;     // typed in this dialog; empty = unchanged
    };

    void addProfile();
    void removeProfile();
    void browseCaBundle();
    void showRow(int row);
    void storeForm();
    void refreshList();
    // Shows the fields the chosen backend kind and authentication use (project id only for the spans API, ...).
    void updateKindRows();
    void showError(const QString &text);
    void finishAccept();

    TokenStore *m_tokens;
    QList<Row> m_rows;
    QStringList m_removed;
    int m_current = -1;
    int m_pendingTokenWrites = 0;
    QStringList m_tokenNotes;

    QListWidget *m_list;
    QLineEdit *m_name;
    QComboBox *m_kind;
    QLineEdit *m_baseUrl;
    QComboBox *m_auth;
    QLineEdit *m_username;
    QCheckBox *m_newerApi;
    QFormLayout *m_form = nullptr;
    QLineEdit *m_projectId;
    QLineEdit *m_clusterId;
    QLineEdit *m_namespace;
    QLineEdit *m_tokenHeader;
    QSpinBox *m_timeout;
    QSpinBox *m_maxSize;
    QCheckBox *m_verifyTls;
    QLineEdit *m_caBundle;
    QLineEdit *m_token;
    QLabel *m_tokenNote;
    QLabel *m_error;
    QDialogButtonBox *m_buttons;
};

} // namespace td
