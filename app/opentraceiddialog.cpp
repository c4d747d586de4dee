#include "opentraceiddialog.h"

#include "connectionsdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace td {

OpenTraceIdDialog::OpenTraceIdDialog(TokenStore *tokens, QWidget *parent)
    : QDialog(parent)
    , m_tokens(tokens)
    , m_profile(new QComboBox(this))
    , m_traceId(new QComboBox(this))
    , m_error(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Open Trace ID"));
    m_profile->setObjectName(QStringLiteral("profile"));
    m_traceId->setObjectName(QStringLiteral("traceId"));
    m_error->setObjectName(QStringLiteral("error"));
    m_traceId->setEditable(true);
    m_traceId->setInsertPolicy(QComboBox::NoInsert);
    m_traceId->setMinimumContentsLength(32);
    m_traceId->lineEdit()->setPlaceholderText(tr("e.g. 0000000027046b00"));
    m_traceId->lineEdit()->setClearButtonEnabled(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->setWordWrap(true);
    m_error->hide();
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Fetch"));

    auto *connections = new QPushButton(tr("&Connections..."), this);
    auto *profileRow = new QHBoxLayout;
    profileRow->addWidget(m_profile, 1);
    profileRow->addWidget(connections);

    auto *form = new QFormLayout;
    form->addRow(tr("&Trace id:"), m_traceId);
    auto *profileLabel = new QLabel(tr("&Profile:"), this);
    profileLabel->setBuddy(m_profile);
    form->addRow(profileLabel, profileRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &OpenTraceIdDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &OpenTraceIdDialog::reject);
    connect(connections, &QPushButton::clicked, this, &OpenTraceIdDialog::manageConnections);
    connect(m_profile, &QComboBox::currentIndexChanged, this, [this] {
        reloadHistory();
        updateOk();
    });
    connect(m_traceId, &QComboBox::editTextChanged, this, &OpenTraceIdDialog::updateOk);

    QSettings settings;
    reloadProfiles(ConnectionProfiles::lastUsedProfile(settings));
    m_traceId->setFocus();
}

void OpenTraceIdDialog::reloadProfiles(const QString &select)
{
    QSettings settings;
    m_profiles = ConnectionProfiles::load(settings);
    const QSignalBlocker blocker(m_profile);
    m_profile->clear();
    for (const ConnectionProfile &p : std::as_const(m_profiles))
        m_profile->addItem(p.name);
    const int index = m_profile->findText(select);
    m_profile->setCurrentIndex(index >= 0 ? index : 0);
    reloadHistory();
    updateOk();
}

void OpenTraceIdDialog::reloadHistory()
{
    QSettings settings;
    const QString typed = m_traceId->currentText();
    const QSignalBlocker blocker(m_traceId);
    m_traceId->clear();
    if (!profileName().isEmpty())
        m_traceId->addItems(ConnectionProfiles::recentTraceIds(settings, profileName()));
    m_traceId->setEditText(typed);
}

void OpenTraceIdDialog::updateOk()
{
    QString problem;
    if (m_profiles.isEmpty())
        problem = tr("There is no connection profile yet: add one with Connections...");
    m_error->setText(problem);
    m_error->setVisible(!problem.isEmpty());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!traceId().isEmpty() && !m_profiles.isEmpty());
}

void OpenTraceIdDialog::manageConnections()
{
    ConnectionsDialog dialog(m_tokens, this);
    dialog.selectProfile(profileName());
    if (dialog.exec() == QDialog::Accepted)
        reloadProfiles(dialog.selectedProfile());
}

QString OpenTraceIdDialog::traceId() const
{
    return m_traceId->currentText().trimmed();
}

void OpenTraceIdDialog::setTraceId(const QString &traceId)
{
    m_traceId->setEditText(traceId);
}

QString OpenTraceIdDialog::profileName() const
{
    return m_profile->currentText();
}

void OpenTraceIdDialog::setProfileName(const QString &name)
{
    const int index = m_profile->findText(name);
    if (index >= 0)
        m_profile->setCurrentIndex(index);
}

std::optional<ConnectionProfile> OpenTraceIdDialog::profile() const
{
    return ConnectionProfiles::find(m_profiles, profileName());
}

void OpenTraceIdDialog::accept()
{
    if (traceId().isEmpty()) {
        m_error->setText(tr("Enter a trace id."));
        m_error->show();
        return;
    }
    const auto p = profile();
    if (!p) {
        m_error->setText(tr("Choose a connection profile, or add one with Connections..."));
        m_error->show();
        return;
    }
    if (const QString problem = p->validationError(); !problem.isEmpty()) {
        m_error->setText(tr("Profile \"%1\": %2").arg(p->name, problem));
        m_error->show();
        return;
    }
    QSettings settings;
    ConnectionProfiles::addRecentTraceId(settings, p->name, traceId());
    ConnectionProfiles::setLastUsedProfile(settings, p->name);
    QDialog::accept();
}

} // namespace td
